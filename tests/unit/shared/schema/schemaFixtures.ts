import * as Y from 'yjs';
import type { Author } from '../../../../shared/src/schema/items';

/** Fixed authors and times, so attribution can be compared exactly. */
export const sanne: Author = { memberId: 'm-sanne', role: 'jeugdbeschermer', name: 'Sanne Visser', at: '2026-11-20T09:00:00.000Z' };
export const lisa: Author = { memberId: 'm-lisa', role: 'ouder', name: 'Lisa de Boer', at: '2026-11-21T19:30:00.000Z' };
export const truus: Author = { memberId: 'm-truus', role: 'netwerk', name: 'Truus de Boer', at: '2026-11-22T08:15:00.000Z' };

/** The stamp an author leaves. */
export function stampOf(author: Author) {
  return { memberId: author.memberId, role: author.role, name: author.name, at: author.at };
}

/** Two docs kept in sync by hand: `sync()` exchanges everything both ways. */
export function docPair(): { a: Y.Doc; b: Y.Doc; sync: () => void } {
  const a = new Y.Doc();
  const b = new Y.Doc();
  const sync = () => {
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
  };
  return { a, b, sync };
}
