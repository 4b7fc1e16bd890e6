import { join } from 'node:path';
import { Low } from 'lowdb';
import { Invalid, NotFound, StorageCorrupt } from '../../errors';
import type { Logger } from '../../log';
import type { MetaStore } from '../Store';
import type { InvitationRecord, MemberRecord, PlanRecord, SessionRecord } from '../records';
import { createAtomicJsonFile } from './atomicJsonFile';
import type { FileOps } from './fileOps';

/** The content of `DATA_DIR/meta.json`. */
export interface MetaData {
  schemaVersion: 1;
  plans: PlanRecord[];
  members: MemberRecord[];
  invitations: InvitationRecord[];
  sessions: SessionRecord[];
}

/** The embedded `MetaStore`, plus `flush` for a clean shutdown. */
export interface EmbeddedMetaStore extends MetaStore {
  /** Resolves once every write started so far has settled. */
  flush(): Promise<void>;
}

/**
 * Opens `DATA_DIR/meta.json` (creating it when missing). Reads answer from memory; each write changes
 * memory, then resolves once the whole file is durable (DESIGN.md §6). When a write fails its change is taken
 * back out of memory, so a retry starts clean. Throws `StorageCorrupt` when the file is not valid metadata:
 * metadata corruption is fatal, the server must not start over it.
 */
export async function openEmbeddedMetaStore(options: { dataDir: string; log: Logger; fs?: FileOps }): Promise<EmbeddedMetaStore> {
  const adapter = createAtomicJsonFile<MetaData>(join(options.dataDir, 'meta.json'), options.fs);
  // Read through the adapter rather than `Low.read`, which keeps the default data for a file holding
  // `null` or `0` and would start an empty store over it.
  const stored = await adapter.read();
  if (stored !== null && !isMetaData(stored)) throw new StorageCorrupt('metadata file meta.json has an unknown shape or schemaVersion');
  const db = new Low<MetaData>(adapter, stored ?? emptyMeta());
  const log = options.log.child('storage.meta');
  const inFlight = new Set<Promise<void>>();
  const commit = createCommit(db, inFlight, log);
  if (stored === null) await commit(() => undefined);
  return {
    ...createReads(db.data),
    ...createWrites(db.data, commit),
    flush: async () => {
      await Promise.allSettled([...inFlight]);
    },
  };
}

type Commit = (undo: () => void) => Promise<void>;

/**
 * Awaits the durable write of what memory holds now; on failure runs `undo` (the adapter lets a turn pass
 * after a failed write, so the undo lands before the next snapshot is taken).
 */
function createCommit(db: Low<MetaData>, inFlight: Set<Promise<void>>, log: Logger): Commit {
  return (undo) => {
    const done = db.write().catch(async (error: unknown) => {
      undo();
      log.error('meta.write_failed', { error });
      throw error;
    });
    const tracked = done.catch(() => undefined);
    inFlight.add(tracked);
    void tracked.finally(() => inFlight.delete(tracked));
    return done;
  };
}

function createReads(data: MetaData): Pick<MetaStore, 'listPlans' | 'getPlan' | 'listMembers' | 'getMember' | 'findSession'> {
  return {
    listPlans: () => data.plans.map(copy),
    getPlan: (planId) => copyOf(data.plans.find((p) => p.planId === planId)),
    listMembers: (planId) => data.members.filter((m) => m.planId === planId).map(copy),
    getMember: (memberId) => copyOf(data.members.find((m) => m.memberId === memberId)),
    findSession: (sessionHash, now) => {
      const session = data.sessions.find((s) => s.sessionHash === sessionHash);
      return session && isOpen(session.expiresAt, now) ? copy(session) : undefined;
    },
  };
}

type Writes = Pick<
  MetaStore,
  'createPlan' | 'updatePlan' | 'addMember' | 'updateMember' | 'addInvitation' | 'consumeInvitation' | 'addSession' | 'deleteSession' | 'endAccessOf'
>;

