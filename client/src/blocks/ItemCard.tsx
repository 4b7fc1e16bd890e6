import { memo, useEffect, useId, useMemo, useRef, type ReactNode } from 'react';
import type { MessageKey } from '../../../shared/src/i18n/nl';
import { translate } from '../../../shared/src/i18n/translate';
import type { FieldSpec, FieldSpecs } from '../../../shared/src/schema/fields';
import { ItemCommentButton, type CommentList } from '../comments/ItemCommentButton';
import { FieldControl } from '../fields/FieldControl';
import { AttributionLine } from './AttributionLine';
import type { AnyItem, ListBinding } from './listBinding';

/** Named groups of fields inside a card (a gevaarszin and its veiligheidsdoel); fields not named go first. */
export type CardGroups = readonly { readonly legendKey: MessageKey; readonly fields: readonly string[] }[];

/** What the list asks a card to focus after it re-rendered: its first field (new) or a move button (moved). */
export type FocusRequest = 'first' | 'up' | 'down';

export interface ItemCardProps {
  readonly item: AnyItem;
  readonly index: number;
  readonly count: number;
  readonly spec: FieldSpecs;
  /** Null for a card shown read-only from another doc (an own worry, a proposal). */
  readonly binding: ListBinding | null;
  readonly editable: boolean;
  readonly title: string;
  readonly badge?: ReactNode;
  readonly groups?: CardGroups;
  /** Disputes, warnings … shown under the fields (components that read the plan data themselves). */
  readonly renderExtra?: (item: AnyItem) => ReactNode;
  /** The nested list of a list field (the actions of a goal). */
  readonly renderNested?: (field: string, item: AnyItem, title: string) => ReactNode;
  readonly focus: FocusRequest | null;
  readonly onFocused: () => void;
  readonly onMove?: (id: string, index: number, direction: -1 | 1) => void;
  readonly onRemove?: (id: string, index: number) => void;
  /** The list as a comment anchor names it: the card gets "Opmerking" (issue #7). Stable, so cards stay memoized. */
  readonly commentList?: CommentList | undefined;
}

type ScalarSpec = Exclude<FieldSpec, { kind: 'list' }>;

/**
 * One list item as a card: its fields as form controls, who entered it, and move/remove buttons.
 * Memoized: every prop is stable while the item is unchanged (items keep their identity between reads),
 * so typing in one card does not redraw the others.
 */
export const ItemCard = memo(function ItemCard(props: ItemCardProps) {
  const { item, index, count, spec, binding, editable, title, focus, onFocused } = props;
  const id = useId();
  const ref = useRef<HTMLLIElement>(null);
  const canEdit = editable && binding !== null;

  useEffect(() => {
    if (!focus || !ref.current) return;
    const el = ref.current;
    const target =
      focus === 'first'
        ? el.querySelector<HTMLElement>('input, textarea, select')
        : (el.querySelector<HTMLButtonElement>(`[data-move="${focus}"]:not(:disabled)`) ?? el.querySelector<HTMLButtonElement>('[data-move]:not(:disabled)'));
    target?.focus();
    onFocused();
  }, [focus, onFocused]);

  const scalar = useMemo(() => Object.entries(spec).filter((e): e is [string, ScalarSpec] => e[1].kind !== 'list'), [spec]);
  const lists = useMemo(() => Object.entries(spec).filter(([, f]) => f.kind === 'list').map(([name]) => name), [spec]);
  // A card of one text (a line on the veiligheidskaart, a decision) is labelled by its title alone.
  const compact = scalar.length === 1 && lists.length === 0 && scalar[0]?.[1].kind === 'text';
  const grouped = new Set(props.groups?.flatMap((g) => g.fields) ?? []);
  const control = ([name, field]: [string, ScalarSpec]) => (
    <FieldControl
      key={name}
      id={`${id}-${name}`}
      field={field}
      value={item[name]}
      editable={canEdit}
      onChange={(value) => binding?.update(item.id, { [name]: value })}
      readText={() => binding?.readText(item.id, name) ?? null}
      {...(compact ? { label: title, hideLabel: true } : {})}
    />
  );

  return (
    <li ref={ref} className={compact ? 'card card--compact' : 'card'} id={`item-${item.id}`} data-item-id={item.id}>
      <div role="group" aria-labelledby={`${id}-title`}>
        <div className="card__head">
          <p className="card__title" id={`${id}-title`}>
            {title}
          </p>
          {props.badge}
          {props.commentList && <ItemCommentButton list={props.commentList} itemId={item.id} title={title} />}
          {canEdit && (
            <div className="card__tools">
              <button type="button" className="tool-button" data-move="up" disabled={index === 0} aria-label={translate('list.actionFor', { action: translate('list.moveUp'), item: title })} onClick={() => props.onMove?.(item.id, index, -1)}>
                ↑ <span className="tool-button__text">{translate('list.moveUp')}</span>
              </button>
              <button type="button" className="tool-button" data-move="down" disabled={index === count - 1} aria-label={translate('list.actionFor', { action: translate('list.moveDown'), item: title })} onClick={() => props.onMove?.(item.id, index, 1)}>
                ↓ <span className="tool-button__text">{translate('list.moveDown')}</span>
              </button>
              <button type="button" className="tool-button tool-button--danger" aria-label={translate('list.actionFor', { action: translate('list.remove'), item: title })} onClick={() => props.onRemove?.(item.id, index)}>
                {translate('list.remove')}
              </button>
            </div>
          )}
        </div>
        <div className="card__fields">{scalar.filter(([name]) => !grouped.has(name)).map(control)}</div>
        {props.groups?.map((g) => (
          <fieldset key={g.legendKey} className="card__group">
            <legend>{translate(g.legendKey)}</legend>
            <div className="card__fields">{scalar.filter(([name]) => g.fields.includes(name)).map(control)}</div>
          </fieldset>
        ))}
        {lists.map((name) => props.renderNested?.(name, item, title))}
        {props.renderExtra?.(item)}
        <AttributionLine created={item.created} updated={item.updated} />
      </div>
    </li>
  );
});
