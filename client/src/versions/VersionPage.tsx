import { useState } from 'react';
import { translate } from '../../../shared/src/i18n/translate';
import { can } from '../../../shared/src/permissions/can';
import { isBlockKey, type BlockKey } from '../../../shared/src/schema/blockCatalog';
import { printFamilie, printProfessioneel, type PrintSection } from '../../../shared/src/versions/printVersion';
import type { FamilieRendering, VersionHeader } from '../../../shared/src/versions/versionTypes';
import { ApiError } from '../api/apiClient';
import { getProfessional, getVersion, getVersions, restoreVersion, versionPdfUrl, type VersionsList } from '../api/versionsApi';
import type { PlanView } from '../api/types';
import { AppLink } from '../components/AppLink';
import { comparePath } from '../routes';
import { AgreementPanel } from './AgreementPanel';
import { PrintedSections } from './PrintedSections';
import { VersionComments, VersionThreadColumn } from './VersionComments';
import { errorOf, useLoaded } from './useLoaded';
import { formatMoment, VersionFrame } from './VersionFrame';

/**
 * `/plan/<planId>/versies/<n>` (issue #8): one version read-only, in the scopes the member may see, with its
 * attendance, the warnings it was frozen with, its check code, each party's answer, and for the
 * jeugdbeschermer restore and PDF export.
 */
export function VersionPage({ planId, nummer }: { planId: string; nummer: number }) {
  return (
    <VersionFrame planId={planId} title={translate('versies.kort', { nummer })}>
      {(plan) => (
        <VersionComments plan={plan}>
          <VersionContent plan={plan} nummer={nummer} />
        </VersionComments>
      )}
    </VersionFrame>
  );
}

function VersionContent({ plan, nummer }: { plan: PlanView; nummer: number }) {
  const [reloads, setReloads] = useState(0);
  const version = useLoaded(() => getVersion(plan.planId, nummer), `${plan.planId}/${nummer}`);
  const list = useLoaded(() => getVersions(plan.planId), `${plan.planId}/${reloads}`);
  if (version.kind === 'loading') return <p>{translate('versies.laden')}</p>;
  if (version.kind === 'failed') return <p className="form-error" role="alert">{version.message}</p>;
  const { header, familie } = version.value as { header: VersionHeader; familie: FamilieRendering };
  return (
    <>
      <VersionHeaderView header={header} planId={plan.planId} mayExport={can(plan.me, 'exportVersion')} />
      {list.kind === 'ready' && (
        <AgreementPanel
          planId={plan.planId}
          nummer={nummer}
          me={{ memberId: plan.me.memberId, name: plan.me.name, role: plan.me.role }}
          members={list.value.leden}
          answers={list.value.antwoorden}
          onAnswered={() => setReloads((n) => n + 1)}
        />
      )}
      {errorOf(list) && <p className="form-error">{errorOf(list)}</p>}
      <VersionBody plan={plan} nummer={nummer} familie={familie} list={list.kind === 'ready' ? list.value : null} />
    </>
  );
}

function VersionHeaderView({ header, planId, mayExport }: { header: VersionHeader; planId: string; mayExport: boolean }) {
  return (
    <div className="version-header" data-testid="version-header">
      <p className="version-header__label">{header.label}</p>
      <p>{translate('versies.vastgesteldDoor', { name: header.vastgesteldDoor.name, date: formatMoment(header.vastgesteldOp) })}</p>
      <p className="version-header__hash">
        {translate('versies.hash')}: <code>{header.hash}</code>
      </p>
      <p className="version-list__links">
        <AppLink href={comparePath(planId, header.nummer, 'nu')}>{`${translate('versies.vergelijk')}: ${translate('versies.kort', { nummer: header.nummer })} → ${translate('versies.nu')}`}</AppLink>
        {mayExport && (
          <a href={versionPdfUrl(planId, header.nummer)} download>
            {translate('versies.pdf')}
          </a>
        )}
      </p>
      <h2>{translate('versies.aanwezigheid')}</h2>
      {header.aanwezigheid.length === 0 ? (
        <p className="muted">{translate('versies.geenAanwezigheid')}</p>
      ) : (
        <ul className="attendance-list">
          {header.aanwezigheid.map((a) => (
            <li key={a.memberId}>
              {a.name} ({translate(`role.${a.role}`)}): {translate(`members.${a.aanwezigheid}`)}
            </li>
          ))}
        </ul>
      )}
      {header.waarschuwingen.length > 0 && (
        <div className="warning-box">
          <h2>{translate('versies.waarschuwingenInVersie')}</h2>
          <ul>
            {header.waarschuwingen.map((w, i) => (
              <li key={i}>{translate(w.messageKey, w.params)}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

function VersionBody({ plan, nummer, familie, list }: { plan: PlanView; nummer: number; familie: FamilieRendering; list: VersionsList | null }) {
  const [showProf, setShowProf] = useState(false);
  const prof = useLoaded(() => (showProf ? getProfessional(plan.planId, nummer) : Promise.resolve(null)), `${plan.planId}/${nummer}/${showProf}`);
  const mayRestore = can(plan.me, 'restoreVersion');
  const sections: PrintSection[] = [...printFamilie(familie), ...(prof.kind === 'ready' && prof.value ? printProfessioneel(prof.value.professioneel, familie) : [])];
  return (
    <>
      {mayRestore && <RestoreButton planId={plan.planId} nummer={nummer} label={translate('versies.terugzetten.plan')} />}
      {list?.professioneel && (
        <label className="checkbox-label">
          <input type="checkbox" checked={showProf} onChange={(e) => setShowProf(e.target.checked)} /> {translate('versies.professioneel.tonen')}
        </label>
      )}
      <PrintedSections
        sections={sections}
        actions={(section) =>
          mayRestore && isBlockKey(section.key) ? <RestoreButton planId={plan.planId} nummer={nummer} blok={section.key} label={translate('versies.terugzetten.blok')} /> : null
        }
        side={(section) => <VersionThreadColumn nummer={nummer} section={section} />}
      />
    </>
  );
}

function RestoreButton({ planId, nummer, blok, label }: { planId: string; nummer: number; blok?: BlockKey; label: string }) {
  const [state, setState] = useState<'idle' | 'asking' | 'done'>('idle');
  const [error, setError] = useState<string | null>(null);
  const run = () => {
    setError(null);
    restoreVersion(planId, nummer, blok)
      .then(() => setState('done'))
      .catch((e: unknown) => setError(e instanceof ApiError ? e.message : translate('error.server')));
  };
  return (
    <div className="restore">
      {state === 'idle' && (
        <button type="button" className="secondary-button secondary-button--small" onClick={() => setState('asking')}>
          {label}
        </button>
      )}
      {state === 'asking' && (
        <span role="group" aria-label={label}>
          <span>{translate('versies.terugzetten.vraag', { nummer })}</span>{' '}
          <button type="button" className="danger-button" onClick={run}>
            {translate('versies.terugzetten.ja')}
          </button>{' '}
          <button type="button" className="secondary-button" onClick={() => setState('idle')}>
            {translate('versies.terugzetten.nee')}
          </button>
        </span>
      )}
      {state === 'done' && <p role="status">{translate('versies.terugzetten.klaar')}</p>}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
