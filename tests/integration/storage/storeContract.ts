import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Invalid } from '../../../server/src/errors';
import type { Store } from '../../../server/src/storage/Store';
import type { InvitationRecord, MemberRecord, PlanRecord, SessionRecord } from '../../../server/src/storage/records';
import { makeAuditChain } from '../../helpers/auditChain';

/** One store under test: `reopen` closes the current store and opens a new one on the same data. */
export interface StoreUnderTest {
  store: Store;
  reopen(): Promise<Store>;
  /** Closes whatever is open and removes the data. */
  cleanup(): Promise<void>;
}

const NOW = new Date('2026-03-01T12:00:00.000Z');
const LATER = '2026-03-08T12:00:00.000Z';
const EARLIER = '2026-02-01T12:00:00.000Z';

function plan(planId: string): PlanRecord {
  return { planId, titel: 'Plan', templateId: 'basis', createdAt: EARLIER };
}

function member(memberId: string, planId: string): MemberRecord {
  return { memberId, planId, role: 'ouder', name: 'Naam', createdAt: EARLIER };
}

function invitation(tokenHash: string, expiresAt = LATER): InvitationRecord {
  return { tokenHash, planId: 'p1', memberId: 'm2', createdAt: EARLIER, expiresAt };
}

function session(sessionHash: string, expiresAt = LATER): SessionRecord {
  return { sessionHash, planId: 'p1', memberId: 'm1', createdAt: EARLIER, expiresAt };
}

/** Edits a Y.Doc a few times and returns the doc and the update of each edit. */
function editedDoc(edits: number): { doc: Y.Doc; updates: Uint8Array[] } {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  for (let i = 0; i < edits; i++) {
    doc.getMap('doelen').set(`doel-${i}`, `tekst ${i}`);
    doc.getText('notitie').insert(0, `${i} `);
  }
  return { doc, updates };
}

/** The doc's content; a fresh Y.Doc only lists root types once they are asked for, so ask for them here. */
function contentOf(doc: Y.Doc): unknown {
  return { doelen: doc.getMap('doelen').toJSON(), notitie: doc.getText('notitie').toString() };
}

function docFrom(updates: readonly Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdate(doc, update);
  return doc;
}

/**
 * The storage contract (STYLE.md pattern 7, DESIGN.md §6): every `Store` adapter must pass it.
 * `open` gives a fresh, empty store each time.
 */
