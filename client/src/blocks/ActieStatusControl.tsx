import { useId, useState } from 'react';
import { translate } from '../../../shared/src/i18n/translate';
import { ACTIE_STATUS_KINDS, actieStatusLabelKey, type ActieStatusKind } from '../../../shared/src/schema/blocks/doelenActies';
import { ApiError, setActieStatus } from '../api/apiClient';

/** The status body the server stores: "gedaan" carries today's date. */
export function actieStatusBody(kind: ActieStatusKind, today: Date): { kind: ActieStatusKind; op?: string } {
  return kind === 'gedaan' ? { kind, op: today.toISOString().slice(0, 10) } : { kind };
}

/**
 * Sets an action's status through the server (issue #6, [R11]): its owner may, even a parent who cannot write
 * the common plan itself. The new status comes back by sync.
 */
export function ActieStatusControl(props: { planId: string; actieId: string; doelId: string; current: ActieStatusKind; label: string }) {
  const { planId, actieId, doelId, current, label } = props;
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const change = (kind: ActieStatusKind) => {
    setBusy(true);
    setError(null);
    setActieStatus(planId, actieId, doelId, actieStatusBody(kind, new Date()))
      .catch((e: unknown) => setError(e instanceof ApiError ? e.message : translate('error.server')))
      .finally(() => setBusy(false));
  };
  return (
    <>
      <label htmlFor={id} className="visually-hidden">
        {translate('acties.statusZetten', { actie: label })}
      </label>
      <select id={id} value={current} disabled={busy} onChange={(e) => change(e.target.value as ActieStatusKind)}>
        {ACTIE_STATUS_KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {translate(actieStatusLabelKey(kind))}
          </option>
        ))}
      </select>
      {error && (
        <span className="form-error" role="alert">
          {error}
        </span>
      )}
    </>
  );
}
