import { translate } from '../../../shared/src/i18n/translate';
import { verifyVersions } from '../api/versionsApi';
import { useLoaded } from './useLoaded';

/**
 * The verify badge (issue #8): the server recomputes the chain of versions and checks it against the audit
 * log; the badge says all is unchanged, or names the first version that does not match.
 */
export function VerifyBadge({ planId, reloads }: { planId: string; reloads: number }) {
  const verdict = useLoaded(() => verifyVersions(planId), `${planId}/${reloads}`);
  if (verdict.kind === 'loading') return <p className="verify-badge">{translate('versies.controle.bezig')}</p>;
  if (verdict.kind === 'failed') return <p className="verify-badge verify-badge--bad" role="alert">{verdict.message}</p>;
  const v = verdict.value;
  if (v.ok) {
    return (
      <p className="verify-badge verify-badge--ok" data-testid="verify-badge" data-ok="true">
        <span aria-hidden="true">✓ </span>
        {v.count === 0 ? translate('versies.controle.leeg') : v.count === 1 ? translate('versies.controle.okEen') : translate('versies.controle.ok', { count: v.count })}
      </p>
    );
  }
  const key = `versies.probleem.${v.problem}`;
  const reden = isProblemKey(key) ? translate(key) : v.problem;
  return (
    <p className="verify-badge verify-badge--bad" role="alert" data-testid="verify-badge" data-ok="false">
      <span aria-hidden="true">⚠ </span>
      {translate('versies.controle.fout', { nummer: v.nummer, reden })}
    </p>
  );
}

const PROBLEMS = ['unreadable', 'wrong-number', 'missing', 'content', 'header', 'link', 'not-in-audit', 'audit-mismatch'] as const;

function isProblemKey(key: string): key is `versies.probleem.${(typeof PROBLEMS)[number]}` {
  return PROBLEMS.some((p) => key === `versies.probleem.${p}`);
}
