import { useMemo } from 'react';
import type * as Y from 'yjs';
import { translate } from '../../../shared/src/i18n/translate';
import { eigenDocName, GEZAMENLIJK, OPMERKINGEN, OPMERKINGEN_INTERN } from '../../../shared/src/schema/docNames';
import { planWarnings } from '../../../shared/src/schema/validation';
import type { PlanMember, PlanView } from '../api/types';
import { authorFor, type Writer } from '../blocks/author';
import type { EigenDocData, PlanData } from '../blocks/planData';
import { readEigen, readGezamenlijk, type EigenSnapshot } from '../blocks/planSnapshot';
import { formOptions, type FormOptions } from '../fields/formOptions';
import type { CaretUser, DocConnection } from '../sync/docConnection';
import { useDocConnections } from '../sync/useDocConnections';
import { useDocSnapshot, useDocSnapshots } from '../sync/useDocSnapshot';
import { useNow } from '../sync/useNow';
import { useStableValue } from '../sync/useStableValue';
import { useReadyDocs } from '../sync/useReadyDocs';
import { docMaxBytes } from './docMaxBytes';
import { effectiveAccess } from './effectiveAccess';
import { gezamenlijkReadOnlyReason } from './readOnlyReason';

/** The members whose own doc this member can read, the member themselves first. */
export function readableOwnDocs(plan: PlanView): PlanMember[] {
  const readable = plan.members.filter((m) => effectiveAccess(plan, eigenDocName(m.memberId)) !== 'none');
  return [...readable.filter((m) => m.memberId === plan.me.memberId), ...readable.filter((m) => m.memberId !== plan.me.memberId)];
}

/**
 * Opens `gezamenlijk`, every readable own doc and the comment docs the member receives (`opmerkingen-intern`
 * only for professionals, issue #7) for the page's lifetime.
 */
export function usePlanConnections(plan: PlanView, user: CaretUser) {
  const members = useMemo(() => readableOwnDocs(plan), [plan]);
  const commentDocs = [OPMERKINGEN, OPMERKINGEN_INTERN].filter((docName) => effectiveAccess(plan, docName) !== 'none').join('\n');
  const docNames = useMemo(
    () => [GEZAMENLIJK, ...members.map((m) => eigenDocName(m.memberId)), ...(commentDocs === '' ? [] : commentDocs.split('\n'))],
    [members, commentDocs],
  );
  const connections = useDocConnections(plan.planId, docNames, user, docMaxBytes(plan));
  return { members, connections };
}

const EMPTY_EIGEN: EigenSnapshot = { lists: { doelen: [], zorgen: [], krachten: [], betwistingen: [], scores: [] } };

/**
 * Everything the blocks read, from the open docs: snapshots that follow every change, who may write
 * where (and as whom), the warnings, and the options of the reference fields.
 */
export function usePlanPageData(
  plan: PlanView,
  user: CaretUser,
  gezamenlijk: DocConnection,
  members: readonly PlanMember[],
  connections: ReadonlyMap<string, DocConnection>,
): { data: PlanData; options: FormOptions } {
  const now = useNow();
  const ready = useReadyDocs(connections);
  const snapshot = useDocSnapshot(gezamenlijk.doc, readGezamenlijk);
  const eigenDocs = useMemo(() => {
    const docs = new Map<string, Y.Doc>();
    for (const m of members) {
      const c = connections.get(eigenDocName(m.memberId));
      if (c) docs.set(m.memberId, c.doc);
    }
    return docs;
  }, [members, connections]);
  const eigenSnapshots = useDocSnapshots(eigenDocs, readEigen);
  const writer = useMemo<Writer>(() => ({ memberId: plan.me.memberId, role: plan.me.role, name: plan.me.name }), [plan.me]);
  const gezamenlijkAuthor = useMemo(() => authorFor(writer, null), [writer]);

  // One author per own doc, kept as long as the members stay: list bindings (and so every card) depend on it.
  const authors = useMemo(() => new Map(members.map((m) => [m.memberId, authorFor(writer, m)])), [members, writer]);
  const eigen = useStableValue(
    useMemo(
    () =>
      members.flatMap((member): EigenDocData[] => {
        const docName = eigenDocName(member.memberId);
        const connection = connections.get(docName);
        if (!connection) return [];
        const canWrite = effectiveAccess(plan, docName) === 'write';
        const own = member.memberId === plan.me.memberId;
        return [
          {
            member,
            connection,
            editable: canWrite && ready.has(docName),
            readOnlyReason: canWrite ? null : own ? translate('readOnly.doc') : translate('readOnly.eigen', { name: member.name }),
            author: authors.get(member.memberId) ?? authorFor(writer, member),
            snapshot: eigenSnapshots.get(member.memberId) ?? EMPTY_EIGEN,
          },
        ];
      }),
    [members, connections, plan, ready, writer, authors, eigenSnapshots],
    ),
  );

  const warnings = useStableValue(
    useMemo(
      () =>
      planWarnings({
        doelen: snapshot.lists.doelen,
        gevaarszinnen: snapshot.lists.gevaarszinnen,
          scores: eigen.map((e) => ({ memberId: e.member.memberId, scores: e.snapshot.lists.scores })),
        }),
      [snapshot, eigen],
    ),
  );

  // Option labels change only when a name or title changes, not on every keystroke elsewhere: keep the
  // same object then, so the hundreds of fields that read it do not redraw.
  const options = useStableValue(
    useMemo(
      () => formOptions(snapshot.lists, plan.members.map((m) => ({ memberId: m.memberId, name: m.name, role: m.role }))),
      [snapshot.lists, plan.members],
    ),
  );

  const canWriteShared = effectiveAccess(plan, GEZAMENLIJK) === 'write';
  const data = useMemo<PlanData>(
    () => ({
      plan,
      user,
      gezamenlijk: {
        connection: gezamenlijk,
        loaded: ready.has(GEZAMENLIJK),
        editable: canWriteShared && ready.has(GEZAMENLIJK),
        readOnlyReason: gezamenlijkReadOnlyReason(plan, canWriteShared),
        author: gezamenlijkAuthor,
        snapshot,
      },
      eigen,
      warnings,
      now,
    }),
    [plan, user, gezamenlijk, canWriteShared, ready, gezamenlijkAuthor, snapshot, eigen, warnings, now],
  );
  return useMemo(() => ({ data, options }), [data, options]);
}