export function runStoreContract(name: string, open: () => Promise<StoreUnderTest>): void {
  describe(`${name}: store contract`, () => {
    let current: StoreUnderTest | undefined;
    const start = async (): Promise<StoreUnderTest> => (current = await open());
    afterEach(async () => {
      await current?.cleanup();
      current = undefined;
    });

    it('[S4] loads appended updates in append order, across reopen', async () => {
      const t = await start();
      const updates = [Uint8Array.of(1), Uint8Array.of(2, 2), Uint8Array.of(3, 3, 3)];
      for (const update of updates) await t.store.docs.append('p1', 'plan', update);
      const reopened = await t.reopen();
      const load = await reopened.docs.load('p1', 'plan');
      expect(load.updates.map((u) => Array.from(u))).toEqual(updates.map((u) => Array.from(u)));
      expect(load).toMatchObject({ records: 3, tornTail: false });
    });

    it('[S4] keeps docs and plans apart', async () => {
      const t = await start();
      await t.store.docs.append('p1', 'plan', Uint8Array.of(1));
      await t.store.docs.append('p1', 'gesprek', Uint8Array.of(2));
      await t.store.docs.append('p2', 'plan', Uint8Array.of(3));
      const reopened = await t.reopen();
      expect(Array.from((await reopened.docs.load('p1', 'gesprek')).updates[0] ?? [])).toEqual([2]);
      expect(Array.from((await reopened.docs.load('p2', 'plan')).updates[0] ?? [])).toEqual([3]);
    });

    it('[S5] loads an unknown doc as empty', async () => {
      const t = await start();
      expect(await t.store.docs.load('nieuw', 'plan')).toEqual({ updates: [], records: 0, bytes: 0, tornTail: false });
    });

    it('[S6] compaction keeps the state, and appends after it survive reopen', async () => {
      const t = await start();
      const { doc, updates } = editedDoc(20);
      for (const update of updates) await t.store.docs.append('p1', 'plan', update);
      await t.store.docs.compact('p1', 'plan', Y.encodeStateAsUpdate(doc));
      const more = editedDoc(0);
      doc.on('update', (update: Uint8Array) => more.updates.push(update));
      doc.getMap('doelen').set('na-compactie', 'ja');
      for (const update of more.updates) await t.store.docs.append('p1', 'plan', update);

      const reopened = await t.reopen();
      const load = await reopened.docs.load('p1', 'plan');
      expect(load.records).toBe(1 + more.updates.length);
      const loaded = docFrom(load.updates);
      expect(contentOf(loaded)).toEqual(contentOf(doc));
      expect(Y.encodeStateVector(loaded)).toEqual(Y.encodeStateVector(doc));
      expect(loaded.getMap('doelen').get('na-compactie')).toBe('ja');
    });

    it('[S6] a second compaction replaces the first', async () => {
      const t = await start();
      const { doc, updates } = editedDoc(5);
      for (const update of updates) await t.store.docs.append('p1', 'plan', update);
      await t.store.docs.compact('p1', 'plan', Y.encodeStateAsUpdate(doc));
      await t.store.docs.compact('p1', 'plan', Y.encodeStateAsUpdate(doc));
      const load = await (await t.reopen()).docs.load('p1', 'plan');
      expect(load.records).toBe(1);
      expect(contentOf(docFrom(load.updates))).toEqual(contentOf(doc));
    });

    it('[S72] the index given with a compaction comes back only while that state is the one record (a store may drop it)', async () => {
      const t = await start();
      const { doc, updates } = editedDoc(5);
      for (const update of updates) await t.store.docs.append('p1', 'plan', update);
      const index = Uint8Array.of(1, 7, 7);
      await t.store.docs.compact('p1', 'plan', Y.encodeStateAsUpdate(doc), index);
      const kept = await (await t.reopen()).docs.load('p1', 'plan');
      if (kept.index !== undefined) expect(Array.from(kept.index)).toEqual(Array.from(index));
      expect(contentOf(docFrom(kept.updates))).toEqual(contentOf(doc));
      doc.on('update', (update: Uint8Array) => void t.store.docs.append('p1', 'plan', update));
      doc.getMap('doelen').set('na-compactie', 'ja');
      expect((await t.store.docs.load('p1', 'plan')).index).toBeUndefined();
      expect((await (await t.reopen()).docs.load('p1', 'plan')).index).toBeUndefined();
    });

    it('[S7] plans, members, invitations and sessions survive reopen', async () => {
      const t = await start();
      await t.store.meta.createPlan(plan('p1'), [member('m1', 'p1')]);
      await t.store.meta.addMember(member('m2', 'p1'));
      await t.store.meta.addInvitation(invitation('inv-1'));
      await t.store.meta.addSession(session('s-1'));
      const { meta } = await t.reopen();
      expect(meta.listPlans()).toEqual([plan('p1')]);
      expect(meta.getPlan('p1')).toEqual(plan('p1'));
      expect(meta.listMembers('p1')).toEqual([member('m1', 'p1'), member('m2', 'p1')]);
      expect(meta.getMember('m2')).toEqual(member('m2', 'p1'));
      expect(meta.findSession('s-1', NOW)).toEqual(session('s-1'));
      expect(await meta.consumeInvitation('inv-1', NOW)).toMatchObject({ tokenHash: 'inv-1', usedAt: NOW.toISOString() });
    });

    it('[S7] a deleted session is gone, also after reopen', async () => {
      const t = await start();
      await t.store.meta.addSession(session('s-1'));
      await t.store.meta.deleteSession('s-1');
      expect(t.store.meta.findSession('s-1', NOW)).toBeUndefined();
      expect((await t.reopen()).meta.findSession('s-1', NOW)).toBeUndefined();
    });

    it('[S8] an invitation is single-use, even for two concurrent calls, and stays used after reopen', async () => {
      const t = await start();
      await t.store.meta.addInvitation(invitation('inv-1'));
      const results = await Promise.all([t.store.meta.consumeInvitation('inv-1', NOW), t.store.meta.consumeInvitation('inv-1', NOW)]);
      expect(results.filter((r) => r !== undefined)).toHaveLength(1);
      expect(await (await t.reopen()).meta.consumeInvitation('inv-1', NOW)).toBeUndefined();
    });

    it('[S9] expired invitations and sessions are not returned', async () => {
      const t = await start();
      await t.store.meta.addInvitation(invitation('inv-old', EARLIER));
      await t.store.meta.addSession(session('s-old', EARLIER));
      expect(await t.store.meta.consumeInvitation('inv-old', NOW)).toBeUndefined();
      expect(t.store.meta.findSession('s-old', NOW)).toBeUndefined();
      expect(await t.store.meta.consumeInvitation('unknown', NOW)).toBeUndefined();
    });

    it('[S9] a revoked invitation is not returned', async () => {
      const t = await start();
      await t.store.meta.addInvitation({ ...invitation('inv-r'), revokedAt: EARLIER });
      expect(await t.store.meta.consumeInvitation('inv-r', NOW)).toBeUndefined();
    });

    it('[AU10] audit records list back in append order, per plan, across reopen; lastRecord is the newest', async () => {
      const t = await start();
      const p1 = makeAuditChain('p1', 5);
      const p2 = makeAuditChain('p2', 2);
      await t.store.audit.append('p1', p1.slice(0, 1));
      await t.store.audit.append('p2', p2);
      await t.store.audit.append('p1', p1.slice(1));
      expect(await t.store.audit.list('p1')).toEqual(p1);
      expect(await t.store.audit.lastRecord('p1')).toEqual(p1[4]);
      const reopened = await t.reopen();
      expect(await reopened.audit.list('p1')).toEqual(p1);
      expect(await reopened.audit.list('p2')).toEqual(p2);
      expect(await reopened.audit.lastRecord('p2')).toEqual(p2[1]);
    });

    it('[AU10] an unknown plan has no audit records', async () => {
      const t = await start();
      expect(await t.store.audit.list('nieuw')).toEqual([]);
      expect(await t.store.audit.lastRecord('nieuw')).toBeUndefined();
      await t.store.audit.append('nieuw', []);
      expect(await t.store.audit.list('nieuw')).toEqual([]);
    });

    it('[AU10] concurrent audit appends land in call order, and a read queued between them sees the ones before it', async () => {
      const t = await start();
      const records = makeAuditChain('p1', 50);
      const appends = records.map((record) => t.store.audit.append('p1', [record]));
      const between = t.store.audit.lastRecord('p1');
      await Promise.all(appends);
      expect(await between).toEqual(records[49]);
      expect(await (await t.reopen()).audit.list('p1')).toEqual(records);
    });

    it('[AU10] a record of another plan, or a planId that is no id, is refused and nothing is stored', async () => {
      const t = await start();
      await expect(t.store.audit.append('p1', makeAuditChain('p2', 1))).rejects.toBeInstanceOf(Invalid);
      await expect(t.store.audit.append('../meta', makeAuditChain('../meta', 1))).rejects.toBeInstanceOf(Invalid);
      await expect(t.store.audit.list('a/b')).rejects.toBeInstanceOf(Invalid);
      expect(await t.store.audit.list('p1')).toEqual([]);
    });
  });
}
