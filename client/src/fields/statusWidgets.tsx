import { translate } from '../../../shared/src/i18n/translate';
import {
  ACTIE_STATUS_KINDS,
  actieStatusLabelKey,
  DOEL_STATUS_KINDS,
  doelStatusLabelKey,
  type ActieStatus,
  type DoelStatus,
} from '../../../shared/src/schema/blocks/doelenActies';
import { todayIn } from '../../../shared/src/schema/overdue';
import { DateInput, LabelledSelect, LineInput } from './simpleWidgets';
import type { WidgetProps } from './widgetProps';

/** A goal's status; "afgewezen" asks for the reason the proposer will see. */
export function DoelStatusInput({ id, label, value, editable, onChange, describedBy }: WidgetProps<DoelStatus>) {
  return (
    <div className="field-stack">
      <LabelledSelect
        id={id}
        label={label}
        value={value.kind}
        editable={editable}
        describedBy={describedBy}
        onSelect={(v) => {
          const kind = v as DoelStatus['kind'];
          onChange(kind === 'afgewezen' ? { kind, reden: value.kind === 'afgewezen' ? value.reden : '' } : { kind });
        }}
      >
        {DOEL_STATUS_KINDS.map((k) => (
          <option key={k} value={k}>
            {translate(doelStatusLabelKey(k))}
          </option>
        ))}
      </LabelledSelect>
      {value.kind === 'afgewezen' && (
        <LineInput
          id={`${id}-reden`}
          label={translate('doelStatus.afgewezen.reden')}
          value={value.reden}
          editable={editable}
          onChange={(reden) => onChange({ kind: 'afgewezen', reden })}
        />
      )}
    </div>
  );
}

/** An action's status; "gedaan" carries the day (today when chosen). */
export function ActieStatusInput({ id, label, value, editable, onChange, describedBy }: WidgetProps<ActieStatus>) {
  return (
    <div className="field-stack">
      <LabelledSelect
        id={id}
        label={label}
        value={value.kind}
        editable={editable}
        describedBy={describedBy}
        onSelect={(v) => {
          const kind = v as ActieStatus['kind'];
          onChange(kind === 'gedaan' ? { kind, op: todayIn(new Date()) } : { kind });
        }}
      >
        {ACTIE_STATUS_KINDS.map((k) => (
          <option key={k} value={k}>
            {translate(actieStatusLabelKey(k))}
          </option>
        ))}
      </LabelledSelect>
      {value.kind === 'gedaan' && (
        <DateInput
          id={`${id}-op`}
          label={translate('actieStatus.gedaanOpLabel')}
          value={value.op}
          editable={editable}
          onChange={(op) => onChange({ kind: 'gedaan', op })}
        />
      )}
    </div>
  );
}
