import { useState, type ReactNode } from 'react';
import { translate } from '../../../shared/src/i18n/translate';
import type { EnumOption } from '../../../shared/src/schema/fields';
import { isIsoDate } from '../../../shared/src/schema/guards';
import type { WidgetProps } from './widgetProps';

/** A labelled `<select>` in the field layout; `onSelect` gets the chosen option's value string. */
export function LabelledSelect({
  id,
  label,
  value,
  editable,
  describedBy,
  onSelect,
  children,
}: {
  id: string;
  label: string;
  value: string;
  editable: boolean;
  describedBy?: string | undefined;
  onSelect: (value: string) => void;
  children: ReactNode;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} disabled={!editable} aria-describedby={describedBy || undefined} onChange={(e) => onSelect(e.target.value)}>
        {children}
      </select>
    </div>
  );
}

/** A select of fixed values (kader, soort, status …); with `allowEmpty` the value may be "not chosen" (null). */
export function EnumSelect({
  options,
  allowEmpty,
  ...props
}: WidgetProps<string | number | null> & { options: readonly EnumOption[]; allowEmpty: boolean }) {
  const { value, onChange } = props;
  return (
    <LabelledSelect
      {...props}
      value={value === null ? '' : String(value)}
      onSelect={(v) => {
        const picked = options.find((o) => String(o.value) === v);
        if (picked) onChange(picked.value);
        else if (allowEmpty) onChange(null);
      }}
    >
      {(allowEmpty || value === null) && <option value="">{translate('select.none')}</option>}
      {options.map((o) => (
        <option key={String(o.value)} value={String(o.value)}>
          {translate(o.labelKey)}
        </option>
      ))}
    </LabelledSelect>
  );
}

/** A calendar date, or none. */
export function DateInput({ id, label, value, editable, onChange, describedBy }: WidgetProps<string | null>) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="date"
        className="date-input"
        value={value ?? ''}
        readOnly={!editable}
        aria-describedby={describedBy || undefined}
        onChange={(e) => {
          const v = e.target.value;
          if (v === '') onChange(null);
          else if (isIsoDate(v)) onChange(v);
        }}
      />
    </div>
  );
}

/** Ja / Nee / Weet ik niet. */
export function YesNoSelect({ value, onChange, ...props }: WidgetProps<boolean | null>) {
  return (
    <LabelledSelect {...props} value={value === null ? '' : value ? 'ja' : 'nee'} onSelect={(v) => onChange(v === '' ? null : v === 'ja')}>
      <option value="">{translate('yesNo.onbekend')}</option>
      <option value="ja">{translate('yesNo.ja')}</option>
      <option value="nee">{translate('yesNo.nee')}</option>
    </LabelledSelect>
  );
}

/**
 * A short plain string stored as one value (last write wins). While focused the field shows what this
 * person types, not what arrives, so a remote write never jumps the caret; it shows the doc again on blur.
 */
export function LineInput({ id, label, value, editable, onChange, describedBy }: WidgetProps<string>) {
  const [draft, setDraft] = useState<string | null>(null);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        className="text-input"
        value={draft ?? value}
        readOnly={!editable}
        aria-describedby={describedBy || undefined}
        onFocus={() => setDraft(value)}
        onBlur={() => setDraft(null)}
        onChange={(e) => {
          setDraft(e.target.value);
          onChange(e.target.value);
        }}
      />
    </div>
  );
}

const PRIORITEITEN = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;

/** Priority 1–9 (1 = safety, DESIGN.md §1), or none. */
export function PrioriteitSelect({ value, onChange, ...props }: WidgetProps<number | null>) {
  return (
    <LabelledSelect {...props} value={value === null ? '' : String(value)} onSelect={(v) => onChange(v === '' ? null : Number(v))}>
      <option value="">{translate('prioriteit.geen')}</option>
      {PRIORITEITEN.map((p) => (
        <option key={p} value={String(p)}>
          {p === 1 ? translate('prioriteit.veiligheid') : String(p)}
        </option>
      ))}
    </LabelledSelect>
  );
}
