import { spawn } from 'node:child_process';
import { appendFile, mkdtemp, open, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AuditTrail } from '../../../server/src/audit/auditTrail';
import type { AuditInput } from '../../../server/src/audit/auditTypes';
import { verifyAuditDir } from '../../../server/src/audit/verifyAuditDir';
import { verifyChain } from '../../../server/src/audit/verifyChain';
import { StorageUnavailable } from '../../../server/src/errors';
import { silentLogger } from '../../../server/src/log';
import { openEmbeddedStore, type EmbeddedStore } from '../../../server/src/storage/embedded/openEmbeddedStore';
import { makeAuditChain } from '../../helpers/auditChain';
import { failNextWriteAfterLanding, interceptNextWrite, isDsync, openFlagsOf, spyOnFileWrites } from '../../helpers/durableWrites';
import { waitFor } from '../../helpers/waitFor';

const log = silentLogger();
const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const opened = (memberId: string): AuditInput => ({ event: 'doc.opened', planId: 'p1', memberId, role: 'ouder', object: 'gezamenlijk', outcome: 'ok' });

describe('embedded audit store and trail', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  async function tempDir(): Promise<string> {
    const dataDir = await mkdtemp(join(tmpdir(), 'gezinsplan-audit-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    return dataDir;
  }

  async function openStore(dataDir: string): Promise<EmbeddedStore> {
    const store = await openEmbeddedStore({ dataDir, log });
    cleanups.unshift(() => store.close());
    return store;
  }

  const auditFile = (dataDir: string, planId = 'p1') => join(dataDir, 'audit', `${planId}.jsonl`);

  it('[AU11] one JSON line per record in audit/<planId>.jsonl', async () => {
    const dataDir = await tempDir();
    const store = await openStore(dataDir);
    const records = makeAuditChain('p1', 3);
    await store.audit.append('p1', records);
    const lines = (await readFile(auditFile(dataDir), 'utf8')).split('\n');
    expect(lines.slice(0, 3).map((line) => JSON.parse(line) as unknown)).toEqual(records);
    expect(lines[3]).toBe('');
  });

  it('[AU12] after a restart the chain continues: seq and prevHash follow the last stored record', async () => {
    const dataDir = await tempDir();
    let store = await openStore(dataDir);
    let trail = new AuditTrail(store.audit, log);
    for (let i = 0; i < 3; i++) await trail.record(opened(`m${i}`));
    await trail.flush();
    await store.close();

    store = await openStore(dataDir);
    trail = new AuditTrail(store.audit, log);
    await trail.record(opened('after'));
    const records = await trail.list('p1');
    expect(records.map((r) => r.seq)).toEqual([1, 2, 3, 4]);
    expect(records[3]?.prevHash).toBe(records[2]?.hash);
    expect(verifyChain(records, { planId: 'p1' })).toEqual({ ok: true, count: 4 });
  });

  it('[AU12] a server killed with SIGKILL mid-stream: every acknowledged record is kept and the chain continues', async () => {
    const dataDir = await tempDir();
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/helpers/auditWriterChild.ts', dataDir, 'p1'], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    try {
      await waitFor(() => {
        if (child.exitCode !== null) throw new Error(`child exited: ${out}`);
        return out.split('\n').length > 30;
      }, 'the child to acknowledge 30 records', 30_000);
    } finally {
      child.kill('SIGKILL');
      await exited;
    }
    const acknowledged = out.split('\n').filter((line) => /^\d+$/.test(line)).map(Number);
    // A write cut off by the kill may leave a partial line: the next open cuts it.
    await appendFile(auditFile(dataDir), '{"seq":99999,"event":"doc.op');

    const store = await openStore(dataDir);
    const trail = new AuditTrail(store.audit, log);
    const next = await trail.recordOrThrow(opened('after-restart'));
    const records = await trail.list('p1');
    expect(records.length).toBeGreaterThanOrEqual(acknowledged.length + 1);
    expect(records.map((r) => r.seq)).toEqual(records.map((_, i) => i + 1));
    expect(records.map((r) => r.seq)).toEqual(expect.arrayContaining(acknowledged));
    expect(next.seq).toBe(records.length);
    expect(next.prevHash).toBe(records.at(-2)?.hash);
    expect(verifyChain(records, { planId: 'p1' })).toEqual({ ok: true, count: records.length });
    expect(await verifyAuditDir(dataDir)).toEqual([{ planId: 'p1', ok: true, count: records.length }]);
  });

  it('[AU11] a torn last line is cut away on open; a damaged line inside is left for verify to name', async () => {
    const dataDir = await tempDir();
    let store = await openStore(dataDir);
    const records = makeAuditChain('p1', 4);
    await store.audit.append('p1', records);
    await store.close();
    const good = await readFile(auditFile(dataDir), 'utf8');
    await appendFile(auditFile(dataDir), '{"seq":5,"ev');

    store = await openStore(dataDir);
    expect(await store.audit.lastRecord('p1')).toEqual(records[3]);
    expect((await stat(auditFile(dataDir))).size).toBe(Buffer.byteLength(good));
    await store.close();

    const lines = good.split('\n');
    lines[1] = `${lines[1]?.slice(0, 20)}`; // damaged, but a whole line
    await writeFile(auditFile(dataDir), lines.join('\n'));
    store = await openStore(dataDir);
    expect(await store.audit.list('p1')).toEqual([records[0], records[2], records[3]]);
    const trail = new AuditTrail(store.audit, log);
    expect(await trail.recordOrThrow(opened('m9'))).toMatchObject({ seq: 5, prevHash: records[3]?.hash });
    expect(await verifyAuditDir(dataDir)).toEqual([{ planId: 'p1', ok: false, seq: 2, reason: 'not valid JSON' }]);
  });

  it('[AU12] 300 concurrent records through the trail keep one chain on disk, group-committed', async () => {
    const dataDir = await tempDir();
    const store = await openStore(dataDir);
    const trail = new AuditTrail(store.audit, log);
    await trail.record(opened('first')); // the file exists
    const writes = spyOnFileWrites();
    try {
      await Promise.all(Array.from({ length: 300 }, (_, i) => trail.record(opened(`m${i}`))));
      expect(writes.mock.calls.length).toBeGreaterThan(0);
      expect(writes.mock.calls.length).toBeLessThan(30);
    } finally {
      writes.mockRestore();
    }
    expect(await verifyAuditDir(dataDir)).toEqual([{ planId: 'p1', ok: true, count: 301 }]);
  });

  it('[AU12] the audit file is written through an O_DSYNC handle: a record is durable when its write returns', async () => {
    const dataDir = await tempDir();
    const store = await openStore(dataDir);
    const trail = new AuditTrail(store.audit, log);
    await trail.record(opened('first')); // the file exists
    let flags: number[] = [];
    const writes = interceptNextWrite(async () => {
      flags = await openFlagsOf(auditFile(dataDir));
    });
    try {
      await trail.recordOrThrow(opened('second'));
    } finally {
      writes.mockRestore();
    }
    expect(flags).toHaveLength(1);
    expect(isDsync(flags[0]!)).toBe(true);
  });

  /**
   * One record stored, then `step` runs while the next durable write fails once with `code` after its bytes
   * landed, then 'm3' is recorded.
   */
  async function aroundOneFailedSync(code: string, step: (trail: AuditTrail) => Promise<void>) {
    const dataDir = await tempDir();
    const store = await openStore(dataDir);
    const trail = new AuditTrail(store.audit, log);
    await trail.record(opened('m1'));
    const writes = failNextWriteAfterLanding(code);
    let writeCalls = 0;
    try {
      await step(trail);
    } finally {
      writeCalls = writes.mock.calls.length;
      writes.mockRestore();
    }
    await trail.record(opened('m3'));
    const records = (await trail.list('p1')).map((r) => [r.seq, r.memberId]);
    return { records, writeCalls, verdicts: await verifyAuditDir(dataDir) };
  }

  it('[AU11] a durable write that fails after its bytes landed (EIO) is cut back and tried again: the record is stored once and the chain goes on', async () => {
    const result = await aroundOneFailedSync('EIO', async (trail) => {
      await trail.recordOrThrow(opened('m2'));
    });
    expect(result.writeCalls).toBe(2);
    expect(result.records).toEqual([
      [1, 'm1'],
      [2, 'm2'],
      [3, 'm3'],
    ]);
    expect(result.verdicts).toEqual([{ planId: 'p1', ok: true, count: 3 }]);
  });

  it('[AU11] a write that fails for good rejects with StorageUnavailable, leaves no line behind, and the chain goes on', async () => {
    const result = await aroundOneFailedSync('EINVAL', async (trail) => {
      await expect(trail.recordOrThrow(opened('lost'))).rejects.toBeInstanceOf(StorageUnavailable);
    });
    expect(result.records).toEqual([
      [1, 'm1'],
      [2, 'm3'],
    ]);
    expect(result.verdicts).toEqual([{ planId: 'p1', ok: true, count: 2 }]);
  });

  it('[AU11] after close, audit calls are refused', async () => {
    const dataDir = await tempDir();
    const store = await openStore(dataDir);
    await store.close();
    await expect(store.audit.append('p1', makeAuditChain('p1', 1))).rejects.toBeInstanceOf(StorageUnavailable);
  });
});
