import { useCallback, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { translate } from '../../../shared/src/i18n/translate';
import type { CommentList } from '../comments/ItemCommentButton';
import { deeper, Heading, type HeadingLevel } from './Heading';
import { ItemCard, type CardGroups, type FocusRequest } from './ItemCard';
import type { AnyItem, ListBinding } from './listBinding';
import { listWords } from './listWords';

export interface ListEditorProps {
  /** The list's key in `LIST_WORDS` (its item noun and add label). */
  readonly wordsKey: string;
  readonly binding: ListBinding;
  readonly items: readonly AnyItem[];
  readonly editable: boolean;
  /** A heading for the list (several lists in one block, or a nested list); none when the block's suffices. */
  readonly heading?: string;
  /** The level of that heading, or of the block heading when there is none. */
  readonly level: HeadingLevel;
  readonly groups?: CardGroups;
  /**
   * Extra content under one item's fields (disputes, warnings): components that read the plan data
   * themselves, so the function can be stable (module-level or memoized) and cards stay memoized.
   */
  readonly itemExtra?: (item: AnyItem) => ReactNode;
  /** The same for the items of a nested list, by the nested list's field and its parent. */
  readonly nestedExtra?: (field: string, parent: AnyItem, item: AnyItem) => ReactNode;
  /** Read-only cards appended to the list (own worries from the eigen docs, proposals). */
  readonly trailing?: ReactNode;
  /** For a nested list: the parent's title, so "Actie toevoegen" says to which goal. */
  readonly parentTitle?: string;
  /** Fields a new item starts with (a new score round is dated today). */
  readonly newItem?: () => Readonly<Record<string, unknown>>;
  /** The list as comment anchors name it; its cards (and those of its nested lists) get "Opmerking". Stable. */
  readonly commentList?: CommentList | undefined;
}

type Focus = { readonly id: string; readonly what: FocusRequest } | null;

/** A list as cards, one per item, with add, move up/down and remove (DESIGN.md §3.3 structured blocks). */
export function ListEditor(props: ListEditorProps) {
  const { wordsKey, binding, items, editable, level, nestedExtra, newItem, commentList } = props;
  const words = listWords(wordsKey);
  const noun = translate(words.item);
  const headingId = useId();
  const addRef = useRef<HTMLButtonElement>(null);
  const [focus, setFocus] = useState<Focus>(null);
  const clearFocus = useCallback(() => setFocus(null), []);

  const add = () => {
    const id = binding.add(newItem?.());
    if (id) setFocus({ id, what: 'first' });
  };
  const move = useCallback(
    (id: string, index: number, direction: -1 | 1) => {
      if (binding.move(id, index + direction)) setFocus({ id, what: direction < 0 ? 'up' : 'down' });
    },
    [binding],
  );
  const remove = useCallback(
    (id: string, index: number) => {
      // A removed item is gone for everyone; ask first (window.confirm is keyboard and screen-reader friendly).
      if (!window.confirm(translate('list.removeConfirm', { item: `${noun} ${index + 1}` }))) return;
      binding.remove(id);
      addRef.current?.focus();
    },
    [binding, noun],
  );
  const renderNested = useCallback(
    (field: string, parent: AnyItem, title: string) => (
      <NestedList
        key={field}
        parentBinding={binding}
        parent={parent}
        field={field}
        editable={editable}
        level={deeper(level)}
        parentTitle={title}
        nestedExtra={nestedExtra}
        commentList={commentList}
      />
    ),
    [binding, editable, level, nestedExtra, commentList],
  );
  const addLabel = translate(words.add);

  return (
    <div className="list" aria-labelledby={props.heading ? headingId : undefined} role={props.heading ? 'group' : undefined}>
      {props.heading && (
        <Heading level={level} id={headingId} className="list__heading">
          {props.heading}
        </Heading>
      )}
      {items.length === 0 && !props.trailing && <p className="muted list__empty">{translate('list.empty')}</p>}
      {(items.length > 0 || props.trailing) && (
        <ol className="cards">
          {items.map((item, index) => (
            <ItemCard
              key={item.id}
              item={item}
              index={index}
              count={items.length}
              spec={binding.spec}
              binding={binding}
              editable={editable}
              title={`${noun} ${index + 1}`}
              groups={props.groups}
              renderExtra={props.itemExtra}
              renderNested={renderNested}
              focus={focus?.id === item.id ? focus.what : null}
              onFocused={clearFocus}
              onMove={move}
              onRemove={remove}
              commentList={commentList}
            />
          ))}
          {props.trailing}
        </ol>
      )}
      {editable && (
        <button
          ref={addRef}
          type="button"
          className="add-button"
          aria-label={props.parentTitle ? translate('list.addFor', { add: addLabel, item: props.parentTitle }) : undefined}
          onClick={add}
        >
          + {addLabel}
        </button>
      )}
    </div>
  );
}

interface NestedListProps {
  readonly parentBinding: ListBinding;
  readonly parent: AnyItem;
  readonly field: string;
  readonly editable: boolean;
  readonly level: HeadingLevel;
  readonly parentTitle: string;
  readonly nestedExtra?: (field: string, parent: AnyItem, item: AnyItem) => ReactNode;
  /** The parent list as comment anchors name it. */
  readonly commentList?: CommentList | undefined;
}

/** The list in a list field of one item (the actions of a goal), with a binding that stays the same. */
function NestedList({ parentBinding, parent, field, editable, level, parentTitle, nestedExtra, commentList }: NestedListProps) {
  const binding = useMemo(() => parentBinding.nested(parent.id, field), [parentBinding, parent.id, field]);
  const nestedComments = useMemo(
    () => (commentList ? { docName: commentList.docName, list: commentList.list, parent: { field, itemId: parent.id } } : undefined),
    [commentList, field, parent.id],
  );
  const itemExtra = useMemo(() => (nestedExtra ? (item: AnyItem) => nestedExtra(field, parent, item) : undefined), [nestedExtra, field, parent]);
  return (
    <ListEditor
      wordsKey={field}
      binding={binding}
      items={(parent[field] as readonly AnyItem[] | undefined) ?? []}
      editable={editable}
      heading={translate(parentBinding.spec[field]?.labelKey ?? 'list.empty')}
      level={level}
      itemExtra={itemExtra}
      parentTitle={parentTitle}
      commentList={nestedComments}
    />
  );
}
