import { copyFile, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { translate } from '../../../shared/src/i18n/translate';
import { CloseCode } from '../../../shared/src/protocol/closeCodes';
import { GEZAMENLIJK } from '../../../shared/src/schema/docNames';
import { proseField } from '../../../shared/src/schema/planSchema';
import { fragmentText } from '../../../shared/src/schema/proseText';
import type { EmbeddedStore } from '../../../server/src/storage/embedded/openEmbeddedStore';
import { encodeRecord } from '../../../server/src/storage/embedded/updateLogRecord';
import { makePlansOnDisk, type PlanOnDisk } from '../../helpers/plansOnDisk';
import { acceptInvitation, type SignedIn } from '../../helpers/signIn';
import { startServer, type TestServer } from '../../helpers/startServer';
import { connectDoc } from '../../helpers/syncClient';
import { waitFor } from '../../helpers/waitFor';

/** Two edits of plan A's common plan, appended as their own records after the one plan creation wrote. */
const EDITS = ['eerste aanvulling', 'tweede aanvulling'];

async function appendEdits(store: EmbeddedStore, planId: string): Promise<void> {
  const doc = new Y.Doc();
  for (const update of (await store.docs.load(planId, GEZAMENLIJK)).updates) Y.applyUpdate(doc, update);
  for (const text of EDITS) {
    const before = Y.encodeStateVector(doc);
    const fragment = proseField(doc, 'gezamenlijk', 'zorgen');
    const p = new Y.XmlElement('paragraph');
    p.insert(0, [new Y.XmlText(text)]);
    fragment.insert(fragment.length, [p]);
    await store.docs.append(planId, GEZAMENLIJK, Y.encodeStateAsUpdate(doc, before));
  }
}

const planDir = (dataDir: string, planId: string) => path.join(dataDir, 'plans', planId);
const logFile = (dataDir: string, planId: string, generation = 0) => path.join(planDir(dataDir, planId), `${GEZAMENLIJK}.${generation}.log`);

/** The damage done to plan A's common plan before the server starts, and what recovery must make of it. */
interface Damage {
  name: string;
  cause: string;
  damage(dataDir: string, planId: string): Promise<void>;
}

const QUARANTINED: Damage[] = [
  {
    name: 'a flipped byte in the middle',
    cause: 'checksum',
    async damage(dataDir, planId) {
      const bytes = await readFile(logFile(dataDir, planId));
      bytes[8 + 8 + 20] = (bytes[8 + 8 + 20] ?? 0) ^ 0x10; // inside the first record's payload; two records follow
      await writeFile(logFile(dataDir, planId), bytes);
    },
  },
  {
    name: 'a zero-filled file',
    cause: 'header',
    async damage(dataDir, planId) {
      const { size } = await stat(logFile(dataDir, planId));
      await writeFile(logFile(dataDir, planId), Buffer.alloc(size));
    },
  },
  {
    name: 'a record cut short in the middle (it would otherwise read as a torn tail and cut the edits after it)',
    cause: 'checksum',
    async damage(dataDir, planId) {
      const bytes = await readFile(logFile(dataDir, planId));
      const first = bytes.readUInt32BE(8);
      const after = bytes.length - (8 + 8 + first);
      const cutAt = 8 + 8 + Math.floor(first / 2);
      await writeFile(logFile(dataDir, planId), Buffer.concat([bytes.subarray(0, cutAt), bytes.subarray(cutAt + after + 16)]));
    },
  },
  {
    name: 'the compacted generation deleted while the older log is kept',
    cause: 'snapshot_missing',
    async damage(dataDir, planId) {
      // The older generation, restored as a backup would: it lacks the edits compacted into generation 1.
      await copyFile(path.join(dataDir, 'older.log'), logFile(dataDir, planId, 0));
      await rm(logFile(dataDir, planId, 1));
    },
  },
  {
    name: 'every log file deleted while the pointer is kept',
    cause: 'log_missing',
    async damage(dataDir, planId) {
      await rm(logFile(dataDir, planId, 1));
    },
  },
];

describe('startup recovery of damaged files (issue #9)', () => {
  let server: TestServer | undefined;
  const dirs: string[] = [];
  afterEach(async () => {
    await server?.close();
    server = undefined;
    for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
  });

  /** Plans A and B, A's common plan holding the two edits; for the generation cases, A's log compacted. */
  async function setUp(damage: Damage): Promise<{ dataDir: string; a: PlanOnDisk; b: PlanOnDisk }> {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'gezinsplan-damage-'));
    dirs.push(dataDir);
    const [a, b] = await makePlansOnDisk(dataDir, 2, async (store, [planA]) => {
      if (damage.cause === 'snapshot_missing' || damage.cause === 'log_missing') {
        await store.release(planA!.planId, GEZAMENLIJK);
        await copyFile(logFile(dataDir, planA!.planId), path.join(dataDir, 'older.log'));
        await appendEdits(store, planA!.planId);
        const state = new Y.Doc();
        for (const update of (await store.docs.load(planA!.planId, GEZAMENLIJK)).updates) Y.applyUpdate(state, update);
        await store.docs.compact(planA!.planId, GEZAMENLIJK, Y.encodeStateAsUpdate(state));
      } else {
        await appendEdits(store, planA!.planId);
      }
    });
    await damage.damage(dataDir, a!.planId);
    return { dataDir, a: a!, b: b! };
  }

  async function health(base: string): Promise<unknown> {
    return (await fetch(`${base}/healthz`)).json();
  }

  /** Opens A's common plan and returns how the server closed it. */
  async function refusedAt(base: string, a: SignedIn): Promise<{ code: number; reason: string }> {
    const c = connectDoc(base, a.planId, GEZAMENLIJK, { cookie: a.cookie });
    const closed = new Promise<{ code: number; reason: string }>((resolve) => c.ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
    const result = await closed;
    expect(c.synced).toBe(false);
    return result;
  }

  it.each(QUARANTINED)('[D10] $name: quarantined at start, listed on /healthz, refused (4500, HTTP error), other plans work, still refused after a restart', async (damage) => {
    const { dataDir, a, b } = await setUp(damage);
    const before = new Set(await readdir(planDir(dataDir, a.planId)));
    server = await startServer({ dataDir, env: { DEMO: '0' } });
    expect(server.logs.find((l) => l.event === 'doclog.quarantined')).toMatchObject({ planId: a.planId, docName: GEZAMENLIJK, cause: damage.cause });
    expect(await health(server.base)).toEqual({ ok: true, degraded: [{ planId: a.planId, reason: 'storage_corrupt' }] });

    const sa = await acceptInvitation(server.base, a.token);
    expect(await refusedAt(server.base, sa)).toEqual({ code: CloseCode.serverError, reason: translate('close.loadFailed') });
    const action = await fetch(`${server.base}/api/plans/${a.planId}/acties/x/status`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.base, cookie: sa.cookie },
      body: JSON.stringify({ doelId: 'y', status: { kind: 'bezig' } }),
    });
    expect(action.status).toBe(500);
    expect(await action.json()).toEqual({ error: 'storage_corrupt', message: translate('error.storage_corrupt') });

    const sb = await acceptInvitation(server.base, b.token);
    const cb = connectDoc(server.base, b.planId, GEZAMENLIJK, { cookie: sb.cookie });
    await waitFor(() => cb.synced, 'plan B to sync');
    expect(fragmentText(proseField(cb.doc, 'gezamenlijk', 'zorgen'))).toContain('ruzie');
    cb.close();

    // Moved aside whole, never deleted; the marker keeps the doc refused.
    const aside = await readdir(path.join(dataDir, 'quarantine', a.planId)).catch(() => []);
    for (const name of aside) expect(before.has(name.replace(/\.[^.]+$/, ''))).toBe(true);
    expect(aside.length).toBe(damage.cause === 'log_missing' ? 0 : 1);
    expect(await readdir(planDir(dataDir, a.planId))).toContain(`${GEZAMENLIJK}.quarantined`);

    await server.close();
    server = await startServer({ dataDir, env: { DEMO: '0' } });
    expect(await health(server.base)).toEqual({ ok: true, degraded: [{ planId: a.planId, reason: 'storage_corrupt' }] });
    expect((await refusedAt(server.base, sa)).code).toBe(CloseCode.serverError);
  });

  it('[D11] a torn last record (a write a crash cut off, never acknowledged) is cut at start; the doc loads with every whole record', async () => {
    const { dataDir, a } = await setUp({ name: 'none', cause: 'none', damage: async () => undefined });
    const file = logFile(dataDir, a.planId);
    const goodSize = (await stat(file)).size;
    await writeFile(file, Buffer.concat([await readFile(file), encodeRecord(new Uint8Array(64).fill(1)).subarray(0, 40)]));

    server = await startServer({ dataDir, env: { DEMO: '0' } });
    expect(server.logs.find((l) => l.event === 'storage.recovered')).toMatchObject({ docs: expect.any(Number), tornTails: 1, quarantined: 0 });
    expect(await health(server.base)).toEqual({ ok: true });
    expect((await stat(file)).size).toBe(goodSize);
    const sa = await acceptInvitation(server.base, a.token);
    const ca = connectDoc(server.base, a.planId, GEZAMENLIJK, { cookie: sa.cookie });
    await waitFor(() => ca.synced, 'plan A to sync');
    const text = fragmentText(proseField(ca.doc, 'gezamenlijk', 'zorgen'));
    for (const edit of EDITS) expect(text).toContain(edit);
    ca.close();
  });
});
