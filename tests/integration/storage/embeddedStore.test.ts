import { spawn, spawnSync } from 'node:child_process';
import { appendFile, mkdtemp, open, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { Invalid, StorageCorrupt, StorageUnavailable } from '../../../server/src/errors';
import { createLogger, silentLogger } from '../../../server/src/log';
import { encodeIndexFile } from '../../../server/src/storage/embedded/compactionIndexFile';
import { nodeFileOps, type FileOps } from '../../../server/src/storage/embedded/fileOps';
import { openEmbeddedStore, type EmbeddedStore } from '../../../server/src/storage/embedded/openEmbeddedStore';
import type { DocLoad } from '../../../server/src/storage/Store';
import { encodeLogFile, encodeRecord } from '../../../server/src/storage/embedded/updateLogRecord';
import { failNextWriteAfterLanding, interceptNextWrite, isDsync, openFlagsOf, spyOnFileWrites } from '../../helpers/durableWrites';
import { FaultyFileOps } from '../../helpers/faultyFileOps';
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

describe('embedded store: the index kept beside a compacted state', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });
  /** A store whose log records are kept, and whose file reads are counted by path. */
  const start = async (fileOps: FileOps = nodeFileOps) => {
    const dataDir = await mkdtemp(join(tmpdir(), 'gezinsplan-index-'));
    const logs: { level: string; event: string; [key: string]: unknown }[] = [];
    const reads: string[] = [];
    const spied: FileOps = {
      open: (path, flags, mode) => fileOps.open(path, flags, mode),
      readFile: (path) => (reads.push(path), fileOps.readFile(path)),
      rename: (from, to) => fileOps.rename(from, to),
      unlink: (path) => fileOps.unlink(path),
      mkdir: (path, options) => fileOps.mkdir(path, options),
      readdir: (path) => fileOps.readdir(path),
    };
    const open = () => openEmbeddedStore({ dataDir, log: createLogger({ level: 'debug', write: (line) => logs.push(JSON.parse(line)) }), fileOps: spied });
    const t = {
      dataDir,
      logs,
      reads,
      planDir: join(dataDir, 'plans', 'p1'),
      store: await open(),
      async reopen(): Promise<EmbeddedStore> {
        await t.store.close();
        t.store = await open();
        return t.store;
      },
    };
    cleanups.push(async () => {
      await t.store.close();
      await rm(dataDir, { recursive: true, force: true });
    });
    return t;
  };
  const state = Uint8Array.from({ length: 300 }, (_, i) => (i * 7) % 256);
  const index = Uint8Array.of(1, 2, 3, 4, 5);
  /** A load's records and index as plain arrays (the store hands out Buffers). */
  const plain = (load: DocLoad) => ({ records: load.records, updates: load.updates.map((u) => Array.from(u)), index: load.index && Array.from(load.index) });
  const expected = (records: Uint8Array[], kept?: Uint8Array) => ({ records: records.length, updates: records.map((u) => Array.from(u)), index: kept && Array.from(kept) });
  const warnings = (logs: { level: string; event: string }[]) => logs.filter((l) => l.level === 'warn' || l.level === 'error').map((l) => l.event);

  it('[S72] a compaction keeps the index beside its generation; a load gives it back while that state is the one record, through FileOps', async () => {
    const t = await start();
    await t.store.docs.append('p1', 'plan', Uint8Array.of(1));
    await t.store.docs.compact('p1', 'plan', state, index);
    expect((await readdir(t.planDir)).sort()).toEqual(['plan.1.index', 'plan.1.log', 'plan.generation']);
    expect(plain(await t.store.docs.load('p1', 'plan'))).toEqual(expected([state], index));
    const store = await t.reopen();
    expect(plain(await store.docs.load('p1', 'plan'))).toEqual(expected([state], index));
    expect(t.reads.filter((path) => path.endsWith('plan.1.index')).length).toBeGreaterThanOrEqual(3); // recovery and both loads
    expect(warnings(t.logs)).toEqual([]);
  });

  it('[S72] an append after the compaction: no index, also after a restart; a compaction without one leaves none', async () => {
    const t = await start();
    await t.store.docs.compact('p1', 'plan', state, index);
    await t.store.docs.append('p1', 'plan', Uint8Array.of(6));
    expect((await t.store.docs.load('p1', 'plan')).index).toBeUndefined();
    expect((await (await t.reopen()).docs.load('p1', 'plan')).index).toBeUndefined();
    await t.store.docs.compact('p1', 'plan', state);
    expect((await readdir(t.planDir)).sort()).toEqual(['plan.1.log', 'plan.generation']);
    expect((await t.store.docs.load('p1', 'plan')).index).toBeUndefined();
  });

  it('[S72] a damaged, cut, foreign or unknown index file is skipped with a warning: the doc loads the same and is never quarantined', async () => {
    const t = await start();
    await t.store.docs.compact('p1', 'plan', state, index);
    const path = join(t.planDir, 'plan.0.index');
    const good = await readFile(path);
    const otherState = Uint8Array.from(state, (b, i) => (i === 100 ? b ^ 1 : b));
    const bad: Buffer[] = [
      ...Array.from({ length: good.length }, (_, at) => Buffer.from(good.map((b, i) => (i === at ? b ^ 0x10 : b)))), // a flipped byte anywhere
      ...Array.from({ length: good.length }, (_, n) => good.subarray(0, n)), // every cut
      encodeIndexFile(otherState, index), // written for another state
      encodeIndexFile(state.subarray(1), index), // for a state of another length
      Buffer.from('GZPIDX99'),
    ];
    for (const file of bad) {
      t.logs.length = 0;
      await writeFile(path, file);
      expect(plain(await t.store.docs.load('p1', 'plan'))).toEqual(expected([state]));
      expect(warnings(t.logs)).toEqual(['doclog.index_ignored']);
    }
    await rm(path);
    t.logs.length = 0;
    expect((await t.store.docs.load('p1', 'plan')).index).toBeUndefined();
    expect(warnings(t.logs)).toEqual([]); // a generation without one is normal
    await writeFile(path, good);
    expect(plain(await t.store.docs.load('p1', 'plan'))).toEqual(expected([state], index));
    expect(await readdir(join(t.dataDir, 'quarantine')).catch(() => [])).toEqual([]);
  });

  it('[S72] index files of older generations and leftover temps go where older generations go', async () => {
    const t = await start();
    await t.store.docs.compact('p1', 'plan', state, index);
    await t.store.docs.compact('p1', 'plan', Uint8Array.of(8), Uint8Array.of(9));
    expect((await readdir(t.planDir)).sort()).toEqual(['plan.1.index', 'plan.1.log', 'plan.generation']);
    await t.store.close();
    // A crash mid-compaction: the next generation's index half written, an older one's left behind.
    await writeFile(join(t.planDir, 'plan.2.index.tmp'), 'half');
    await writeFile(join(t.planDir, 'plan.0.index'), encodeIndexFile(state, index));
    await writeFile(join(t.planDir, 'other.0.index'), encodeIndexFile(state, index)); // names no doc of its own
    const store = await t.reopen();
    expect(store.recovery.docs).toBe(1);
    expect((await readdir(t.planDir)).sort()).toEqual(['other.0.index', 'plan.1.index', 'plan.1.log', 'plan.generation']);
    expect(plain(await store.docs.load('p1', 'plan'))).toEqual(expected([Uint8Array.of(8)], Uint8Array.of(9)));
  });

  it('[S72] a compaction whose index the disk refuses still compacts; loads read the state alone', async () => {
    const disk = new FaultyFileOps(/\.index/);
    const t = await start(disk);
    await t.store.docs.append('p1', 'plan', Uint8Array.of(1));
    disk.set({ kind: 'full' });
    await t.store.docs.compact('p1', 'plan', state, index);
    disk.set({ kind: 'ok' });
    expect(warnings(t.logs)).toEqual(['doclog.index_write_failed']);
    expect((await readdir(t.planDir)).sort()).toEqual(['plan.1.log', 'plan.generation']);
    expect(plain(await t.store.docs.load('p1', 'plan'))).toEqual(expected([state]));
  });
});
