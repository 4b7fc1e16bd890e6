import { isAuditEvent } from '../../../shared/src/audit/auditEvents';
import { isRole } from '../../../shared/src/permissions/roles';
import { AppError, Invalid } from '../errors';
import type { Logger } from '../log';
import type { AuditStore } from '../storage/Store';
import { GENESIS_HASH, sealAuditRecord } from './auditHash';
import type { AuditRecorder } from './auditRecorder';
import type { AuditInput, AuditRecord } from './auditTypes';

/** What `recordDocChange` needs: a `doc.changed` record without its event and outcome. */
export type DocChangeInput = Omit<AuditInput, 'event' | 'outcome'>;

export interface AuditTrailOptions {
  /** At most one `doc.changed` per member per doc in this window (issue #6: one per minute). */
  docChangeWindowMs?: number;
  /** The clock; tests pass a fixed one. */
  now?: () => number;
}

/** Where a plan's chain stands: the newest stored record's seq and hash. */
interface ChainHead {
  seq: number;
  hash: string;
}

interface Pending {
  input: AuditInput;
  at: string;
  resolve: (record: AuditRecord) => void;
  reject: (error: unknown) => void;
}

/** One plan's queue: records are chained and appended strictly one batch after another. */
interface PlanChain {
  head: ChainHead | undefined;
  pending: Pending[];
  /** A drain is running (set and cleared synchronously, so a new record never waits for nobody). */
  running: boolean;
  /** The latest drain; settled when nothing is pending. */
  drained: Promise<void>;
}

/** Ids, doc names, version numbers and machine reasons: never free text, so no plan content slips in. */
const SAFE_TOKEN = /^[A-Za-z0-9_.:-]{1,128}$/;
const SAFE_PLAN = /^[A-Za-z0-9_-]{1,128}$/;
/** An organisation is a name, not content; a short line of printable text. */
const SAFE_ORGANISATION = /^[^\u0000-\u001f\u007f]{1,100}$/;

/**
 * The audit log of every plan (issue #6, NEN 7513 spirit): append-only, hash-chained per plan, durable.
 * Records of one plan are stamped and appended strictly in call order, so concurrent calls never fork the
 * chain; calls that queue up while a write is in flight go to the store as one batch (one fsync).
 *
 * `record` never rejects: hot paths call it as `void trail.record(…)` and a failure is logged here. A failed
 * append does not advance the chain: the head is read back from the store before the next record.
 *
 * @example
 * const trail = new AuditTrail(store.audit, log.child('audit'));
 * void trail.record({ event: 'doc.opened', planId, memberId, role, object: docName, outcome: 'ok' });
 * void trail.recordDocChange({ planId, memberId, role, object: docName }); // at most once a minute
 */
export class AuditTrail implements AuditRecorder {
  private readonly chains = new Map<string, PlanChain>();
  /** `doc.changed` throttle: key → start (ms) of the window whose first change was recorded. */
  private readonly docChangeWindows = new Map<string, number>();
  private lastSweep = 0;
  private readonly windowMs: number;
  private readonly now: () => number;
  private readonly log: Logger;

  constructor(
    private readonly store: AuditStore,
    log: Logger,
    options: AuditTrailOptions = {},
  ) {
    this.log = log;
    this.windowMs = options.docChangeWindowMs ?? 60_000;
    this.now = options.now ?? (() => Date.now());
  }

  /** Records one event durably; never rejects (a failure is logged as `audit.record_failed`). */
  async record(input: AuditInput): Promise<void> {
    await this.recordOrThrow(input).catch(() => undefined);
  }

  /**
   * Records one event and resolves with the stored record once it is durable; rejects when it cannot be
   * stored (and logs that too). For a caller that must not go on unaudited, e.g. an export.
   */
  recordOrThrow(input: AuditInput): Promise<AuditRecord> {
    let clean: AuditInput;
    try {
      clean = this.cleanInput(input);
    } catch (error) {
      // The input itself is bad: log no field of it, not even its planId.
      this.log.error('audit.record_failed', { code: error instanceof AppError ? error.code : 'unknown' });
      return Promise.reject(error);
    }
    return new Promise<AuditRecord>((resolve, reject) => {
      const chain = this.chainOf(clean.planId);
      chain.pending.push({ input: clean, at: new Date(this.now()).toISOString(), resolve, reject });
      if (!chain.running) {
        chain.running = true;
        chain.drained = this.drain(clean.planId, chain);
      }
    }).catch((error: unknown) => {
      this.logFailure(clean, error);
      throw error;
    });
  }

