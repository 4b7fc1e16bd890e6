import { describe, expect, it } from 'vitest';
import { SavedTracker } from '../../../../server/src/sync/savedTracker';

describe('SavedTracker', () => {
  it('[S1] numbers messages 1, 2, 3 and moves the watermark only over a settled prefix', () => {
    const t = new SavedTracker();
    expect([t.next(), t.next(), t.next()]).toEqual([1, 2, 3]);
    expect(t.settle(2)).toBeUndefined(); // 1 is still being written
    expect(t.settle(3)).toBeUndefined();
    expect(t.settle(1)).toBe(3);
    expect(t.next()).toBe(4);
    expect(t.settle(4)).toBe(4);
  });
});
