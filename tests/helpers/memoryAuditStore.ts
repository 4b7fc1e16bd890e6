import type { AuditRecord } from '../../server/src/audit/auditTypes';
import { StorageUnavailable } from '../../server/src/errors';
import type { AuditStore } from '../../server/src/storage/Store';

/** An in-memory `AuditStore` for unit tests, with appends that can be made to fail. */
export class MemoryAuditStore implements AuditStore {
  readonly plans = new Map<string, AuditRecord[]>();
  /** Each call to `append`, with the number of records it carried. */
  readonly appendCalls: number[] = [];
  /**
   * What the next appends do: `fail` rejects and stores nothing; `fail-after-write` stores the records and
   * still rejects (a write that landed but whose fsync reported an error).
   */
  readonly failures: ('fail' | 'fail-after-write')[] = [];

  async append(planId: string, records: readonly AuditRecord[]): Promise<void> {
    this.appendCalls.push(records.length);
    await new Promise((resolve) => setImmediate(resolve)); // like a real fsync: later calls queue up meanwhile
    const failure = this.failures.shift();
    if (failure !== 'fail') this.plans.set(planId, [...(this.plans.get(planId) ?? []), ...records]);
    if (failure) throw new StorageUnavailable('disk gone');
  }

  async list(planId: string): Promise<AuditRecord[]> {
    return [...(this.plans.get(planId) ?? [])];
  }

  async lastRecord(planId: string): Promise<AuditRecord | undefined> {
    return this.plans.get(planId)?.at(-1);
  }
}
