import { useId, useState } from 'react';
import { translate } from '../../../shared/src/i18n/translate';
import { adoptVoorstel, ApiError, declineVoorstel } from '../api/apiClient';

/**
 * Overnemen / Afwijzen for a proposed goal (issue #6, jeugdbeschermer). The server writes the decision into
 * the plan; the card then leaves the proposals by sync. Declining asks for a reason the proposer will see.
 */
export function ProposalDecision({ planId, memberId, doelId }: { planId: string; memberId: string; doelId: string }) {
  const id = useId();
  const [declining, setDeclining] = useState(false);
  const [reden, setReden] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    action()
      .catch((e: unknown) => setError(e instanceof ApiError ? e.message : translate('error.server')))
      .finally(() => setBusy(false));
  };

  return (
    <div className="proposal-decision" data-testid="proposal-decision">
      {!declining ? (
        <div className="proposal-decision__buttons">
          <button type="button" className="primary-button secondary-button--small" disabled={busy} onClick={() => run(() => adoptVoorstel(planId, memberId, doelId))}>
            {translate('voorstel.overnemen')}
          </button>
          <button type="button" className="secondary-button secondary-button--small" disabled={busy} onClick={() => setDeclining(true)}>
            {translate('voorstel.afwijzen')}
          </button>
        </div>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (reden.trim() === '') {
              setError(translate('voorstel.redenNodig'));
              return;
            }
            run(() => declineVoorstel(planId, memberId, doelId, reden.trim()));
          }}
        >
          <label htmlFor={`${id}-reden`}>{translate('voorstel.reden')}</label>
          <textarea id={`${id}-reden`} value={reden} onChange={(e) => setReden(e.target.value)} rows={2} maxLength={2000} />
          <div className="proposal-decision__buttons">
            <button type="submit" className="secondary-button secondary-button--small" disabled={busy}>
              {translate('voorstel.afwijzenBevestig')}
            </button>
            <button type="button" className="link-button" onClick={() => setDeclining(false)}>
              {translate('action.cancel')}
            </button>
          </div>
        </form>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
