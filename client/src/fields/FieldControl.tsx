import { translate } from '../../../shared/src/i18n/translate';
import type { FieldSpec } from '../../../shared/src/schema/fields';
import { useFormOptions } from './formOptionsContext';
import { SharedTextInput } from './SharedTextInput';
import { isShortText } from './textLayout';
import { ValueControl } from './ValueControl';
import { valueText } from './valueText';

interface FieldControlProps {
  readonly id: string;
  readonly field: Exclude<FieldSpec, { kind: 'list' }>;
  readonly value: unknown;
  /** False: the field is shown as text (read-only, or the doc is still loading). */
  readonly editable: boolean;
  readonly describedBy?: string;
  /** Writes a value field, or the whole new text of a text field. */
  readonly onChange: (value: unknown) => void;
  /** A text field's text straight from the doc (for typing onto others' edits). */
  readonly readText: () => string | null;
  /** Overrides the field's label (a one-field card is labelled by its title). */
  readonly label?: string;
  readonly hideLabel?: boolean;
}

/**
 * One field of an item or record with its label: a co-edited text box or the widget of a value field when
 * the member may write; the value in words when they may only read. Empty fields are left out when reading.
 */
export function FieldControl(props: FieldControlProps) {
  const { id, field, value, editable, describedBy, onChange, readText } = props;
  const label = props.label ?? translate(field.labelKey);
  const multiline = field.kind === 'text' && !isShortText(field.labelKey);
  if (!editable) return <ReadField field={field} value={value} label={label} hideLabel={props.hideLabel ?? false} multiline={multiline} />;
  if (field.kind === 'value') {
    return <ValueControl id={id} field={field} value={value} editable={editable} describedBy={describedBy} onChange={onChange} />;
  }
  return (
    <div className={multiline ? 'field field--wide' : 'field'}>
      <label htmlFor={id} className={props.hideLabel ? 'visually-hidden' : undefined}>
        {label}
      </label>
      <SharedTextInput
        id={id}
        value={typeof value === 'string' ? value : ''}
        multiline={multiline}
        editable={editable}
        describedBy={describedBy}
        readCurrent={readText}
        onWrite={onChange}
      />
    </div>
  );
}

/**
 * A field as text. Only this branch reads the form options (to name referenced items), so a field being
 * edited does not redraw when someone renames a person elsewhere.
 */
function ReadField({ field, value, label, hideLabel, multiline }: { field: FieldControlProps['field']; value: unknown; label: string; hideLabel: boolean; multiline: boolean }) {
  const options = useFormOptions();
  const text = field.kind === 'text' ? (typeof value === 'string' ? value.trim() : '') : valueText(field.input, value, options);
  if (!text) return null;
  return (
    <div className={multiline || text.length > 40 ? 'field field--read field--wide' : 'field field--read'}>
      <span className={hideLabel ? 'visually-hidden' : 'field__label'}>{label}</span>
      <span className="field__value">{text}</span>
    </div>
  );
}
