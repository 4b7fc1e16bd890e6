import { useId, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { translate } from '../../../shared/src/i18n/translate';
import { can } from '../../../shared/src/permissions/can';
import { attendanceOf } from '../../../shared/src/versions/attendance';
import type { Aanwezigheid } from '../../../shared/src/versions/versionTypes';
import { ApiError, setAanwezigheid, setTeamoverleg } from '../api/apiClient';
import type { PlanView } from '../api/types';
import { usePlanRefresh } from '../pages/planRefreshContext';
import { usePresence } from '../sync/usePresence';
import { FreezeDialog } from '../versions/FreezeDialog';

const MARKS: readonly Aanwezigheid[] = ['aanwezig', 'afwezig', 'afgemeld'];

/**
 * The teamoverleg banner (issues #6, #8): everyone sees when the common plan is open for all who are present;
 * the jeugdbeschermer starts and ends it here, keeps the attendance (pre-filled from who is here now,
 * editable), and on ending it is offered "Versie vaststellen".
 */
export function TeamoverlegBanner({ plan, awareness }: { plan: PlanView; awareness: Awareness | null }) {
  const refresh = usePlanRefresh();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [offerFreeze, setOfferFreeze] = useState<'no' | 'offer' | 'open'>('no');
  const open = plan.state.teamoverleg.open;
  const mayToggle = can(plan.me, open ? 'closeTeamoverleg' : 'openTeamoverleg');
  if (!open && !mayToggle) return null;

  const toggle = () => {
    setBusy(true);
    setError(null);
    setTeamoverleg(plan.planId, !open)
      .then(() => {
        setOfferFreeze(open && can(plan.me, 'freezeVersion') ? 'offer' : 'no');
        refresh();
      })
      .catch((e: unknown) => setError(e instanceof ApiError ? e.message : translate('error.server')))
      .finally(() => setBusy(false));
  };

  return (
    <div className={`teamoverleg-banner${open ? ' teamoverleg-banner--open' : ''}`} data-testid="teamoverleg-banner" data-open={open}>
      <p aria-live="polite">{open ? translate('teamoverleg.banner') : translate('teamoverleg.closed')}</p>
      {mayToggle && (
        <button type="button" className="secondary-button secondary-button--small" onClick={toggle} disabled={busy}>
          {open ? translate('teamoverleg.end') : translate('teamoverleg.start')}
        </button>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {open && can(plan.me, 'markPresent') && <Attendance plan={plan} awareness={awareness} onError={setError} />}
      {!open && offerFreeze === 'offer' && (
        <p className="teamoverleg-banner__offer">
          {translate('teamoverleg.afgelopen')}{' '}
          <button type="button" className="primary-button" onClick={() => setOfferFreeze('open')}>
            {translate('versies.vaststellen')}
          </button>
        </p>
      )}
      {!open && offerFreeze === 'open' && <FreezeDialog planId={plan.planId} onCancel={() => setOfferFreeze('no')} />}
    </div>
  );
}

/** Who is at the meeting: the jeugdbeschermer's marks, and for the rest who has the plan open now. */
function Attendance({ plan, awareness, onError }: { plan: PlanView; awareness: Awareness | null; onError: (message: string) => void }) {
  const id = useId();
  const refresh = usePlanRefresh();
  const here = usePresence(awareness, plan.me.memberId).map((m) => m.memberId);
  const present = [...new Set([...plan.state.present, ...here])];
  const rows = attendanceOf(plan.members, plan.state.teamoverleg.aanwezigheid, present);
  const mark = (memberId: string, value: Aanwezigheid) =>
    setAanwezigheid(plan.planId, memberId, value).then(refresh, (e: unknown) => onError(e instanceof ApiError ? e.message : translate('error.server')));
  return (
    <details className="attendance" open>
      <summary id={`${id}-h`}>{translate('teamoverleg.aanwezigheid')}</summary>
      <p className="muted">{translate('teamoverleg.aanwezigheid.hint')}</p>
      <ul className="attendance-list" aria-labelledby={`${id}-h`} data-testid="attendance">
        {rows.map((row) => (
          <li key={row.memberId}>
            <label htmlFor={`${id}-${row.memberId}`}>{row.name}</label>{' '}
            <select id={`${id}-${row.memberId}`} value={row.aanwezigheid} data-member-id={row.memberId} onChange={(e) => void mark(row.memberId, e.target.value as Aanwezigheid)}>
              {MARKS.map((m) => (
                <option key={m} value={m}>
                  {translate(`members.${m}`)}
                </option>
              ))}
            </select>
          </li>
        ))}
      </ul>
    </details>
  );
}
