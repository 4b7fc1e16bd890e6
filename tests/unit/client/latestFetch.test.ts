import { describe, expect, it } from 'vitest';
import { latestFetch } from '../../../client/src/api/latestFetch';

/** A task whose runs are counted and end only when the test says so. */
function controlledTask() {
  const ends: (() => void)[] = [];
  let fails = false;
  const task = () =>
    new Promise<void>((resolve, reject) => {
      ends.push(() => (fails ? reject(new Error('netwerk')) : resolve()));
    });
  return {
    task,
    runs: () => ends.length,
    endRun: async (index: number, fail = false) => {
      fails = fail;
      ends[index]!();
      // Lets the task's finally (and a next run) happen.
      await new Promise((r) => setTimeout(r, 0));
    },
  };
}

describe('latestFetch', () => {
  it('[LF1] runs at once when nothing runs', () => {
    const t = controlledTask();
    latestFetch(t.task)();
    expect(t.runs()).toBe(1);
  });

  it('[LF2] a burst of calls while a run is under way costs one more run, started after the burst', async () => {
    const t = controlledTask();
    const refresh = latestFetch(t.task);
    refresh();
    refresh();
    refresh();
    refresh();
    expect(t.runs()).toBe(1);
    await t.endRun(0);
    expect(t.runs()).toBe(2);
    await t.endRun(1);
    expect(t.runs()).toBe(2);
  });

  it('[LF3] a call during the follow-up run asks for another, and a failed run does not stop the next', async () => {
    const t = controlledTask();
    const refresh = latestFetch(t.task);
    refresh();
    refresh();
    await t.endRun(0, true);
    expect(t.runs()).toBe(2);
    refresh();
    await t.endRun(1);
    expect(t.runs()).toBe(3);
    await t.endRun(2);
    refresh();
    expect(t.runs()).toBe(4);
  });
});
