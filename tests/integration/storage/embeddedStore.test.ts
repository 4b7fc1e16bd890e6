import { spawn, spawnSync } from 'node:child_process';
import { appendFile, mkdtemp, open, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { Invalid, StorageCorrupt, StorageUnavailable } from '../../../server/src/errors';
import { silentLogger } from '../../../server/src/log';
import { openEmbeddedStore, type EmbeddedStore } from '../../../server/src/storage/embedded/openEmbeddedStore';
import { encodeLogFile, encodeRecord } from '../../../server/src/storage/embedded/updateLogRecord';
import { failNextWriteAfterLanding, interceptNextWrite, isDsync, openFlagsOf, spyOnFileWrites } from '../../helpers/durableWrites';
import { waitFor } from '../../helpers/waitFor';
import { runStoreContract, type StoreUnderTest } from './storeContract';

const log = silentLogger();

async function openOnTempDir(): Promise<Omit<StoreUnderTest, 'reopen'> & { dataDir: string; store: EmbeddedStore; reopen(): Promise<EmbeddedStore> }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'gezinsplan-store-'));
  let store: EmbeddedStore = await openEmbeddedStore({ dataDir, log });
  return {
    dataDir,
    get store() {
      return store;
    },
    reopen: async () => {
      await store.close();
      store = await openEmbeddedStore({ dataDir, log });
      return store;
    },
    cleanup: async () => {
      await store.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

runStoreContract('embedded', openOnTempDir);

describe('embedded store', () => {
  const cleanups: (() => Promise<void>)[] = [];
  const start = async () => {
    const t = await openOnTempDir();
    cleanups.push(t.cleanup);
    return t;
  };
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });
  const logPath = (dataDir: string, planId: string, docName: string, generation = 0) =>
    join(dataDir, 'plans', planId, `${docName}.${generation}.log`);

  it('[S2] startup recovery cuts a torn tail written by hand and counts it; later appends load fine', async () => {
    const t = await start();
    await t.store.docs.append('p1', 'plan', Uint8Array.of(1));
    await t.store.docs.append('p1', 'plan', Uint8Array.of(2));
    await t.store.close();
    const path = logPath(t.dataDir, 'p1', 'plan');
    const goodSize = (await stat(path)).size;
    await appendFile(path, encodeRecord(Uint8Array.of(9, 9, 9, 9)).subarray(0, 10));

    let store = await t.reopen();
    expect(store.recovery).toEqual({ docs: 1, records: 2, tornTails: 1, quarantined: 0 });
    expect((await stat(path)).size).toBe(goodSize);
    expect(await store.docs.load('p1', 'plan')).toMatchObject({ records: 2, tornTail: false, bytes: goodSize });
    await store.docs.append('p1', 'plan', Uint8Array.of(3));

    store = await t.reopen();
    expect(store.recovery.tornTails).toBe(0);
    const second = await store.docs.load('p1', 'plan');
    expect(second).toMatchObject({ records: 3, tornTail: false });
    expect(second.updates.map((u) => Array.from(u))).toEqual([[1], [2], [3]]);
  });

  it('[S2] a torn tail that appears while the store runs is cut by the next append and reported by the next load', async () => {
    const t = await start();
    await t.store.docs.append('p1', 'plan', Uint8Array.of(1));
    await t.store.release('p1', 'plan');
    await appendFile(logPath(t.dataDir, 'p1', 'plan'), Buffer.from([0, 0, 0, 50, 1, 2, 3, 4, 5]));
    await t.store.docs.append('p1', 'plan', Uint8Array.of(2));
    const load = await t.store.docs.load('p1', 'plan');
    expect(load).toMatchObject({ records: 2, tornTail: true });
    expect(load.updates.map((u) => Array.from(u))).toEqual([[1], [2]]);
  });

  it('[S3] a flipped byte mid-log quarantines that doc at start: moved aside, refused (never empty), another plan loads', async () => {
    const t = await start();
    for (const planId of ['A', 'B']) {
      for (let i = 1; i <= 3; i++) await t.store.docs.append(planId, 'plan', new Uint8Array(16).fill(i));
    }
    await t.store.close();
    const path = logPath(t.dataDir, 'A', 'plan');
    const bytes = await readFile(path);
    const inFirstPayload = 8 + 8 + 3; // header, record header, then payload; two good records follow
    bytes[inFirstPayload] = (bytes[inFirstPayload] ?? 0) ^ 0x40;
    await writeFile(path, bytes);

    let store = await t.reopen();
    expect(store.recovery).toMatchObject({ docs: 2, quarantined: 1 });
    const failure = await store.docs.load('A', 'plan').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(StorageCorrupt);
    expect((failure as StorageCorrupt).planId).toBe('A');
    await expect(store.docs.append('A', 'plan', Uint8Array.of(4))).rejects.toBeInstanceOf(StorageCorrupt);
    expect((await store.docs.load('B', 'plan')).records).toBe(3);
    const aside = await readdir(join(t.dataDir, 'quarantine', 'A'));
    expect(aside).toEqual([expect.stringMatching(/^plan\.0\.log\.\d{4}-\d\d-\d\dT[\d-]+Z$/)]);
    expect(await readFile(join(t.dataDir, 'quarantine', 'A', aside[0] ?? ''))).toEqual(bytes);

    // A restart keeps refusing it: the marker stays until an operator restores the doc.
    store = await t.reopen();
    await expect(store.docs.load('A', 'plan')).rejects.toBeInstanceOf(StorageCorrupt);
    expect((await readdir(join(t.dataDir, 'plans', 'A'))).sort()).toEqual(['plan.generation', 'plan.quarantined']);
  });

  it('[S10] a second open on the same data dir while the first is open throws, naming the pid', async () => {
    const t = await start();
    await expect(openEmbeddedStore({ dataDir: t.dataDir, log })).rejects.toThrow(
      new RegExp(`another Gezinsplan server uses this data directory \\(pid ${process.pid}\\)`, 'i'),
    );
    await t.store.docs.append('p1', 'plan', Uint8Array.of(1));
  });

  it('[S10] close releases the lock, so the next open starts at once', async () => {
    const t = await start();
    await t.store.close();
    await expect(stat(join(t.dataDir, '.lock'))).rejects.toThrow();
    await t.reopen();
  });

  it('[S10] a lock naming a dead pid (a kill -9 leftover) is taken over', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'gezinsplan-lock-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const deadPid = spawnSync(process.execPath, ['-e', '']).pid;
    await writeFile(join(dataDir, '.lock'), JSON.stringify({ pid: deadPid, startedAt: 'x', token: 'old' }));
    const store = await openEmbeddedStore({ dataDir, log });
    expect(JSON.parse(await readFile(join(dataDir, '.lock'), 'utf8'))).toMatchObject({ pid: process.pid });
    await store.close();
  });

  it('[S10] a lock naming a zombie (a killed server its dead parent left unreaped) is taken over', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'gezinsplan-lock-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    // The inner shell exits at once; its parent execs into sleep, which never reaps it.
    const parent = spawn('sh', ['-c', "sh -c 'echo $$; exec node -e 0' & exec sleep 20"], { stdio: ['ignore', 'pipe', 'ignore'] });
    try {
      const zombiePid = Number((await new Promise<Buffer>((resolve) => parent.stdout.once('data', resolve))).toString().trim());
      const statFields = async () => (await readFile(`/proc/${zombiePid}/stat`, 'utf8')).split(') ')[1]?.split(' ') ?? [];
      await vi.waitFor(async () => expect((await statFields())[0]).toBe('Z'), { timeout: 5000 });
      // As a real server's lock: with the start time that still matches the zombie's /proc entry.
      const startTicks = Number((await statFields())[19]);
      await writeFile(join(dataDir, '.lock'), JSON.stringify({ pid: zombiePid, startTicks, startedAt: 'x', token: 'old' }));
      const store = await openEmbeddedStore({ dataDir, log });
      expect(JSON.parse(await readFile(join(dataDir, '.lock'), 'utf8'))).toMatchObject({ pid: process.pid });
      await store.close();
    } finally {
      parent.kill('SIGKILL');
    }
  });

  it('[S10] an empty lock file (a crash right after creating it) is taken over', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'gezinsplan-lock-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    await writeFile(join(dataDir, '.lock'), '');
    await (await openEmbeddedStore({ dataDir, log })).close();
  });

  it('[S10] a lock naming a live node process is respected', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'gezinsplan-lock-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    try {
      await writeFile(join(dataDir, '.lock'), JSON.stringify({ pid: child.pid, startedAt: 'x', token: 'other' }));
      await expect(openEmbeddedStore({ dataDir, log })).rejects.toThrow(`(pid ${child.pid})`);
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('[S11] 200 concurrent appends to one doc all resolve and load back in order', async () => {
    const t = await start();
    const updates = Array.from({ length: 200 }, (_, i) => Buffer.from(`update-${i}`));
    await Promise.all(updates.map((u) => t.store.docs.append('p1', 'plan', u)));
    const load = await (await t.reopen()).docs.load('p1', 'plan');
    expect(load.updates.map((u) => Buffer.from(u).toString())).toEqual(updates.map((u) => u.toString()));
  });

  it('[S11] concurrent appends are group-committed: far fewer durable writes than appends', async () => {
    const t = await start();
    await t.store.docs.append('p1', 'plan', Uint8Array.of(0)); // the file exists and is open
    const writes = spyOnFileWrites();
    try {
      await Promise.all(Array.from({ length: 200 }, (_, i) => t.store.docs.append('p1', 'plan', Uint8Array.of(1, i))));
      expect(writes.mock.calls.length).toBeGreaterThan(0);
      expect(writes.mock.calls.length).toBeLessThan(20);
    } finally {
      writes.mockRestore();
    }
  });

  it('[S11] the log is open with O_DSYNC and an append resolves only once the write that stores it has returned', async () => {
    const t = await start();
    await t.store.docs.append('p1', 'plan', Uint8Array.of(0)); // the file exists and is open
    const flags = await openFlagsOf(join(t.dataDir, 'plans', 'p1', 'plan.0.log'));
    expect(flags).toHaveLength(1);
    expect(isDsync(flags[0]!)).toBe(true);

    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let landed = false;
    const writes = interceptNextWrite(async () => {
      landed = true;
      await held; // the disk is still storing it
    });
    let resolved = false;
    const appending = t.store.docs.append('p1', 'plan', Uint8Array.of(7)).then(() => (resolved = true));
    try {
      await waitFor(() => landed, 'the write under way');
      await delay(50);
      expect(resolved).toBe(false);
    } finally {
      release();
      writes.mockRestore();
    }
    await appending;
    expect(resolved).toBe(true);
  });

  it('[S16] a durable write that fails after its bytes landed (EIO) is cut back and tried again: the append resolves once stored, and is stored once', async () => {
    const t = await start();
    await t.store.docs.append('p1', 'plan', Uint8Array.of(1));
    const writes = failNextWriteAfterLanding('EIO');
    try {
      await t.store.docs.append('p1', 'plan', Uint8Array.of(2));
      expect(writes.mock.calls.length).toBe(2);
    } finally {
      writes.mockRestore();
    }
    await t.store.docs.append('p1', 'plan', Uint8Array.of(3));
    const load = await (await t.reopen()).docs.load('p1', 'plan');
    expect(load).toMatchObject({ tornTail: false, records: 3 });
    expect(load.updates.map((u) => Array.from(u))).toEqual([[1], [2], [3]]);
  });

  it('[S11] a load queued between appends sees exactly the appends before it', async () => {
    const t = await start();
    const first = t.store.docs.append('p1', 'plan', Uint8Array.of(1));
    const load = t.store.docs.load('p1', 'plan');
    const second = t.store.docs.append('p1', 'plan', Uint8Array.of(2));
    await Promise.all([first, second]);
    expect((await load).records).toBe(1);
  });

  it('[S12] a crash after the compaction rename, before the old generation is deleted, loads the new one', async () => {
    const t = await start();
    const doc = new Y.Doc();
    doc.on('update', (u: Uint8Array) => void t.store.docs.append('p1', 'plan', u));
    doc.getMap('doelen').set('a', 1);
    doc.getMap('doelen').set('b', 2);
    await t.store.docs.load('p1', 'plan'); // queued behind the appends
    await t.store.close();
    await writeFile(logPath(t.dataDir, 'p1', 'plan', 1), encodeLogFile([Y.encodeStateAsUpdate(doc)]));
    await writeFile(`${logPath(t.dataDir, 'p1', 'plan', 2)}.tmp`, 'half a compaction');

    const store = await t.reopen();
    const load = await store.docs.load('p1', 'plan');
    expect(load.records).toBe(1);
    const loaded = new Y.Doc();
    Y.applyUpdate(loaded, load.updates[0] ?? new Uint8Array());
    expect(loaded.getMap('doelen').toJSON()).toEqual({ a: 1, b: 2 });
    expect((await readdir(join(t.dataDir, 'plans', 'p1'))).sort()).toEqual(['plan.1.log', 'plan.generation']);
  });

  it('[S12] a crash before the compaction rename keeps the old generation', async () => {
    const t = await start();
    await t.store.docs.append('p1', 'plan', Uint8Array.of(1));
    await t.store.close();
    await writeFile(`${logPath(t.dataDir, 'p1', 'plan', 1)}.tmp`, encodeLogFile([Uint8Array.of(7)]).subarray(0, 12));
    const load = await (await t.reopen()).docs.load('p1', 'plan');
    expect(load.updates.map((u) => Array.from(u))).toEqual([[1]]);
    expect((await readdir(join(t.dataDir, 'plans', 'p1'))).sort()).toEqual(['plan.0.log', 'plan.generation']);
  });

  it('[S12] compaction leaves one generation file and appends go to it', async () => {
    const t = await start();
    await t.store.docs.append('p1', 'plan', Uint8Array.of(1));
    await t.store.docs.compact('p1', 'plan', Uint8Array.of(5));
    await t.store.docs.append('p1', 'plan', Uint8Array.of(6));
    expect((await readdir(join(t.dataDir, 'plans', 'p1'))).sort()).toEqual(['plan.1.log', 'plan.generation']);
    const load = await t.store.docs.load('p1', 'plan');
    expect(load.updates.map((u) => Array.from(u))).toEqual([[5], [6]]);
  });

  it('[S10] opens on a data dir whose parents do not exist yet', async () => {
    const root = await mkdtemp(join(tmpdir(), 'gezinsplan-nested-'));
    cleanups.push(() => rm(root, { recursive: true, force: true }));
    const store = await openEmbeddedStore({ dataDir: join(root, 'a', 'b', 'data'), log });
    await store.docs.append('p1', 'plan', Uint8Array.of(1));
    await store.close();
    expect((await readdir(join(root, 'a', 'b', 'data', 'plans', 'p1'))).sort()).toEqual(['plan.0.log', 'plan.generation']);
  });

  it('[S13] planId and docName that could leave the data dir are refused', async () => {
    const t = await start();
    await expect(t.store.docs.load('..', 'plan')).rejects.toBeInstanceOf(Invalid);
    await expect(t.store.docs.append('p1', '../../meta', Uint8Array.of(1))).rejects.toBeInstanceOf(Invalid);
    await expect(t.store.docs.compact('p1/x', 'plan', Uint8Array.of(1))).rejects.toBeInstanceOf(Invalid);
  });

  it('[S14] release closes a doc; later calls reopen it', async () => {
    const t = await start();
    await t.store.docs.append('p1', 'plan', Uint8Array.of(1));
    await t.store.release('p1', 'plan');
    await t.store.docs.append('p1', 'plan', Uint8Array.of(2));
    const pending = t.store.release('p1', 'plan');
    const third = t.store.docs.append('p1', 'plan', Uint8Array.of(3));
    await Promise.all([pending, third]);
    expect((await t.store.docs.load('p1', 'plan')).records).toBe(3);
  });

  it('[S15] an unparseable meta.json refuses to open with StorageCorrupt and frees the lock', async () => {
    const t = await start();
    await t.store.close();
    await writeFile(join(t.dataDir, 'meta.json'), '{"schemaVersion": 1, "plans": [');
    await expect(t.reopen()).rejects.toBeInstanceOf(StorageCorrupt);
    await writeFile(join(t.dataDir, 'meta.json'), 'null');
    await expect(openEmbeddedStore({ dataDir: t.dataDir, log })).rejects.toBeInstanceOf(StorageCorrupt);
    await rm(join(t.dataDir, 'meta.json'));
    await (await openEmbeddedStore({ dataDir: t.dataDir, log })).close();
  });
});
