import type { StorageWatcher } from './storage/Store';

/** Why a part is degraded; stable codes that monitoring may match on (DESIGN.md §7). */
export const DegradedReason = {
  /** A doc of the plan is damaged or missing on disk: quarantined and refused, never served empty. */
  storageCorrupt: 'storage_corrupt',
  /** The disk refuses writes for the plan (full, failing, read-only): nothing new is acknowledged. */
  storageRefusingWrites: 'storage_refusing_writes',
} as const;
export type DegradedReason = (typeof DegradedReason)[keyof typeof DegradedReason];

/** A plan that is served in part only, and why (shown on /healthz, DESIGN.md §7). */
export interface DegradedEntry {
  planId?: string;
  reason: DegradedReason;
}

/** What /healthz reports: starting, or ok with plans that failed to load and storage that refuses writes. */
export class HealthState {
  private readonly degraded = new Map<string, DegradedEntry>();
  private started = false;

  /**
   * The server is listening and everything a first start promises exists (the demo invitations file, DESIGN.md
   * §7): /healthz answers 200 from now on.
   */
  markStarted(): void {
    this.started = true;
  }

  get isStarted(): boolean {
    return this.started;
  }

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

  /** What the store reports, as degraded entries per plan (issue #9). */
  storageWatcher(): StorageWatcher {
    return {
      quarantined: (planId) => this.markDegraded({ planId, reason: DegradedReason.storageCorrupt }),
      writesRefused: (planId) => this.markDegraded({ planId, reason: DegradedReason.storageRefusingWrites }),
      writesResumed: (planId) => this.clear({ planId, reason: DegradedReason.storageRefusingWrites }),
    };
  }
}
