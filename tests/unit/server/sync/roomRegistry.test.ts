import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { describe, expect, it, vi } from 'vitest';
import { StorageCorrupt } from '../../../../server/src/errors';
import { silentLogger } from '../../../../server/src/log';
import type { DocLoad, DocStore } from '../../../../server/src/storage/Store';
import type { RoomPeer } from '../../../../server/src/sync/room';
import { encodeSyncStep1 } from '../../../../server/src/sync/messages';
import { RoomRegistry } from '../../../../server/src/sync/roomRegistry';

/** An in-memory DocStore that counts calls and can be told to fail a load. Keeps a compaction's index while its state is the one record. */
function memoryStore() {
  const logs = new Map<string, Uint8Array[]>();
  const indexes = new Map<string, Uint8Array>();
  const calls = { load: 0, compact: 0, release: 0, loadedWithIndex: 0 };
  let failNextLoad = false;
  const store: DocStore & { release(p: string, d: string): Promise<void> } = {
    async load(planId, docName): Promise<DocLoad> {
      calls.load += 1;
      await new Promise((r) => setTimeout(r, 5));
      if (failNextLoad) {
        failNextLoad = false;
        throw new StorageCorrupt('bad', planId);
      }
      const key = `${planId}/${docName}`;
      const updates = logs.get(key) ?? [];
      const index = indexes.get(key);
      if (index) calls.loadedWithIndex += 1;
      return { updates: [...updates], records: updates.length, bytes: 0, tornTail: false, ...(index ? { index } : {}) };
    },
    async append(planId, docName, update) {
      const key = `${planId}/${docName}`;
      logs.set(key, [...(logs.get(key) ?? []), update]);
      indexes.delete(key);
    },
    async compact(planId, docName, state, index) {
      calls.compact += 1;
      const key = `${planId}/${docName}`;
      logs.set(key, [state]);
      if (index) indexes.set(key, index);
      else indexes.delete(key);
    },
    async release() {
      calls.release += 1;
    },
  };
  return { store, calls, failLoad: () => (failNextLoad = true) };
}

const peer = (): RoomPeer & { sent: Uint8Array[] } => {
  const sent: Uint8Array[] = [];
  return { sent, send: (m) => sent.push(m), close: () => undefined };
};

