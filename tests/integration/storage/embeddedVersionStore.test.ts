import { appendFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { createEmbeddedVersionStore, versionFileName } from '../../../server/src/storage/embedded/embeddedVersionStore';
import { renderingHashes, sealHeader } from '../../../server/src/versions/versionHash';
import { renderPlan } from '../../../shared/src/versions/renderPlan';
import { FIRST_PREVIOUS_HASH, type StoredVersion } from '../../../shared/src/versions/versionTypes';

/** The embedded version store (issue #8): a version is written once and never replaced; answers are appended. */

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function store() {
  const dir = await mkdtemp(join(tmpdir(), 'gezinsplan-versions-'));
  dirs.push(dir);
  return { dir, versions: createEmbeddedVersionStore(join(dir, 'versions')) };
}

function version(nummer: number, label: string): StoredVersion {
  const renderings = renderPlan({ leden: [], gezamenlijk: new Y.Doc(), professioneel: new Y.Doc(), eigen: new Map() });
  const header = sealHeader({
    planId: 'p1',
    nummer,
    label,
    vastgesteldOp: '2026-11-20T10:00:00.000Z',
    vastgesteldDoor: { memberId: 'm1', name: 'Sanne Visser', role: 'jeugdbeschermer' },
    aanwezigheid: [],
    waarschuwingen: [],
    hashes: renderingHashes(renderings),
    vorigeHash: FIRST_PREVIOUS_HASH,
  });
  return { header, renderings };
}

describe('embedded version store', () => {
  it('[VS1] stores versions as files read back in order; a taken number is refused and the file stays as it was', async () => {
    const { dir, versions } = await store();
    await versions.add(version(1, 'Eerste'));
    await versions.add(version(2, 'Tweede'));
    const file = join(dir, 'versions', 'p1', versionFileName(1));
    const bytes = await readFile(file);
    await expect(versions.add(version(1, 'Overschreven'))).rejects.toMatchObject({ code: 'invalid' });
    expect(await readFile(file)).toEqual(bytes);
    expect((await versions.list('p1')).map((v) => v.header.label)).toEqual(['Eerste', 'Tweede']);
    expect((await versions.get('p1', 2))?.header.label).toBe('Tweede');
    expect(await versions.get('p1', 3)).toBeUndefined();
    expect((await versions.raw('p1')).map((f) => f.nummer)).toEqual([1, 2]);
    await expect(versions.list('../x')).rejects.toMatchObject({ code: 'invalid' });
  });

  it('[VS2] answers are appended in order; a torn last line left by a crash is cut before the next one', async () => {
    const { dir, versions } = await store();
    await versions.addAgreement('p1', { nummer: 1, memberId: 'm1', akkoord: true, reden: '', op: '2026-11-20T10:00:00.000Z' });
    await appendFile(join(dir, 'versions', 'p1', 'akkoord.jsonl'), '{"nummer":1,"memb');
    const fresh = createEmbeddedVersionStore(join(dir, 'versions'));
    await fresh.addAgreement('p1', { nummer: 1, memberId: 'm2', akkoord: false, reden: 'Nee', op: '2026-11-20T10:01:00.000Z' });
    expect((await fresh.agreements('p1')).map((a) => [a.memberId, a.akkoord])).toEqual([
      ['m1', true],
      ['m2', false],
    ]);
  });
});
