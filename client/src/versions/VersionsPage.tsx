import { useId, useState, type FormEvent } from 'react';
import { translate } from '../../../shared/src/i18n/translate';
import { can } from '../../../shared/src/permissions/can';
import type { VersionHeader } from '../../../shared/src/versions/versionTypes';
import { getScoreHistory, getVersions } from '../api/versionsApi';
import { AppLink } from '../components/AppLink';
import { comparePath, navigate, versionPath, type VersionPathRef } from '../routes';
import { FreezeDialog } from './FreezeDialog';
import { ScoreChart } from './ScoreChart';
import { errorOf, useLoaded } from './useLoaded';
import { VerifyBadge } from './VerifyBadge';
import { formatMoment, VersionFrame } from './VersionFrame';

/**
 * `/plan/<planId>/versies` (issue #8): every frozen version with who froze it when, the verify badge, a
 * choice of two states to compare, the scores over time, and for the jeugdbeschermer "Versie vaststellen".
 */
export function VersionsPage({ planId }: { planId: string }) {
  const [reloads, setReloads] = useState(0);
  const [freezing, setFreezing] = useState(false);
  const list = useLoaded(() => getVersions(planId), `${planId}/${reloads}`);
  const scores = useLoaded(() => getScoreHistory(planId), `${planId}/${reloads}`);
  return (
    <VersionFrame planId={planId} title={translate('versies.title')}>
      {(plan) => (
        <>
          <p>{translate('versies.hint')}</p>
          <VerifyBadge planId={planId} reloads={reloads} />
          {can(plan.me, 'freezeVersion') &&
            (freezing ? (
              <FreezeDialog planId={planId} onCancel={() => setFreezing(false)} onDone={() => setReloads((n) => n + 1)} />
            ) : (
              <button type="button" className="primary-button" onClick={() => setFreezing(true)}>
                {translate('versies.vaststellen')}
              </button>
            ))}
          {errorOf(list) && (
            <p className="form-error" role="alert">
              {errorOf(list)}
            </p>
          )}
          {list.kind === 'ready' && <VersionList planId={planId} versions={list.value.versies} />}
          {list.kind === 'ready' && list.value.versies.length > 0 && <CompareForm planId={planId} versions={list.value.versies} />}
          <section className="plan-section" aria-labelledby="scores-h">
            <h2 id="scores-h">{translate('versies.scores.title')}</h2>
            <p className="muted">{translate('versies.scores.hint')}</p>
            {scores.kind === 'ready' && <ScoreChart history={scores.value} />}
            {errorOf(scores) && <p className="form-error">{errorOf(scores)}</p>}
          </section>
        </>
      )}
    </VersionFrame>
  );
}

function VersionList({ planId, versions }: { planId: string; versions: readonly VersionHeader[] }) {
  if (versions.length === 0) return <p className="muted">{translate('versies.geen')}</p>;
  return (
    <ol className="version-list" data-testid="version-list" reversed>
      {[...versions].reverse().map((v) => (
        <li key={v.nummer} className="version-list__item">
          <p className="version-list__title">
            <strong>{translate('versies.kort', { nummer: v.nummer })}</strong>: {v.label}
          </p>
          <p className="muted">{translate('versies.vastgesteldDoor', { name: v.vastgesteldDoor.name, date: formatMoment(v.vastgesteldOp) })}</p>
          <p className="version-list__links">
            <AppLink href={versionPath(planId, v.nummer)}>{translate('versies.open', { nummer: v.nummer })}</AppLink>
            <AppLink href={comparePath(planId, v.nummer, 'nu')}>{`${translate('versies.vergelijk')}: ${translate('versies.kort', { nummer: v.nummer })} → ${translate('versies.nu')}`}</AppLink>
          </p>
        </li>
      ))}
    </ol>
  );
}

function CompareForm({ planId, versions }: { planId: string; versions: readonly VersionHeader[] }) {
  const id = useId();
  const refs: VersionPathRef[] = [...versions.map((v) => v.nummer), 'nu'];
  const [van, setVan] = useState<VersionPathRef>(versions.at(-1)?.nummer ?? 'nu');
  const [met, setMet] = useState<VersionPathRef>('nu');
  const label = (r: VersionPathRef) => (r === 'nu' ? translate('versies.nuLang') : translate('versies.kort', { nummer: r }));
  const parse = (v: string): VersionPathRef => (v === 'nu' ? 'nu' : Number(v));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    navigate(comparePath(planId, van, met));
  };
  return (
    <form className="plan-section compare-form" aria-labelledby={`${id}-h`} onSubmit={submit}>
      <h2 id={`${id}-h`}>{translate('versies.vergelijk.title')}</h2>
      <label htmlFor={`${id}-van`}>{translate('versies.vergelijk.van')}</label>
      <select id={`${id}-van`} value={String(van)} onChange={(e) => setVan(parse(e.target.value))}>
        {refs.map((r) => (
          <option key={r} value={String(r)}>
            {label(r)}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-met`}>{translate('versies.vergelijk.met')}</label>
      <select id={`${id}-met`} value={String(met)} onChange={(e) => setMet(parse(e.target.value))}>
        {refs.map((r) => (
          <option key={r} value={String(r)}>
            {label(r)}
          </option>
        ))}
      </select>
      <button type="submit" className="primary-button">
        {translate('versies.vergelijk.knop')}
      </button>
    </form>
  );
}
