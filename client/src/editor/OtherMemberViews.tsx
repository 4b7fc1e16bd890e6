import { useId, useState } from 'react';
import { translate } from '../../../shared/src/i18n/translate';
import { EigenDocView } from '../blocks/EigenDocView';
import type { EigenDocData } from '../blocks/planData';
import { ReadOnlyNote } from '../blocks/ReadOnlyNote';

/** The anchor of the other members' views. */
export const OTHERS_ANCHOR = 'anderen';

/**
 * "Zo zien anderen het": every other member's own doc. The docs are open already (their worries, goals and
 * scores show in the plan blocks); each view renders only once opened, to keep the page light.
 */
export function OtherMemberViews({ others }: { others: readonly EigenDocData[] }) {
  const id = useId();
  if (others.length === 0) return null;
  return (
    <section id={OTHERS_ANCHOR} className="plan-section" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{translate('plan.otherViews')}</h2>
      <p className="section-hint">{translate('plan.otherViews.hint')}</p>
      <div className="other-views">
        {others.map((eigen) => (
          <OtherMemberView key={eigen.member.memberId} eigen={eigen} />
        ))}
      </div>
    </section>
  );
}

function OtherMemberView({ eigen }: { eigen: EigenDocData }) {
  const id = useId();
  // Rendered on first open and kept, so closing and reopening keeps the editors.
  const [opened, setOpened] = useState(false);
  const { member } = eigen;
  const title = translate('plan.otherView', { name: member.name });
  return (
    <details className="other-view" onToggle={(e) => e.currentTarget.open && setOpened(true)} data-member-id={member.memberId}>
      <summary>
        <span className="role-dot" style={{ backgroundColor: member.color }} aria-hidden="true" />
        {title}
        <span className="muted"> · {translate(`role.${member.role}`)}</span>
      </summary>
      {opened && (
        <section className="other-view__body" aria-labelledby={`${id}-h`}>
          <h3 id={`${id}-h`} className="visually-hidden">
            {title}
          </h3>
          <ReadOnlyNote reason={eigen.readOnlyReason} />
          {eigen.author.namens && <p className="namens-note">{translate('namens.note', { name: member.name })}</p>}
          <EigenDocView eigen={eigen} level={4} showHints={false} />
        </section>
      )}
    </details>
  );
}