describe('RoomRegistry', () => {
  it('[S5] concurrent joins share one load; the last leave flushes, compacts and releases', async () => {
    const { store, calls } = memoryStore();
    const rooms = new RoomRegistry(store, silentLogger(), { compactAfterRecords: 1000 });
    const [p1, p2] = [peer(), peer()];
    const [r1, r2] = await Promise.all([rooms.join('p', 'gezamenlijk', p1), rooms.join('p', 'gezamenlijk', p2)]);
    expect(r1).toBe(r2);
    expect(calls.load).toBe(1);

    const client = new Y.Doc();
    client.getText('t').insert(0, 'a');
    await r1.applyFromPeer(Y.encodeStateAsUpdate(client), p1);
    client.getText('t').insert(1, 'b');
    await r1.applyFromPeer(Y.encodeStateAsUpdate(client), p1);
    expect(p2.sent.length).toBe(2); // broadcast to the other peer, not back to the sender
    expect(p1.sent.length).toBe(0);

    rooms.leave(r1, p1);
    rooms.leave(r1, p2);
    const again = await rooms.join('p', 'gezamenlijk', peer());
    expect(again).not.toBe(r1);
    expect(calls).toMatchObject({ load: 2, compact: 1, release: 1 });
    expect(again.doc.getText('t').toString()).toBe('ab');
  });

  it('[S6] a failed load rejects the join and leaves no room behind; the next join loads again', async () => {
    const { store, calls, failLoad } = memoryStore();
    const failures: string[] = [];
    const rooms = new RoomRegistry(store, silentLogger(), { compactAfterRecords: 1000, onLoadFailed: (planId) => failures.push(planId) });
    failLoad();
    await expect(rooms.join('p', 'gezamenlijk', peer())).rejects.toBeInstanceOf(StorageCorrupt);
    expect(rooms.size).toBe(0);
    expect(failures).toEqual(['p']);
    await rooms.join('p', 'gezamenlijk', peer());
    expect(calls.load).toBe(2);
  });

  it('[S7] a room whose writes wait for the disk stays loaded after the last leave, so a returning peer joins it; it unloads once they are stored', async () => {
    const { store, calls } = memoryStore();
    let storeHeld!: () => void;
    const held = new Promise<void>((resolve) => (storeHeld = resolve));
    const append = store.append.bind(store);
    store.append = async (planId, docName, update) => {
      await held; // the disk refuses writes until `storeHeld`
      await append(planId, docName, update);
    };
    const rooms = new RoomRegistry(store, silentLogger(), { compactAfterRecords: 1000 });
    const first = peer();
    const room = await rooms.join('p', 'gezamenlijk', first);
    const client = new Y.Doc();
    client.getText('t').insert(0, 'a');
    const durable = room.applyFromPeer(Y.encodeStateAsUpdate(client), first);
    rooms.leave(room, first);

    const back = peer();
    expect(await rooms.join('p', 'gezamenlijk', back)).toBe(room);
    expect(calls.load).toBe(1);
    rooms.leave(room, back);
    storeHeld();
    await durable;
    await vi.waitFor(() => expect(calls.release).toBe(1));
    expect(rooms.size).toBe(0);
  });

  it('[S8] a room answers sync from its stored bytes without building the doc; an unused one compacts to their merge; a write builds it', async () => {
    const { store, calls } = memoryStore();
    const author = new Y.Doc();
    author.getText('t').insert(0, 'hallo');
    await store.append('p', 'gezamenlijk', Y.encodeStateAsUpdate(author));
    const sv = Y.encodeStateVector(author);
    author.getText('t').insert(5, ' wereld');
    await store.append('p', 'gezamenlijk', Y.encodeStateAsUpdate(author, sv));
    const rooms = new RoomRegistry(store, silentLogger(), { compactAfterRecords: 1000 });

    const reader = peer();
    const room = await rooms.join('p', 'gezamenlijk', reader);
    expect(room.syncStep1()).toEqual(encodeSyncStep1(author));
    const fresh = new Y.Doc();
    const step2 = decoding.createDecoder(room.syncStep2(new Uint8Array([0])));
    decoding.readVarUint(step2); // message type
    decoding.readVarUint(step2); // sync step 2
    Y.applyUpdate(fresh, decoding.readVarUint8Array(step2));
    expect(fresh.getText('t').toString()).toBe('hallo wereld');
    expect(room.isLive).toBe(false);
    rooms.leave(room, reader);
    await vi.waitFor(() => expect(calls.release).toBe(1));
    expect(calls.compact).toBe(1);
    expect((await store.load('p', 'gezamenlijk')).records).toBe(1);

    const writer = peer();
    const again = await rooms.join('p', 'gezamenlijk', writer);
    expect(again.isLive).toBe(false);
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(author));
    client.getText('t').insert(0, '> ');
    const applied = again.applyFromPeer(Y.encodeStateAsUpdate(client, Y.encodeStateVector(author)), writer);
    expect(applied.kind === 'applied' && applied.durable !== undefined).toBe(true);
    expect(again.isLive).toBe(true);
    expect(again.doc.getText('t').toString()).toBe('> hallo wereld');
  });

  it('[S9] a built doc with no update for a while goes back to bytes once its writes are stored, and serves and takes writes as before', async () => {
    const { store } = memoryStore();
    let storeHeld!: () => void;
    const held = new Promise<void>((resolve) => (storeHeld = resolve));
    const append = store.append.bind(store);
    store.append = async (planId, docName, update) => {
      await held;
      await append(planId, docName, update);
    };
    const rooms = new RoomRegistry(store, silentLogger(), { compactAfterRecords: 1000, idleDocMs: 30 });
    const [writer, reader] = [peer(), peer()];
    const room = await rooms.join('p', 'gezamenlijk', writer);
    await rooms.join('p', 'gezamenlijk', reader);
    const client = new Y.Doc();
    client.getText('t').insert(0, 'eerst');
    const first = room.applyFromPeer(Y.encodeStateAsUpdate(client), writer);
    expect(room.isLive).toBe(true);
    // The write still waits for the disk: the doc stays built.
    await new Promise((r) => setTimeout(r, 120));
    expect(room.isLive).toBe(true);
    storeHeld();
    if (first.kind === 'applied') await first.durable;
    await vi.waitFor(() => expect(room.isLive).toBe(false));

    const fresh = new Y.Doc();
    const step2 = decoding.createDecoder(room.syncStep2(new Uint8Array([0])));
    decoding.readVarUint(step2);
    decoding.readVarUint(step2);
    Y.applyUpdate(fresh, decoding.readVarUint8Array(step2));
    expect(fresh.getText('t').toString()).toBe('eerst');
    expect(room.syncStep1()).toEqual(encodeSyncStep1(client));

    const sv = Y.encodeStateVector(client);
    client.getText('t').insert(5, ' dan');
    const second = room.applyFromPeer(Y.encodeStateAsUpdate(client, sv), writer);
    if (second.kind === 'applied') await second.durable;
    expect(room.doc.getText('t').toString()).toBe('eerst dan');
    expect(reader.sent).toHaveLength(2); // both writes broadcast
    const stored = new Y.Doc();
    for (const u of (await store.load('p', 'gezamenlijk')).updates) Y.applyUpdate(stored, u);
    expect(stored.getText('t').toString()).toBe('eerst dan');
    rooms.leave(room, writer);
    rooms.leave(room, reader);
  });
  it('[S10] one write after a compaction leaves two records, and the last leave folds them into one', async () => {
    const { store, calls } = memoryStore();
    const rooms = new RoomRegistry(store, silentLogger(), { compactAfterRecords: 3 });
    const writer = peer();
    const room = await rooms.join('p', 'gezamenlijk', writer);
    const client = new Y.Doc();
    let sv = Y.encodeStateVector(client);
    for (const word of ['een ', 'twee ', 'drie ', 'vier']) {
      client.getText('t').insert(client.getText('t').length, word);
      const applied = room.applyFromPeer(Y.encodeStateAsUpdate(client, sv), writer);
      if (applied.kind === 'applied') await applied.durable;
      sv = Y.encodeStateVector(client);
    }
    await vi.waitFor(() => expect(calls.compact).toBe(1));
    expect((await store.load('p', 'gezamenlijk')).records).toBe(2); // the compacted state and 'vier'

    rooms.leave(room, writer);
    await vi.waitFor(() => expect(calls.release).toBe(1));
    expect(calls.compact).toBe(2);
    const stored = await store.load('p', 'gezamenlijk');
    expect(stored.records).toBe(1);
    const reloaded = new Y.Doc();
    Y.applyUpdate(reloaded, stored.updates[0] as Uint8Array);
    expect(reloaded.getText('t').toString()).toBe('een twee drie vier');
  });

  it('[S11] a compaction stores the index with the state, from the bytes or from the built doc; a room loaded with it answers as one that read it from the state', async () => {
    const { store, calls } = memoryStore();
    const author = new Y.Doc();
    author.on('update', (update: Uint8Array) => void store.append('p', 'gezamenlijk', update));
    for (let i = 0; i < 40; i++) {
      const text = author.getText('t');
      if (i % 4 === 3) text.delete(1, 2);
      else text.insert(text.length, ['café ', '👍🏽 ', 'één '][i % 3] as string);
    }
    author.getMap('meta').set('schemaVersion', 2);
    const rooms = new RoomRegistry(store, silentLogger(), { compactAfterRecords: 1000 });

    // Never built: the merged bytes and their index are compacted.
    const reader = peer();
    const fromBytes = await rooms.join('p', 'gezamenlijk', reader);
    rooms.leave(fromBytes, reader);
    await vi.waitFor(() => expect(calls.release).toBe(1));
    expect(calls.compact).toBe(1);

    // Built by a write: the built doc's state and its index are compacted.
    const writer = peer();
    const built = await rooms.join('p', 'gezamenlijk', writer);
    expect(calls.loadedWithIndex).toBe(1);
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(author));
    const sv = Y.encodeStateVector(client);
    client.getText('t').delete(0, 3);
    client.getText('t').insert(0, 'x€');
    const applied = built.applyFromPeer(Y.encodeStateAsUpdate(client, sv), writer);
    if (applied.kind === 'applied') await applied.durable;
    expect(built.isLive).toBe(true);
    rooms.leave(built, writer);
    await vi.waitFor(() => expect(calls.release).toBe(2));
    expect(calls.compact).toBe(2);

    const withIndex = await rooms.join('p', 'gezamenlijk', peer());
    expect(calls.loadedWithIndex).toBe(2);
    const { store: plainStore } = memoryStore();
    const stored = await store.load('p', 'gezamenlijk');
    await plainStore.append('p', 'gezamenlijk', stored.updates[0] as Uint8Array);
    const computed = await new RoomRegistry(plainStore, silentLogger(), { compactAfterRecords: 1000 }).join('p', 'gezamenlijk', peer());
    for (const [id] of client.store.clients) {
      expect(withIndex.holdings.clockOf(id)).toBe(computed.holdings.clockOf(id));
      for (let clock = 0; clock <= Y.getState(client.store, id); clock++) {
        for (const length of [1, 2, 4]) expect(withIndex.holdings.isDeletedRange(id, clock, length)).toBe(computed.holdings.isDeletedRange(id, clock, length));
      }
    }
    expect(withIndex.syncStep1()).toEqual(computed.syncStep1());
    // A new device and a reconnect are answered from the bytes; an older state vector builds the doc.
    for (const their of [new Uint8Array([0]), Y.encodeStateVector(client)]) expect(withIndex.syncStep2(their)).toEqual(computed.syncStep2(their));
    expect(withIndex.isLive || computed.isLive).toBe(false);
    for (const their of [Y.encodeStateVector(author), sv]) expect(withIndex.syncStep2(their)).toEqual(computed.syncStep2(their));
    expect(withIndex.doc.getText('t').toString()).toBe(client.getText('t').toString());
  });
});
