import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AuditTrail } from '../../../server/src/audit/auditTrail';
import type { AuditInput } from '../../../server/src/audit/auditTypes';
import { silentLogger } from '../../../server/src/log';
import { openEmbeddedStore, type EmbeddedStore } from '../../../server/src/storage/embedded/openEmbeddedStore';
import { runCommand } from '../../helpers/runCommand';

const log = silentLogger();

const verify = (dataDir: string) => runCommand(process.execPath, ['--import', 'tsx', 'server/src/audit/verifyCli.ts', dataDir]);

describe('npm run audit:verify', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  /** A data dir with an open store (the server "runs") holding audit logs for p1 (3 records) and p2 (4). */
  async function dataDirWithLogs(): Promise<{ dataDir: string; store: EmbeddedStore }> {
    const dataDir = await mkdtemp(join(tmpdir(), 'gezinsplan-verify-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const store = await openEmbeddedStore({ dataDir, log });
    cleanups.unshift(() => store.close());
    const trail = new AuditTrail(store.audit, log);
    const input = (planId: string, i: number): AuditInput => ({ event: 'doc.opened', planId, memberId: `m${i}`, role: 'ouder', object: 'gezamenlijk', outcome: 'ok' });
    for (let i = 0; i < 3; i++) await trail.record(input('p1', i));
    for (let i = 0; i < 4; i++) await trail.record(input('p2', i));
    return { dataDir, store };
  }

  it('[AU13] prints ok per plan and exits 0, while the store is open (no lock taken)', async () => {
    const { dataDir } = await dataDirWithLogs();
    const result = await verify(dataDir);
    expect(result.stdout.trim().split('\n')).toEqual(['p1: ok, 3 records', 'p2: ok, 4 records']);
    expect(result.code).toBe(0);
  });

  it('[AU13] names the first broken record of a tampered file and exits 1', async () => {
    const { dataDir } = await dataDirWithLogs();
    const file = join(dataDir, 'audit', 'p2.jsonl');
    const lines = (await readFile(file, 'utf8')).split('\n');
    lines[1] = (lines[1] ?? '').replace('"memberId":"m1"', '"memberId":"m9"');
    lines[2] = (lines[2] ?? '').replace('"memberId":"m2"', '"memberId":"m8"');
    await writeFile(file, lines.join('\n'));
    const result = await verify(dataDir);
    expect(result.stdout.trim().split('\n')).toEqual([
      'p1: ok, 3 records',
      'p2: broken at record 2: hash does not match the content: the record was changed after it was written',
    ]);
    expect(result.code).toBe(1);
  });

  it('[AU13] a deleted record is named too', async () => {
    const { dataDir } = await dataDirWithLogs();
    const file = join(dataDir, 'audit', 'p2.jsonl');
    const lines = (await readFile(file, 'utf8')).split('\n');
    lines.splice(2, 1);
    await writeFile(file, lines.join('\n'));
    const result = await verify(dataDir);
    expect(result.stdout).toContain('p2: broken at record 3: seq is 4, expected 3');
    expect(result.code).toBe(1);
  });

  it('[AU13] through npm, with DATA_DIR from the environment', async () => {
    const { dataDir } = await dataDirWithLogs();
    const result = await runCommand('npm', ['run', '--silent', 'audit:verify'], { DATA_DIR: dataDir });
    expect(result.stdout.trim().split('\n')).toEqual(['p1: ok, 3 records', 'p2: ok, 4 records']);
    expect(result.code).toBe(0);
  });

  it('[AU13] a data dir that does not exist is an error (exit 2), not "ok"', async () => {
    const result = await verify(join(tmpdir(), 'gezinsplan-no-such-dir-for-verify'));
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
  });
});
