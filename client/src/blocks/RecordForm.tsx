import { memo, useId } from 'react';
import type { Attribution } from '../../../shared/src/schema/items';
import { FieldControl } from '../fields/FieldControl';
import { attributionText } from './attributionText';
import type { RecordBinding } from './listBinding';

/** A single-record block (the plankop, who gave the gewogen oordeel and when) as a form; redrawn only when it changes. */
export const RecordForm = memo(function RecordForm({ binding, value, editable }: { binding: RecordBinding; value: Readonly<Record<string, unknown>>; editable: boolean }) {
  const id = useId();
  const updated = value.updated as Attribution | null;
  return (
    <div className="record">
      <div className="card__fields">
        {Object.entries(binding.spec).map(([name, field]) => (
          <FieldControl
            key={name}
            id={`${id}-${name}`}
            field={field}
            value={value[name]}
            editable={editable}
            onChange={(v) => binding.update({ [name]: v })}
            readText={() => null}
          />
        ))}
      </div>
      {updated && <p className="card__meta">{attributionText(updated, 'gewijzigd')}</p>}
    </div>
  );
});
