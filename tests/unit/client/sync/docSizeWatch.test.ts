import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { watchDocSize } from '../../../../client/src/sync/docSizeWatch';

/** A clock the test moves by hand. */
function manualClock() {
  let now = 0;
  const timers: { at: number; fn: () => void }[] = [];
  return {
    now: () => now,
    setTimeout: (fn: () => void, ms: number) => {
      const t = { at: now + ms, fn };
      timers.push(t);
      return t;
    },
    clearTimeout: (t: unknown) => void timers.splice(timers.indexOf(t as (typeof timers)[number]), 1),
    advance(ms: number) {
      now += ms;
      for (const t of timers.filter((t) => t.at <= now)) {
        timers.splice(timers.indexOf(t), 1);
        t.fn();
      }
    },
  };
}

describe('watchDocSize (the "bijna vol" warning)', () => {
  it('warns from 80 % of the cap, measuring the real size only near it, and clears when the doc shrinks', () => {
    const doc = new Y.Doc();
    const text = doc.getText('t');
    const clock = manualClock();
    const seen: boolean[] = [];
    const stop = watchDocSize(doc, 10_000, (full) => seen.push(full), clock);

    text.insert(0, 'a'.repeat(5_000));
    clock.advance(5_000);
    expect(seen).toEqual([]);

    text.insert(0, 'b'.repeat(3_500));
    clock.advance(0);
    expect(seen).toEqual([true]);

    text.delete(0, 8_000);
    clock.advance(2_000);
    expect(seen).toEqual([true, false]);
    stop();
  });

  it('measures at most once per 2 s: a doc that shrank right after a measurement is seen 2 s later', () => {
    const doc = new Y.Doc();
    const text = doc.getText('t');
    const clock = manualClock();
    const seen: boolean[] = [];
    const stop = watchDocSize(doc, 1_000, (full) => seen.push(full), clock);
    text.insert(0, 'x'.repeat(900));
    clock.advance(0);
    expect(seen).toEqual([true]);
    clock.advance(100);
    text.delete(0, 900);
    clock.advance(1_899);
    expect(seen).toEqual([true]);
    clock.advance(1);
    expect(seen).toEqual([true, false]);
    stop();
  });
});
