import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { isUnread, matchesFilter, NO_FILTER, readMarkOf, unreadCounts, type ChannelThread } from '../../../../shared/src/comments/threadViews';
import { deleteReaction, draden, reacties, setThreadStatus, startThread } from '../../../../shared/src/schema/blocks/opmerkingen';
import type { Author } from '../../../../shared/src/schema/items';
import { lisa, sanne, truus } from '../schema/schemaFixtures';

const BLOCK = { kind: 'block', docName: 'gezamenlijk', block: 'zorgen' };
const at = (author: Author, time: string): Author => ({ ...author, at: time });

/** Three threads: Lisa's on Sanne's item (Sanne replies, mentioning Lisa), Sanne's resolved one, Truus's. */
function threads(): ChannelThread[] {
  const doc = new Y.Doc();
  const t1 = startThread(doc, at(lisa, '2026-11-21T10:00:00.000Z'), { anker: BLOCK, over: [sanne.memberId], tekst: 'Klopt dit?', vermeldingen: [] });
  reacties.add(doc, at(sanne, '2026-11-21T11:00:00.000Z'), t1.draadId, { tekst: '@Lisa de Boer ja', vermeldingen: [lisa.memberId] });
  const t2 = startThread(doc, at(sanne, '2026-11-21T12:00:00.000Z'), { anker: BLOCK, over: [], tekst: 'Graag aanvullen', vermeldingen: [] });
  setThreadStatus(doc, sanne, t2.draadId, 'opgelost');
  const t3 = startThread(doc, at(truus, '2026-11-21T13:00:00.000Z'), { anker: BLOCK, over: [truus.memberId], tekst: 'Ik kan helpen', vermeldingen: [] });
  deleteReaction(doc, truus, t3.draadId, t3.reactieId);
  return draden.read(doc).map((draad) => ({ intern: false, draad }));
}

describe('thread views (issue #7)', () => {
  it('[V1] filters by party, status and "reacties op mijn tekst"', () => {
    const all = threads();
    const ids = (filter: Parameters<typeof matchesFilter>[1], me: string) => all.filter((t) => matchesFilter(t, filter, me)).map((t) => t.draad.reacties[0]?.tekst);
    expect(ids({ ...NO_FILTER, party: 'ouders' }, 'x')).toEqual(['Klopt dit?']);
    expect(ids({ ...NO_FILTER, party: 'professionals' }, 'x')).toEqual(['Klopt dit?', 'Graag aanvullen']);
    expect(ids({ ...NO_FILTER, party: 'netwerk' }, 'x')).toEqual(['']);
    expect(ids({ ...NO_FILTER, status: 'opgelost' }, 'x')).toEqual(['Graag aanvullen']);
    expect(ids({ ...NO_FILTER, status: 'open', mijnTekst: true }, sanne.memberId)).toEqual(['Klopt dit?']);
  });

  it('[V2] counts threads with news by others and unread mentions; a read mark clears them', () => {
    const all = threads();
    expect(unreadCounts(all, {}, lisa.memberId)).toEqual({ threads: 2, mentions: 1 });
    const first = all[0]!.draad;
    const marks = { [first.id]: readMarkOf(first)! };
    expect(unreadCounts(all, marks, lisa.memberId)).toEqual({ threads: 1, mentions: 0 });
    expect(isUnread(first, marks[first.id], lisa.memberId)).toBe(false);
    // A deleted comment is nothing new; one's own comments never are.
    expect(isUnread(all[2]!.draad, undefined, lisa.memberId)).toBe(false);
    expect(unreadCounts(all, {}, sanne.memberId)).toEqual({ threads: 1, mentions: 0 });
  });
});
