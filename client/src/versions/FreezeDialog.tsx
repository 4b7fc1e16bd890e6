import { useId, useState, type FormEvent } from 'react';
import { translate } from '../../../shared/src/i18n/translate';
import type { VersionHeader } from '../../../shared/src/versions/versionTypes';
import { ApiError } from '../api/apiClient';
import { freezeVersion, getFreezePreview } from '../api/versionsApi';
import { AppLink } from '../components/AppLink';
import { versionPath } from '../routes';
import { useLoaded } from './useLoaded';

/**
 * "Versie vaststellen" (issue #8): shows the attendance and the validation warnings first (DESIGN.md §4);
 * with warnings the button says "Toch vaststellen", and the version records them. `onDone` runs after a
 * freeze, `onCancel` closes the panel.
 */
export function FreezeDialog({ planId, onCancel, onDone }: { planId: string; onCancel: () => void; onDone?: (header: VersionHeader) => void }) {
  const id = useId();
  const [attempt] = useState(() => Date.now());
  const preview = useLoaded(() => getFreezePreview(planId), `${planId}/${attempt}`);
  const [label, setLabel] = useState(() => `Teamoverleg ${new Date().toLocaleDateString('nl-NL', { day: 'numeric', month: 'long', year: 'numeric' })}`);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<VersionHeader | null>(null);

  if (done) {
    return (
      <div className="freeze-panel" role="status" data-testid="freeze-done">
        <p>{translate('versies.vastgesteld', { nummer: done.nummer })}</p>
        <AppLink href={versionPath(planId, done.nummer)}>{translate('versies.open', { nummer: done.nummer })}</AppLink>
      </div>
    );
  }
  if (preview.kind === 'loading') return <p className="freeze-panel">{translate('plan.loading')}</p>;
  if (preview.kind === 'failed') return <p className="form-error" role="alert">{preview.message}</p>;
  const { waarschuwingen, aanwezigheid } = preview.value;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    freezeVersion(planId, label.trim(), waarschuwingen.length > 0)
      .then((header) => {
        setDone(header);
        onDone?.(header);
      })
      .catch((err: unknown) => setError(err instanceof ApiError ? err.message : translate('error.server')))
      .finally(() => setBusy(false));
  };

  return (
    <form className="freeze-panel" aria-labelledby={`${id}-h`} onSubmit={submit} data-testid="freeze-panel">
      <h2 id={`${id}-h`}>{translate('versies.vaststellen')}</h2>
      <p>{translate('versies.vaststellen.hint')}</p>
      <label htmlFor={`${id}-label`}>{translate('versies.label')}</label>
      <input id={`${id}-label`} type="text" value={label} maxLength={120} onChange={(e) => setLabel(e.target.value)} />
      <h3>{translate('versies.aanwezigheid')}</h3>
      {aanwezigheid.length === 0 ? (
        <p className="muted">{translate('versies.geenAanwezigheid')}</p>
      ) : (
        <ul className="attendance-list">
          {aanwezigheid.map((a) => (
            <li key={a.memberId}>
              {a.name}: {translate(`members.${a.aanwezigheid}`)}
            </li>
          ))}
        </ul>
      )}
      {waarschuwingen.length === 0 ? (
        <p>{translate('versies.geenWaarschuwingen')}</p>
      ) : (
        <div className="warning-box" data-testid="freeze-warnings">
          <h3>{translate('versies.waarschuwingen')}</h3>
          <ul>
            {waarschuwingen.map((w, i) => (
              <li key={i}>{translate(w.messageKey, w.params)}</li>
            ))}
          </ul>
          <p>{translate('versies.waarschuwingen.hint')}</p>
        </div>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="primary-button" disabled={busy}>
          {waarschuwingen.length > 0 ? translate('versies.tochVaststellen') : translate('versies.vaststellen')}
        </button>
        <button type="button" className="secondary-button" onClick={onCancel}>
          {translate('versies.annuleren')}
        </button>
      </div>
    </form>
  );
}
