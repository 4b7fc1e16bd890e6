import type { AuditRecord } from '../audit/auditTypes';
import type { InvitationRecord, MemberRecord, PlanRecord, SessionRecord } from './records';

/**
 * The one storage interface (DESIGN.md §6). The embedded default and the production adapter both implement
 * it, and one contract suite (`tests/integration/storage/storeContract.ts`) runs against each.
 */
export interface Store {
  readonly meta: MetaStore;
  readonly docs: DocStore;
  readonly audit: AuditStore;
  /**
   * Flushes and releases everything (the data-dir lock too). Writes still waiting for the disk to take them
   * again are given up first (they reject with `StorageUnavailable`), so closing never hangs on a full disk.
   */
  close(): Promise<void>;
}

/**
 * What the store tells the server about its health (shown on `/healthz`, DESIGN.md §7). Opaque ids only.
 */
export interface StorageWatcher {
  /**
   * A doc's stored data is damaged or missing (found at start or on first use). Its files were moved aside
   * to `quarantine/`; the doc is refused, never served empty, until an operator restores it.
   */
  quarantined(planId: string, docName: string): void;
  /** Writes for this plan fail for now (disk full, I/O error, read-only) and are being retried. */
  writesRefused(planId: string): void;
  /** Every write of this plan that was refused has now been stored (or given up at shutdown). */
  writesResumed(planId: string): void;
}

/**
 * Plans, members, invitations and sessions. Reads answer from memory; a write resolves only once it is
 * durable (fsync'd), so a caller may answer the user as soon as the promise resolves.
 */
export interface MetaStore {
  listPlans(): PlanRecord[];
  getPlan(planId: string): PlanRecord | undefined;
  /** Stores a new plan together with its first members, in one durable write. */
  createPlan(plan: PlanRecord, members: readonly MemberRecord[]): Promise<void>;
  /** Changes a plan's title or state durably; returns the plan as stored. Throws `NotFound` for an unknown plan. */
  updatePlan(planId: string, patch: Partial<Omit<PlanRecord, 'planId' | 'createdAt'>>): Promise<PlanRecord>;

  listMembers(planId: string): MemberRecord[];
  getMember(memberId: string): MemberRecord | undefined;
  addMember(member: MemberRecord): Promise<void>;
  /** Changes a member's role, age band or revocation durably; returns the member as stored. Throws `NotFound`. */
  updateMember(memberId: string, patch: Partial<Pick<MemberRecord, 'role' | 'ageBand' | 'revokedAt'>>): Promise<MemberRecord>;

  addInvitation(invitation: InvitationRecord): Promise<void>;
  /**
   * Marks an open invitation used and returns it; returns undefined when it is unknown, used, expired or
   * revoked. Single-use holds even for two concurrent calls.
   */
  consumeInvitation(tokenHash: string, now: Date): Promise<InvitationRecord | undefined>;

  addSession(session: SessionRecord): Promise<void>;
  /** The session, if it exists and has not expired at `now`. */
  findSession(sessionHash: string, now: Date): SessionRecord | undefined;
  deleteSession(sessionHash: string): Promise<void>;
  /** Ends every session and open invitation of a member (revocation). */
  endAccessOf(memberId: string, now: Date): Promise<void>;
}

/** What loading a doc found. */
export interface DocLoad {
  /** The stored updates, to be applied in order (the first may be a compacted state). */
  updates: Uint8Array[];
  /** Records read, for deciding when to compact. */
  records: number;
  /** Bytes read. */
  bytes: number;
  /** A torn last record (a write cut off by a crash, never acknowledged) was found and cut away. */
  tornTail: boolean;
  /**
   * The `index` given to `compact` with the state that is now the log's one record; undefined when anything
   * was appended after it, or none was given or kept. Opaque to the store.
   */
  index?: Uint8Array;
}

/**
 * Yjs updates per doc, as an append-only log (DESIGN.md §6). Calls for one doc are applied in the order they
 * were made. The cost of an append does not grow with the amount stored.
 */
export interface DocStore {
  /**
   * Reads every stored update of a doc; an unknown doc gives an empty list.
   * Throws `StorageCorrupt` when the doc's data is damaged or missing (a record fails its checksum mid-log,
   * a compacted state is gone while older history is kept); such a doc stays refused, never empty. A torn
   * last record is not corrupt: it is cut away and reported in `tornTail`.
   */
  load(planId: string, docName: string): Promise<DocLoad>;
  /**
   * Appends one update; resolves only once it is durable (fsync'd). While the disk refuses writes (full,
   * failing, read-only) the update is kept and tried again until it is stored, so the promise may stay
   * pending for long; it rejects with `StorageUnavailable` only when the store closes meanwhile, and with
   * `StorageCorrupt` when the doc is damaged.
   */
  append(planId: string, docName: string, update: Uint8Array): Promise<void>;
  /**
   * Atomically replaces the doc's history with one update holding its whole state. `index` is what the
   * caller read from that state (`StoredState.encodeIndex`): a load gives it back while `state` is the one
   * record, so the caller need not read it again. A cache: a store may keep it less durably than the state,
   * or drop it, and the doc loads the same without it.
   */
  compact(planId: string, docName: string, state: Uint8Array, index?: Uint8Array): Promise<void>;
}

/**
 * The audit log (issue #6): per plan, an append-only list of hash-chained records, in the order appended.
 * Holds no Yjs updates and no plan content. Chaining and hashing are the caller's (`audit/auditTrail.ts`):
 * the store keeps records exactly as given.
 */
export interface AuditStore {
  /**
   * Appends records to a plan's log, after everything appended before for that plan; resolves only once they
   * are durable (fsync'd). While the disk refuses writes they are kept and tried again, like doc updates.
   * Throws `Invalid` when a record names another plan, `StorageUnavailable` when they cannot be stored
   * (then none of them count: the next `lastRecord` tells where the log really ends).
   */
  append(planId: string, records: readonly AuditRecord[]): Promise<void>;
  /** Every readable record of a plan, oldest first; an unknown plan gives an empty list. */
  list(planId: string): Promise<AuditRecord[]>;
  /** The plan's newest record, so the chain continues after a restart; undefined for an empty log. */
  lastRecord(planId: string): Promise<AuditRecord | undefined>;
}
