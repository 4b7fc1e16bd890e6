import { useId, useState, type FormEvent } from 'react';
import { translate } from '../../../shared/src/i18n/translate';
import { agreementSummary } from '../../../shared/src/versions/agreementSummary';
import type { VersionAgreement, VersionMember } from '../../../shared/src/versions/versionTypes';
import { ApiError } from '../api/apiClient';
import { answerVersion } from '../api/versionsApi';

/**
 * Agreement per party (issue #8): who agreed with this version, who did not (with their reason) and who has
 * not answered; and the member's own answer, which they give for themselves only.
 */
export function AgreementPanel(props: {
  planId: string;
  nummer: number;
  me: VersionMember;
  members: readonly VersionMember[];
  answers: readonly VersionAgreement[];
  onAnswered: () => void;
}) {
  const { planId, nummer, me, members, answers, onAnswered } = props;
  const id = useId();
  const summary = agreementSummary(nummer, answers, members);
  const mine = [...answers].reverse().find((a) => a.nummer === nummer && a.memberId === me.memberId);
  const [akkoord, setAkkoord] = useState<boolean | null>(mine?.akkoord ?? null);
  const [reden, setReden] = useState(mine?.reden ?? '');
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (akkoord === null) return;
    if (!akkoord && reden.trim() === '') {
      setMessage({ kind: 'error', text: translate('versies.akkoord.redenNodig') });
      return;
    }
    answerVersion(planId, nummer, me.memberId, akkoord, reden.trim())
      .then(() => {
        setMessage({ kind: 'ok', text: translate('versies.akkoord.gegeven') });
        onAnswered();
      })
      .catch((err: unknown) => setMessage({ kind: 'error', text: err instanceof ApiError ? err.message : translate('error.server') }));
  };

  return (
    <section className="plan-section" aria-labelledby={`${id}-h`} data-testid="agreements">
      <h2 id={`${id}-h`}>{translate('versies.akkoord.title')}</h2>
      <div className="agreement-columns">
        <div>
          <h3>{translate('versies.akkoord.wel', { count: summary.akkoord.length })}</h3>
          <ul>
            {summary.akkoord.map(({ member, answer }) => (
              <li key={member.memberId}>
                {member.name}
                {answer.reden && <span className="muted"> — {answer.reden}</span>}
              </li>
            ))}
          </ul>
        </div>
        <div>
          <h3>{translate('versies.akkoord.niet', { count: summary.nietAkkoord.length })}</h3>
          <ul>
            {summary.nietAkkoord.map(({ member, answer }) => (
              <li key={member.memberId}>
                {member.name} — {answer.reden}
              </li>
            ))}
          </ul>
        </div>
        <div>
          <h3>{translate('versies.akkoord.open', { count: summary.geenAntwoord.length })}</h3>
          <ul>
            {summary.geenAntwoord.map((member) => (
              <li key={member.memberId}>{member.name}</li>
            ))}
          </ul>
        </div>
      </div>
      <form onSubmit={submit} className="agreement-form">
        <fieldset>
          <legend>{translate('versies.akkoord.keuze')}</legend>
          <label className="checkbox-label">
            <input type="radio" name={`${id}-a`} checked={akkoord === true} onChange={() => setAkkoord(true)} /> {translate('versies.akkoord.ja')}
          </label>
          <label className="checkbox-label">
            <input type="radio" name={`${id}-a`} checked={akkoord === false} onChange={() => setAkkoord(false)} /> {translate('versies.akkoord.nee')}
          </label>
        </fieldset>
        <label htmlFor={`${id}-r`}>{translate('versies.akkoord.reden')}</label>
        <textarea id={`${id}-r`} value={reden} maxLength={2000} rows={3} onChange={(e) => setReden(e.target.value)} />
        <button type="submit" className="primary-button" disabled={akkoord === null}>
          {translate('versies.akkoord.opslaan')}
        </button>
        {message && (
          <p className={message.kind === 'error' ? 'form-error' : 'muted'} role={message.kind === 'error' ? 'alert' : 'status'}>
            {message.text}
          </p>
        )}
      </form>
    </section>
  );
}
