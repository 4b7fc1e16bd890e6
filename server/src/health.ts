/** A plan that is served in part only, and why (shown on /healthz, DESIGN.md §7). */
export interface DegradedEntry {
  planId?: string;
  reason: string;
}

/** What /healthz reports beyond "ok": plans that failed to load, storage that refuses writes. */
export class HealthState {
  private readonly degraded = new Map<string, DegradedEntry>();

  /** Records a problem; the same planId and reason are listed once. */
  markDegraded(entry: DegradedEntry): void {
    this.degraded.set(`${entry.planId ?? ''}:${entry.reason}`, entry);
  }

  clear(entry: DegradedEntry): void {
    this.degraded.delete(`${entry.planId ?? ''}:${entry.reason}`);
  }

  list(): DegradedEntry[] {
    return [...this.degraded.values()];
  }
}
