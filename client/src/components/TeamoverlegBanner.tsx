import { useState } from 'react';
import { translate } from '../../../shared/src/i18n/translate';
import { can } from '../../../shared/src/permissions/can';
import { ApiError, setTeamoverleg } from '../api/apiClient';
import type { PlanView } from '../api/types';
import { usePlanRefresh } from '../pages/planRefreshContext';

/**
 * The teamoverleg banner (issue #6): everyone sees when the common plan is open for all who are present;
 * the jeugdbeschermer starts and ends it here.
 */
export function TeamoverlegBanner({ plan }: { plan: PlanView }) {
  const refresh = usePlanRefresh();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const open = plan.state.teamoverleg.open;
  const mayToggle = can(plan.me, open ? 'closeTeamoverleg' : 'openTeamoverleg');
  if (!open && !mayToggle) return null;

  const toggle = () => {
    setBusy(true);
    setError(null);
    setTeamoverleg(plan.planId, !open)
      .then(() => refresh())
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
    </div>
  );
}