function createWrites(data: MetaData, commit: Commit): Writes {
  return {
    createPlan: async (plan, members) => {
      refuseDuplicate(data.plans.some((p) => p.planId === plan.planId) || members.some((m) => hasMember(data, m.memberId)), 'plan or member');
      const added = copy(plan);
      const addedMembers = members.map(copy);
      data.plans.push(added);
      data.members.push(...addedMembers);
      await commit(() => {
        removeFrom(data.plans, added);
        for (const member of addedMembers) removeFrom(data.members, member);
      });
    },
    updatePlan: (planId, patch) => replaceIn<PlanRecord>(data.plans, (p) => p.planId === planId, patch, 'plan', commit),
    addMember: (member) => insert(data.members, member, hasMember(data, member.memberId), commit),
    updateMember: (memberId, patch) => replaceIn<MemberRecord>(data.members, (m) => m.memberId === memberId, patch, 'member', commit),
    addInvitation: (invitation) =>
      insert(data.invitations, invitation, data.invitations.some((i) => i.tokenHash === invitation.tokenHash), commit),
    consumeInvitation: (tokenHash, now) => consumeInvitation(data, tokenHash, now, commit),
    addSession: (session) => insert(data.sessions, session, data.sessions.some((s) => s.sessionHash === session.sessionHash), commit),
    deleteSession: async (sessionHash) => {
      const session = data.sessions.find((s) => s.sessionHash === sessionHash);
      if (!session) return;
      removeFrom(data.sessions, session);
      await commit(() => data.sessions.push(session));
    },
    endAccessOf: async (memberId, now) => {
      const sessions = data.sessions.filter((s) => s.memberId === memberId);
      const open = data.invitations.filter((i) => i.memberId === memberId && i.usedAt === undefined && i.revokedAt === undefined);
      if (sessions.length === 0 && open.length === 0) return;
      for (const session of sessions) removeFrom(data.sessions, session);
      for (const invitation of open) invitation.revokedAt = now.toISOString();
      await commit(() => {
        data.sessions.push(...sessions);
        for (const invitation of open) delete invitation.revokedAt;
      });
    },
  };
}

/** Replaces one record by a patched copy; on a failed write the old record goes back. */
async function replaceIn<T extends object>(list: T[], match: (r: T) => boolean, patch: Partial<T>, what: string, commit: Commit): Promise<T> {
  const index = list.findIndex(match);
  const old = list[index];
  if (old === undefined) throw new NotFound(what);
  const next = copy({ ...old, ...patch });
  list[index] = next;
  await commit(() => {
    const at = list.indexOf(next);
    if (at >= 0) list[at] = old;
  });
  return copy(next);
}

async function consumeInvitation(data: MetaData, tokenHash: string, now: Date, commit: Commit): Promise<InvitationRecord | undefined> {
  const invitation = data.invitations.find((i) => i.tokenHash === tokenHash);
  if (!invitation || invitation.usedAt !== undefined || invitation.revokedAt !== undefined) return undefined;
  if (!isOpen(invitation.expiresAt, now)) return undefined;
  // Check and mark happen in one synchronous step, before any await: a second concurrent call sees `usedAt`
  // and gets undefined, so an invitation is single-use.
  invitation.usedAt = now.toISOString();
  await commit(() => {
    delete invitation.usedAt;
  });
  return copy(invitation);
}

async function insert<T extends object>(list: T[], record: T, duplicate: boolean, commit: Commit): Promise<void> {
  refuseDuplicate(duplicate, 'record');
  const added = copy(record);
  list.push(added);
  await commit(() => removeFrom(list, added));
}

function refuseDuplicate(duplicate: boolean, what: string): void {
  // A duplicate key is a caller bug; refusing keeps lookups by key unambiguous.
  if (duplicate) throw new Invalid(`a ${what} with this id already exists`);
}

function hasMember(data: MetaData, memberId: string): boolean {
  return data.members.some((m) => m.memberId === memberId);
}

/** Fail closed: an unparseable expiry counts as expired. */
function isOpen(expiresAt: string, now: Date): boolean {
  return Date.parse(expiresAt) > now.getTime();
}

function removeFrom<T>(list: T[], item: T): void {
  const index = list.indexOf(item);
  if (index >= 0) list.splice(index, 1);
}

/** Callers get copies, so they cannot change stored records behind the store's back. */
function copy<T extends object>(record: T): T {
  return structuredClone(record);
}

function copyOf<T extends object>(record: T | undefined): T | undefined {
  return record ? copy(record) : undefined;
}

function emptyMeta(): MetaData {
  return { schemaVersion: 1, plans: [], members: [], invitations: [], sessions: [] };
}

function isMetaData(value: unknown): value is MetaData {
  if (typeof value !== 'object' || value === null) return false;
  const data = value as Record<string, unknown>;
  const lists = [data.plans, data.members, data.invitations, data.sessions];
  return data.schemaVersion === 1 && lists.every(Array.isArray);
}
