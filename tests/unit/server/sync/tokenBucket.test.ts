import { describe, expect, it } from 'vitest';
import { TokenBucket } from '../../../../server/src/sync/tokenBucket';

describe('TokenBucket', () => {
  it('allows a burst, then reports debt in seconds, and refills at the rate', () => {
    const b = new TokenBucket(10, 3, 0);
    expect([b.take(0), b.take(0), b.take(0)]).toEqual([0, 0, 0]);
    expect(b.take(0)).toBeCloseTo(0.1);
    expect(b.take(0)).toBeCloseTo(0.2);
    expect(b.msUntilToken(0)).toBe(300);
    expect(b.has(300)).toBe(true);
    expect(b.take(1000)).toBe(0);
  });

  it('never stores more than the burst', () => {
    const b = new TokenBucket(10, 2, 0);
    expect(b.has(60_000)).toBe(true);
    b.take(60_000);
    b.take(60_000);
    expect(b.take(60_000)).toBeGreaterThan(0);
  });
});
