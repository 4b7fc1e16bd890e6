import { useCallback, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import type * as Y from 'yjs';
import { anchorPlace, placeKey } from '../../../shared/src/comments/anchorPlace';
import { channelDocName, COMMENT_CHANNELS, type CommentChannel } from '../../../shared/src/comments/channel';
import { readAnchor } from '../../../shared/src/comments/threadAnchor';
import { matchesFilter, NO_FILTER, readMarkOf, unreadCounts, type ThreadFilter } from '../../../shared/src/comments/threadViews';
import { can } from '../../../shared/src/permissions/can';
import { draden } from '../../../shared/src/schema/blocks/opmerkingen';
import type { PlanView } from '../api/types';
import { planRightsOfView } from '../pages/effectiveAccess';
import type { DocConnection } from '../sync/docConnection';
import { useDocSnapshots } from '../sync/useDocSnapshot';
import { CommentsContext, type CommentDraft, type CommentsData, type ThreadEntry } from './commentsData';
import { createReadMarks } from './readMarks';

const readThreads = (doc: Y.Doc) => draden.read(doc);

/**
 * Reads both comment docs (those the member receives at all: `opmerkingen-intern` only for professionals) and
 * gives the page the threads, their places, the filter, the read marks and the one open draft (issue #7).
 */
export function CommentsProvider({ plan, connections, children }: { plan: PlanView; connections: ReadonlyMap<string, DocConnection>; children: ReactNode }) {
  const docs = useMemo(() => {
    const out = new Map<CommentChannel, Y.Doc>();
    for (const channel of COMMENT_CHANNELS) {
      const connection = connections.get(channelDocName(channel));
      if (connection) out.set(channel, connection.doc);
    }
    return out;
  }, [connections]);
  const snapshots = useDocSnapshots(docs, readThreads);
  const [filter, setFilter] = useState<ThreadFilter>(NO_FILTER);
  const [draft, setDraft] = useState<CommentDraft | null>(null);
  const [readMarks] = useState(() => createReadMarks(plan.planId, plan.me.memberId));
  const marks = useSyncExternalStore(readMarks.subscribe, readMarks.get);
  const me = plan.me.memberId;

  const threads = useMemo(
    () =>
      COMMENT_CHANNELS.flatMap((channel) =>
        (snapshots.get(channel) ?? []).map((draad): ThreadEntry => {
          const anchor = readAnchor(draad.anker);
          const place = anchorPlace(anchor);
          return { intern: channel === 'professionals', channel, draad, anchor, place, placeKey: placeKey(place) };
        }),
      ).sort((a, b) => a.draad.created.at.localeCompare(b.draad.created.at)),
    [snapshots],
  );
  const visible = useMemo(() => threads.filter((t) => matchesFilter(t, filter, me)), [threads, filter, me]);
  const byPlace = useMemo(() => {
    const out = new Map<string, ThreadEntry[]>();
    for (const t of visible) out.set(t.placeKey, [...(out.get(t.placeKey) ?? []), t]);
    return out;
  }, [visible]);
  const rights = useMemo(() => planRightsOfView(plan), [plan]);
  const markRead = useCallback(
    (entries: readonly ThreadEntry[]) =>
      readMarks.mark(Object.fromEntries(entries.flatMap((t) => (readMarkOf(t.draad) ? [[t.draad.id, readMarkOf(t.draad) as string]] : [])))),
    [readMarks],
  );

  const value = useMemo<CommentsData>(
    () => ({
      planId: plan.planId,
      me: plan.me,
      members: plan.members,
      rights,
      threads,
      byPlace,
      visible,
      filter,
      setFilter,
      marks,
      markRead,
      unread: unreadCounts(threads, marks, me),
      mayStart: {
        iedereen: can(plan.me, 'startThread', { intern: false }, rights),
        professionals: can(plan.me, 'startThread', { intern: true }, rights),
      },
      draft,
      startDraft: setDraft,
      endDraft: () => setDraft(null),
    }),
    [plan, rights, threads, byPlace, visible, filter, marks, markRead, me, draft],
  );
  return <CommentsContext.Provider value={value}>{children}</CommentsContext.Provider>;
}
