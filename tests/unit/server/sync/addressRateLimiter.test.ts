import { describe, expect, it } from 'vitest';
import { AddressRateLimiter } from '../../../../server/src/sync/addressRateLimiter';

describe('upgrades per remote address', () => {
  it('[U6] a burst, then the rate; other addresses are not affected', () => {
    const limiter = new AddressRateLimiter(2, 3);
    const admitted = [0, 0, 0, 0].map(() => limiter.admit('a', 0));
    expect(admitted).toEqual([true, true, true, false]);
    expect(limiter.admit('b', 0)).toBe(true);
    expect(limiter.admit('a', 400)).toBe(false);
    expect(limiter.admit('a', 500)).toBe(true);
  });

  it('[U7] forgets refilled addresses and never remembers more than its maximum', () => {
    const limiter = new AddressRateLimiter(1, 1, 100);
    for (let i = 0; i < 1000; i++) limiter.admit(`10.0.${i >> 8}.${i & 255}`, i);
    expect(limiter.size).toBeLessThanOrEqual(100);
    limiter.admit('x', 200_000);
    expect(limiter.size).toBe(1);
  });
});
