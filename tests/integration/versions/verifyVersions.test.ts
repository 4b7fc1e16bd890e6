import { cp, mkdtemp, readFile, rename, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { versionFileName } from '../../../server/src/storage/embedded/embeddedVersionStore';
import { verifyVersionsDir } from '../../../server/src/versions/verifyVersionsDir';
import { GEZAMENLIJK } from '../../../shared/src/schema/docNames';
import { proseV2 } from '../../../shared/src/schema/proseV2';
import { planApi } from '../../helpers/planApi';
import { runCommand } from '../../helpers/runCommand';
import { createRng, randomInt } from '../../helpers/seededRng';
import { signInAs } from '../../helpers/signIn';
import { startServer } from '../../helpers/startServer';
import { appendParagraph, connectDoc } from '../../helpers/syncClient';
import { waitFor } from '../../helpers/waitFor';

/**
 * Tamper detection (issue #8, "Verify"): a plan with three frozen versions is copied and damaged on disk
 * in the three ways the issue names — one byte changed, the newest deleted, two swapped — and both the
 * verifier and `npm run verify-versions` name the first version that does not match.
 */

const SEED = Number(process.env.TAMPER_SEED ?? 20261120);
/** Byte positions tried in one file; `TAMPER_BYTES=…` for a longer run. */
const BYTES = Number(process.env.TAMPER_BYTES ?? 40);

let original: string;
let planId: string;
const copies: string[] = [];

beforeAll(async () => {
  const server = await startServer();
  const jb = await signInAs(server.base, server.invitations, 'jeugdbeschermer');
  planId = jb.planId;
  const api = planApi(server.base, jb);
  const socket = connectDoc(server.base, planId, GEZAMENLIJK, { cookie: jb.cookie });
  await waitFor(() => socket.synced, 'sync');
  for (let i = 1; i <= 3; i++) {
    const n = appendParagraph(socket, proseV2(socket.doc, 'gezamenlijk', 'aanleiding'), `Overleg ${i}: afspraken besproken.`);
    await waitFor(() => socket.saved >= n, 'saved');
    expect((await api('POST', '/versies', { label: `Overleg ${i}`, ondanksWaarschuwingen: true })).status).toBe(201);
  }
  socket.close();
  original = server.dataDir;
  await server.close();
}, 60_000);

afterAll(async () => {
  for (const dir of [...copies, original]) await rm(dir, { recursive: true, force: true });
});

/** A fresh copy of the data dir, and the path of version `n` in it. */
async function copy(): Promise<{ dataDir: string; file: (n: number) => string }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'gezinsplan-tamper-'));
  copies.push(dataDir);
  await cp(original, dataDir, { recursive: true });
  return { dataDir, file: (n) => join(dataDir, 'versions', planId, versionFileName(n)) };
}

const verdictOf = async (dataDir: string) => (await verifyVersionsDir(dataDir)).find((v) => v.planId === planId);

describe('verify-versions', () => {
  it('[T0] an untouched chain verifies, by the command too', async () => {
    const { dataDir } = await copy();
    expect(await verdictOf(dataDir)).toEqual({ planId, ok: true, count: 3 });
    const cli = await runCommand('npm', ['run', '--silent', 'verify-versions', '--', dataDir]);
    expect(cli.code).toBe(0);
    expect(cli.stdout).toContain(`${planId}: ok, 3 versions`);
  });

  it(`[T1] changing any one byte of version 2 is found, and version 2 is named (seed ${SEED}, ${BYTES} positions)`, async () => {
    const { dataDir, file } = await copy();
    const bytes = await readFile(file(2));
    const rng = createRng(SEED);
    for (let i = 0; i < BYTES; i++) {
      const at = randomInt(rng, bytes.length);
      const damaged = Buffer.from(bytes);
      damaged[at] = (damaged[at]! + 1 + randomInt(rng, 254)) % 256;
      await writeFile(file(2), damaged);
      const verdict = await verdictOf(dataDir);
      expect(verdict?.ok, `byte ${at} (seed ${SEED})`).toBe(false);
      expect(verdict && !verdict.ok && verdict.nummer, `byte ${at} (seed ${SEED})`).toBe(2);
    }
    const cli = await runCommand('npm', ['run', '--silent', 'verify-versions', '--', dataDir]);
    expect(cli.code).toBe(1);
    expect(cli.stdout).toContain(`${planId}: version 2 does not match`);
  });

  it('[T2] deleting the newest version is found: the audit log still names it', async () => {
    const { dataDir, file } = await copy();
    await unlink(file(3));
    expect(await verdictOf(dataDir)).toEqual({ planId, ok: false, nummer: 3, problem: 'missing' });
  });

  it('[T3] swapping two versions is found at the first of them', async () => {
    const { dataDir, file } = await copy();
    await rename(file(1), `${file(1)}.x`);
    await rename(file(2), file(1));
    await rename(`${file(1)}.x`, file(2));
    expect(await verdictOf(dataDir)).toEqual({ planId, ok: false, nummer: 1, problem: 'wrong-number' });
  });

  it('[T4] rewriting a version together with its own hash still breaks the link to the next one', async () => {
    const { dataDir, file } = await copy();
    const { sealHeader, renderingHashes } = await import('../../../server/src/versions/versionHash');
    const version = JSON.parse(await readFile(file(2), 'utf8'));
    version.renderings.familie.gezamenlijk.prose.aanleiding = [];
    const { hash: _old, ...rest } = version.header;
    version.header = sealHeader({ ...rest, hashes: renderingHashes(version.renderings) });
    await writeFile(file(2), JSON.stringify(version));
    expect(await verdictOf(dataDir)).toEqual({ planId, ok: false, nummer: 3, problem: 'link' });
  });
});
