import { useMemo, useState, type ReactNode } from 'react';
import { translate } from '../../../shared/src/i18n/translate';
import { OPMERKINGEN, OPMERKINGEN_INTERN } from '../../../shared/src/schema/docNames';
import { PROFESSIONEEL_SECTION } from '../../../shared/src/versions/versionSections';
import type { PrintSection } from '../../../shared/src/versions/printVersion';
import type { PlanView } from '../api/types';
import { CommentsProvider } from '../comments/CommentsProvider';
import { ThreadColumn } from '../comments/ThreadColumn';
import { docMaxBytes } from '../pages/docMaxBytes';
import { effectiveAccess } from '../pages/effectiveAccess';
import type { CaretUser } from '../sync/docConnection';
import { SyncStatusContext } from '../sync/syncStatusContext';
import { createSyncStatusStore } from '../sync/syncStatusStore';
import { useDocConnections } from '../sync/useDocConnections';

/**
 * The comments of a version's page (issue #8): opens only the comment docs the member receives (read-only, as on
 * the plan page; the server writes them), so threads on this version show and arrive live beside its sections.
 */
export function VersionComments({ plan, children }: { plan: PlanView; children: ReactNode }) {
  const [store] = useState(createSyncStatusStore);
  return (
    <SyncStatusContext.Provider value={store}>
      <VersionCommentDocs plan={plan}>{children}</VersionCommentDocs>
    </SyncStatusContext.Provider>
  );
}

function VersionCommentDocs({ plan, children }: { plan: PlanView; children: ReactNode }) {
  const { me } = plan;
  const user = useMemo<CaretUser>(() => ({ memberId: me.memberId, name: me.name, role: me.role, color: me.color }), [me]);
  const docNames = useMemo(() => [OPMERKINGEN, OPMERKINGEN_INTERN].filter((docName) => effectiveAccess(plan, docName) !== 'none'), [plan]);
  const connections = useDocConnections(plan.planId, docNames, user, docMaxBytes(plan));
  return (
    <CommentsProvider plan={plan} connections={connections}>
      {children}
    </CommentsProvider>
  );
}

/** The threads beside one section of a version, and "Opmerking bij dit blok" on it. */
export function VersionThreadColumn({ nummer, section }: { nummer: number; section: PrintSection }) {
  const internOnly = section.key === PROFESSIONEEL_SECTION;
  return (
    <ThreadColumn
      place={{ kind: 'version', versionNumber: nummer, section: section.key }}
      blockLabel={section.titel || translate('plan.professioneel')}
      blockAnchor={{ kind: 'version', versionNumber: nummer, blockPath: [section.key] }}
      internOnly={internOnly}
    />
  );
}
