/**
 * Numbers the content messages of one socket (sync step 2 and update, DESIGN.md §7) and tells when the
 * `saved` watermark moves: n is reported only once every message up to n is settled (durable, rejected, or
 * adding nothing), so a fast no-op never acknowledges a slower write before it.
 */
export class SavedTracker {
  private lastNumber = 0;
  private watermark = 0;
  private readonly settledAhead = new Set<number>();

  /** The next content message's number. */
  next(): number {
    this.lastNumber += 1;
    return this.lastNumber;
  }

  /** Marks message n settled; returns the new watermark when it moved, else undefined. */
  settle(n: number): number | undefined {
    this.settledAhead.add(n);
    const before = this.watermark;
    while (this.settledAhead.delete(this.watermark + 1)) this.watermark += 1;
    return this.watermark > before ? this.watermark : undefined;
  }
}
