import type { Awareness } from 'y-protocols/awareness';
import { translate } from '../../../shared/src/i18n/translate';
import type { PlanView } from '../api/types';
import { CommentsHeaderLink } from '../comments/CommentsHeaderLink';
import { NIEUW_PLAN_PATH, versionsPath } from '../routes';
import { AppLink } from './AppLink';
import { PresenceBar } from './PresenceBar';
import { docPartName } from './docPartName';
import { SaveStatus } from './SaveStatus';

interface PlanHeaderProps {
  plan: PlanView;
  awareness: Awareness | null;
  onLogout: () => void;
}

/** The plan title, who the member is, who else is here, and whether everything is saved. */
export function PlanHeader({ plan, awareness, onLogout }: PlanHeaderProps) {
  return (
    <>
      <header className="plan-header">
        <div className="plan-header__inner">
          <div className="plan-header__bar">
            <p className="app-name">{translate('app.name')}</p>
            <span className="plan-header__actions">
              <CommentsHeaderLink />
              <AppLink className="secondary-button secondary-button--small" href={versionsPath(plan.planId)}>
                {translate('versies.link')}
              </AppLink>
              {/* A link, not a button: a new plan is another page, and keyboard users reach it like any link. */}
              {plan.me.role === 'jeugdbeschermer' && (
                <AppLink className="secondary-button secondary-button--small" href={NIEUW_PLAN_PATH}>
                  {translate('nieuwPlan.link')}
                </AppLink>
              )}
              <button type="button" className="secondary-button secondary-button--small" onClick={onLogout}>
                {translate('plan.logout')}
              </button>
            </span>
          </div>
          <h1>{plan.titel}</h1>
          <p className="plan-header__me">
            <span className="role-dot" style={{ backgroundColor: plan.me.color }} aria-hidden="true" />
            {translate('plan.you', { name: plan.me.name, role: translate(`role.${plan.me.role}`) })}
          </p>
          <PresenceBar awareness={awareness} myMemberId={plan.me.memberId} />
        </div>
      </header>
      {/* Sticky, so "Offline — niet opgeslagen" stays in sight while typing far down the page. */}
      <div className="plan-statusbar">
        <div className="plan-statusbar__inner">
          <SaveStatus partName={(docName) => docPartName(plan, docName)} />
        </div>
      </div>
    </>
  );
}