  /**
   * Records `doc.changed` for the first change of a member in a doc, then nothing for that member and doc
   * until the window (a minute) has passed: a record per keystroke would drown the log. Never rejects.
   */
  async recordDocChange(input: DocChangeInput): Promise<void> {
    const now = this.now();
    this.sweepWindows(now);
    const key = `${input.planId}\u0000${input.memberId}\u0000${input.object ?? ''}`;
    const windowStart = this.docChangeWindows.get(key);
    if (windowStart !== undefined && now - windowStart < this.windowMs) return;
    this.docChangeWindows.set(key, now);
    try {
      await this.recordOrThrow({ ...input, event: 'doc.changed', outcome: 'ok' });
    } catch {
      // Not recorded: let the next change try again rather than stay silent for a minute.
      if (this.docChangeWindows.get(key) === now) this.docChangeWindows.delete(key);
    }
  }

  /** Every record of a plan, oldest first, including all recorded before this call. */
  async list(planId: string): Promise<AuditRecord[]> {
    await this.chains.get(planId)?.drained;
    return this.store.list(planId);
  }

  /** Resolves once every record asked for so far is stored or has failed (call before closing the store). */
  async flush(): Promise<void> {
    await Promise.all([...this.chains.values()].map((chain) => chain.drained));
  }

  private chainOf(planId: string): PlanChain {
    let chain = this.chains.get(planId);
    if (!chain) {
      chain = { head: undefined, pending: [], running: false, drained: Promise.resolve() };
      this.chains.set(planId, chain);
    }
    return chain;
  }

  /** Chains and appends whatever is pending, batch after batch, until nothing is. Never rejects. */
  private async drain(planId: string, chain: PlanChain): Promise<void> {
    while (chain.pending.length > 0) {
      const batch = chain.pending.splice(0);
      try {
        let head = chain.head ?? (await this.readHead(planId));
        const records = batch.map(({ input, at }) => {
          const record = sealAuditRecord({ ...input, seq: head.seq + 1, at, prevHash: head.hash });
          head = { seq: record.seq, hash: record.hash };
          return record;
        });
        await this.store.append(planId, records);
        chain.head = head;
        batch.forEach((pending, i) => pending.resolve(records[i] as AuditRecord));
      } catch (error) {
        // The batch may or may not be on disk (a failed cut-back leaves it): read the head again next time.
        chain.head = undefined;
        for (const pending of batch) pending.reject(error);
      }
    }
    chain.running = false;
  }

  private async readHead(planId: string): Promise<ChainHead> {
    const last = await this.store.lastRecord(planId);
    return last ? { seq: last.seq, hash: last.hash } : { seq: 0, hash: GENESIS_HASH };
  }

  /**
   * Checks what a caller passes, so that no content, token or stray key reaches the log: only the fields of
   * `AuditInput`, ids as ids. A bad optional field is dropped (and logged) rather than losing the record.
   */
  private cleanInput(input: AuditInput): AuditInput {
    if (!isAuditEvent(input.event)) throw new Invalid('unknown audit event');
    if (!SAFE_PLAN.test(input.planId)) throw new Invalid('planId is not an id');
    if (!SAFE_TOKEN.test(input.memberId)) throw new Invalid('memberId is not an id');
    if (input.role !== 'system' && !isRole(input.role)) throw new Invalid('unknown role');
    if (input.outcome !== 'ok' && input.outcome !== 'refused') throw new Invalid('unknown outcome');
    const optional = (field: 'namens' | 'object' | 'reason' | 'organisation', pattern: RegExp) => {
      const value = input[field];
      if (value === undefined) return {};
      if (typeof value === 'string' && pattern.test(value)) return { [field]: value };
      this.log.warn('audit.field_dropped', { planId: input.planId, auditEvent: input.event, field });
      return {};
    };
    return {
      event: input.event,
      planId: input.planId,
      memberId: input.memberId,
      role: input.role,
      outcome: input.outcome,
      ...optional('organisation', SAFE_ORGANISATION),
      ...optional('namens', SAFE_TOKEN),
      ...optional('object', SAFE_TOKEN),
      ...optional('reason', SAFE_TOKEN),
    };
  }

  /** Drops throttle windows that have ended, at most once per window, so the map stays small. */
  private sweepWindows(now: number): void {
    if (now - this.lastSweep < this.windowMs) return;
    this.lastSweep = now;
    for (const [key, start] of this.docChangeWindows) if (now - start >= this.windowMs) this.docChangeWindows.delete(key);
  }

  private logFailure(input: AuditInput, error: unknown): void {
    const code = error instanceof AppError ? error.code : 'unknown';
    this.log.error('audit.record_failed', { planId: input.planId, auditEvent: input.event, code });
  }
}
