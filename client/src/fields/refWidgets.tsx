import { translate } from '../../../shared/src/i18n/translate';
import type { BetwistDoel } from '../../../shared/src/schema/blocks/eigen';
import { memberLabel, type Option } from './formOptions';
import { useFormOptions } from './formOptionsContext';
import type { WidgetProps } from './widgetProps';

/** The target kinds of a single reference (`ValueInput` kind `ref`). */
export type RefTarget = 'gevaarszin' | 'doel' | 'lid';
/** The target kinds of a list of references (`ValueInput` kind `refs`). */
export type RefsTarget = 'persoon' | 'actie';

function useRefOptions(to: RefTarget): readonly Option[] {
  const options = useFormOptions();
  switch (to) {
    case 'gevaarszin':
      return options.gevaarszinnen;
    case 'doel':
      return options.doelen;
    case 'lid':
      return options.leden.map((m) => ({ value: m.memberId, label: memberLabel(m) }));
    default: {
      const never: never = to;
      return never;
    }
  }
}

/** One other item by id (a gevaarszin pair, a goal, a member), or none. */
export function RefSelect({ to, ...props }: WidgetProps<string | null> & { to: RefTarget }) {
  const { id, label, value, editable, onChange, describedBy } = props;
  const options = useRefOptions(to);
  const missing = value !== null && !options.some((o) => o.value === value);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value ?? ''}
        disabled={!editable}
        aria-describedby={describedBy || undefined}
        onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)}
      >
        <option value="">{translate('ref.none')}</option>
        {missing && <option value={value}>{translate('ref.missing')}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Several items by id as checkboxes: the children a worry concerns, the actions made in a meeting. */
export function RefsCheckboxes({ to, ...props }: WidgetProps<readonly string[]> & { to: RefsTarget }) {
  const { id, label, value, editable, onChange, describedBy } = props;
  const all = useFormOptions();
  const options = to === 'persoon' ? all.personen : all.acties;
  const toggle = (optionValue: string, on: boolean) =>
    onChange(on ? [...value.filter((v) => v !== optionValue), optionValue] : value.filter((v) => v !== optionValue));
  return (
    <fieldset className="field field--group" aria-describedby={describedBy || undefined}>
      <legend>{label}</legend>
      {options.length === 0 && <p className="muted small">{translate(to === 'persoon' ? 'refs.empty.persoon' : 'refs.empty.actie')}</p>}
      <div className="checks">
        {options.map((o, i) => (
          <label key={o.value} className="check" htmlFor={`${id}-${i}`}>
            <input
              id={`${id}-${i}`}
              type="checkbox"
              checked={value.includes(o.value)}
              disabled={!editable}
              onChange={(e) => toggle(o.value, e.target.checked)}
            />
            {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function betwistValue(v: BetwistDoel | null): string {
  return v === null ? '' : `${v.kind}:${v.id}`;
}

function parseBetwistValue(value: string): BetwistDoel | null {
  const [kind, ...rest] = value.split(':');
  const id = rest.join(':');
  if ((kind === 'zorg' || kind === 'tijdlijn') && id) return { kind, id };
  return null;
}

/** What a dispute is about: one worry or one timeline entry of the shared plan. */
export function BetwistDoelSelect({ id, label, value, editable, onChange, describedBy }: WidgetProps<BetwistDoel | null>) {
  const { zorgen, tijdlijn } = useFormOptions();
  const current = betwistValue(value);
  const known = [...zorgen.map((o) => `zorg:${o.value}`), ...tijdlijn.map((o) => `tijdlijn:${o.value}`)];
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={current} disabled={!editable} aria-describedby={describedBy || undefined} onChange={(e) => onChange(parseBetwistValue(e.target.value))}>
        <option value="">{translate('betwisting.kies')}</option>
        {current !== '' && !known.includes(current) && <option value={current}>{translate('ref.missing')}</option>}
        {zorgen.length > 0 && (
          <optgroup label={translate('block.zorgen')}>
            {zorgen.map((o) => (
              <option key={o.value} value={`zorg:${o.value}`}>
                {o.label}
              </option>
            ))}
          </optgroup>
        )}
        {tijdlijn.length > 0 && (
          <optgroup label={translate('block.tijdlijn')}>
            {tijdlijn.map((o) => (
              <option key={o.value} value={`tijdlijn:${o.value}`}>
                {o.label}
              </option>
            ))}
          </optgroup>
        )}
      </select>
    </div>
  );
}
