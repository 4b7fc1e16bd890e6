import { describe, expect, it } from 'vitest';
import { createReadMarks } from '../../../../client/src/comments/readMarks';

/** A storage in memory, as `localStorage` would behave. */
function memoryStorage() {
  const items = new Map<string, string>();
  return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v), items };
}

describe('read marks of comment threads (issue #7)', () => {
  it('[M1] keep the latest mark per thread, per plan and member, across a reload', () => {
    const storage = memoryStorage();
    const marks = createReadMarks('p1', 'm1', storage);
    let calls = 0;
    marks.subscribe(() => (calls += 1));
    marks.mark({ t1: '2026-11-21T10:00:00.000Z' });
    marks.mark({ t1: '2026-11-20T10:00:00.000Z' });
    expect(marks.get()).toEqual({ t1: '2026-11-21T10:00:00.000Z' });
    expect(calls).toBe(1);
    expect(createReadMarks('p1', 'm1', storage).get()).toEqual({ t1: '2026-11-21T10:00:00.000Z' });
    expect(createReadMarks('p1', 'm2', storage).get()).toEqual({});
  });

  it('[M2] a broken or missing storage starts empty and still works in memory', () => {
    const storage = memoryStorage();
    storage.setItem('gezinsplan.gelezen.p1.m1', '{kapot');
    expect(createReadMarks('p1', 'm1', storage).get()).toEqual({});
    const none = createReadMarks('p1', 'm1', null);
    none.mark({ t1: '2026-11-21T10:00:00.000Z' });
    expect(none.get()).toEqual({ t1: '2026-11-21T10:00:00.000Z' });
  });
});
