import { TokenBucket } from './tokenBucket';

/**
 * A token bucket per remote address, for WebSocket upgrades (issue #9): a burst for a page that opens a socket
 * per doc (or an office behind one address), then a sustained rate. Buckets that have refilled are forgotten,
 * and the map never holds more than `maxAddresses`, so many addresses cannot grow it without bound.
 */
export class AddressRateLimiter {
  private readonly buckets = new Map<string, TokenBucket>();
  private lastSweep = 0;

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    private readonly maxAddresses = 100_000,
  ) {}

  /** Takes a token for `address`; false when it has none left (the caller answers 429). Time in ms. */
  admit(address: string, now: number): boolean {
    if (now - this.lastSweep > 60_000) this.sweep(now);
    let bucket = this.buckets.get(address);
    if (!bucket) {
      if (this.buckets.size >= this.maxAddresses) this.sweep(now);
      bucket = new TokenBucket(this.perSecond, this.burst, now);
      this.buckets.set(address, bucket);
    }
    if (!bucket.has(now)) return false;
    bucket.take(now);
    return true;
  }

  /** Addresses remembered (for tests). */
  get size(): number {
    return this.buckets.size;
  }

  private sweep(now: number): void {
    this.lastSweep = now;
    for (const [address, bucket] of this.buckets) if (bucket.full(now)) this.buckets.delete(address);
    // Still full of busy addresses: forget the oldest; at worst one of them gets a fresh burst.
    for (const address of this.buckets.keys()) {
      if (this.buckets.size < this.maxAddresses) break;
      this.buckets.delete(address);
    }
  }
}
