import { useEffect, useId, useState } from 'react';
import { translate } from '../../../shared/src/i18n/translate';
import { can } from '../../../shared/src/permissions/can';
import { ApiError, getAudit } from '../api/apiClient';
import type { AuditView as AuditData, PlanView } from '../api/types';

/** The anchor of the audit section. */
export const AUDIT_ANCHOR = 'logboek';

/** True when this member sees some form of the audit log (issue #6). */
export function mayViewAudit(plan: PlanView): boolean {
  return can(plan.me, 'viewAuditLog') || can(plan.me, 'viewWhoLooked');
}

/**
 * The audit log (issue #6): a table for the jeugdbeschermer; for an ouder or a jeugdige of 12 or older
 * "Wie heeft mijn plan bekeken of gewijzigd" in plain Dutch. Loaded on request, it is not live.
 */
export function AuditView({ plan }: { plan: PlanView }) {
  const id = useId();
  const [data, setData] = useState<AuditData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const names = new Map(plan.members.map((m) => [m.memberId, m.name]));
  const full = can(plan.me, 'viewAuditLog');

  useEffect(() => {
    if (version === 0) return;
    let cancelled = false;
    getAudit(plan.planId)
      .then((d) => !cancelled && setData(d))
      .catch((e: unknown) => !cancelled && setError(e instanceof ApiError ? e.message : translate('error.server')));
    return () => {
      cancelled = true;
    };
  }, [plan.planId, version]);

  return (
    <section id={AUDIT_ANCHOR} className="plan-section" aria-labelledby={`${id}-h`} data-testid="audit">
      <h2 id={`${id}-h`}>{full ? translate('audit.title') : translate('audit.family.title')}</h2>
      <button type="button" className="secondary-button secondary-button--small" onClick={() => setVersion((v) => v + 1)}>
        {data ? translate('audit.refresh') : translate('audit.show')}
      </button>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {data && 'lines' in data && (
        <ul className="audit-lines">
          {data.lines.length === 0 && <li className="muted">{translate('audit.empty')}</li>}
          {data.lines.map((line) => (
            <li key={line.seq}>{line.text}</li>
          ))}
        </ul>
      )}
      {data && 'records' in data && (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={translate('audit.title')}>
          <table className="audit-table">
            <thead>
              <tr>
                <th scope="col">{translate('audit.col.at')}</th>
                <th scope="col">{translate('audit.col.who')}</th>
                <th scope="col">{translate('audit.col.role')}</th>
                <th scope="col">{translate('audit.col.event')}</th>
                <th scope="col">{translate('audit.col.object')}</th>
                <th scope="col">{translate('audit.col.outcome')}</th>
              </tr>
            </thead>
            <tbody>
              {[...data.records].reverse().map((r) => (
                <tr key={r.seq}>
                  <td>{new Date(r.at).toLocaleString('nl-NL')}</td>
                  <td>{r.memberId ? (names.get(r.memberId) ?? r.memberId) : ''}</td>
                  <td>{r.role ?? ''}</td>
                  <td>{r.event}</td>
                  <td>{r.object ? (names.get(r.object) ?? r.object) : ''}</td>
                  <td>{r.outcome}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
