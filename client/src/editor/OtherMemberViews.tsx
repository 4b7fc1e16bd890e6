import { useId, useState } from 'react';
import { translate } from '../../../shared/src/i18n/translate';
import { eigenDocName } from '../../../shared/src/schema/docNames';
import type { PlanMember, PlanView } from '../api/types';
import { effectiveAccess } from '../pages/effectiveAccess';
import type { CaretUser } from '../sync/docConnection';
import { LiveDocSections } from './LiveDocSections';

/** "Zo zien anderen het": every other member's own view, each connecting only when opened. */
export function OtherMemberViews({ plan, user }: { plan: PlanView; user: CaretUser }) {
  const id = useId();
  const others = plan.members.filter((m) => m.memberId !== plan.me.memberId && effectiveAccess(plan, eigenDocName(m.memberId)) !== 'none');
  if (others.length === 0) return null;
  return (
    <section className="plan-section" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{translate('plan.otherViews')}</h2>
      <p className="section-hint">{translate('plan.otherViews.hint')}</p>
      <div className="other-views">
        {others.map((member) => (
          <OtherMemberView key={member.memberId} plan={plan} member={member} user={user} />
        ))}
      </div>
    </section>
  );
}

function OtherMemberView({ plan, member, user }: { plan: PlanView; member: PlanMember; user: CaretUser }) {
  // Mounted on first open and kept, so closing and reopening does not reconnect.
  const [opened, setOpened] = useState(false);
  const docName = eigenDocName(member.memberId);
  const canWrite = effectiveAccess(plan, docName) === 'write';
  return (
    <details className="other-view" onToggle={(e) => e.currentTarget.open && setOpened(true)}>
      <summary>
        <span className="role-dot" style={{ backgroundColor: member.color }} aria-hidden="true" />
        {translate('plan.otherView', { name: member.name })}
        <span className="muted"> · {translate(`role.${member.role}`)}</span>
      </summary>
      {opened && (
        <LiveDocSections
          planId={plan.planId}
          docName={docName}
          kind="eigen"
          user={user}
          canWrite={canWrite}
          readOnlyReason={canWrite ? null : translate('readOnly.eigen', { name: member.name })}
          heading={translate('plan.otherView', { name: member.name })}
          hint={null}
          headingLevel={3}
        />
      )}
    </details>
  );
}
