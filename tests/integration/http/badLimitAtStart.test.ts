import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

describe('limits are checked when the server starts', () => {
  it('[C6] `npm start` with bad limits prints each problem by name and exits non-zero without serving', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'gezinsplan-badlimit-'));
    const proc = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
      env: { ...process.env, PORT: '0', DATA_DIR: dataDir, UPDATE_MAX_DEPTH: 'diep', DOC_SIZE_CAP_BYTES: '1', UPGRADE_BURST_PER_IP: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    proc.stdout.on('data', (d: Buffer) => (out += d.toString()));
    proc.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const code = await new Promise<number | null>((resolve) => proc.once('exit', resolve));
    await rm(dataDir, { recursive: true, force: true });
    expect(code).toBe(2);
    expect(out).toContain('cannot start');
    for (const name of ['UPDATE_MAX_DEPTH', 'DOC_SIZE_CAP_BYTES', 'UPGRADE_BURST_PER_IP']) expect(out).toContain(`${name} must be a whole number`);
  });
});
