import type { ReactNode } from 'react';
import { translate } from '../../../shared/src/i18n/translate';
import type { PlanView } from '../api/types';
import { AppLink } from '../components/AppLink';
import { usePlan } from '../pages/usePlan';
import { planPath, versionsPath } from '../routes';
import { PlanNotReady } from '../pages/PlanNotReady';

/**
 * The frame of the version pages (issue #8): the plan's name, links back to the plan and to all versions,
 * and the page's title. Loads the plan view for the member's rights; no sockets are opened here.
 */
export function VersionFrame({ planId, title, children }: { planId: string; title: string; children: (plan: PlanView) => ReactNode }) {
  const { state } = usePlan(planId);
  if (state.kind !== 'ready') return <PlanNotReady state={state} />;
  const plan = state.plan;
  return (
    <div className="version-layout">
      <header className="plan-header">
        <div className="plan-header__inner">
          <p className="app-name">{translate('app.name')}</p>
          <p className="version-layout__plan">{plan.titel}</p>
          <nav className="version-layout__nav" aria-label={translate('versies.title')}>
            <AppLink href={planPath(planId)}>{translate('versies.terugNaarPlan')}</AppLink>
            <AppLink href={versionsPath(planId)}>{translate('versies.terugNaarLijst')}</AppLink>
          </nav>
        </div>
      </header>
      <main className="version-main">
        <h1>{title}</h1>
        {children(plan)}
      </main>
    </div>
  );
}

/** A Dutch date and time of an ISO instant. */
export function formatMoment(at: string): string {
  const ms = Date.parse(at);
  return Number.isNaN(ms) ? at : new Date(ms).toLocaleString('nl-NL', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Amsterdam' });
}
