import { link, open, readdir, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { StoredVersion, VersionAgreement } from '../../../../shared/src/versions/versionTypes';
import { AppError, Invalid, StorageUnavailable } from '../../errors';
import type { RawVersionFile, VersionStore } from '../VersionStore';
import { ensureDirDurably, errnoCode, fsyncDir } from './durableFs';
import { GroupCommitQueue, type PendingAppend } from './groupCommitQueue';

/** Only these plan ids become directory names: a planId can never climb out of the versions dir. */
const SAFE_NAME = /^[A-Za-z0-9_-]{1,128}$/;
const VERSION_FILE = /^v(\d{6})\.json$/;
const AGREEMENTS_FILE = 'akkoord.jsonl';

/** `v000012.json`: zero-padded, so a directory listing sorts by number. */
export function versionFileName(nummer: number): string {
  return `v${String(nummer).padStart(6, '0')}.json`;
}

/** The number a version file's name gives it, or undefined for another file. */
export function versionNumberOf(fileName: string): number | undefined {
  const match = VERSION_FILE.exec(fileName);
  return match ? Number(match[1]) : undefined;
}

/**
 * The embedded version store (issue #8): `<versionsDir>/<planId>/v000001.json` …, one file per version, and
 * `akkoord.jsonl` with the answers. A version file is written to a temp file, fsync'd, and then hard-linked
 * to its name, which fails when the name exists: a version is created atomically and never replaced. Calls
 * for one plan run one after another.
 *
 * @example const versions = createEmbeddedVersionStore(join(dataDir, 'versions'));
 */
export function createEmbeddedVersionStore(versionsDir: string): VersionStore {
  const queues = new Map<string, GroupCommitQueue<PendingAppend>>();
  /** Plans whose agreements file was checked for a torn last line in this process. */
  const checkedTails = new Set<string>();

  const inPlan = <T>(planId: string, fn: (dir: string) => Promise<T>): Promise<T> => {
    if (!SAFE_NAME.test(planId)) return Promise.reject(new Invalid('planId is not a safe storage name'));
    let queue = queues.get(planId);
    if (!queue) {
      queue = new GroupCommitQueue<PendingAppend>(async () => undefined, toStoreError);
      queues.set(planId, queue);
    }
    return queue.task(() => fn(join(versionsDir, planId)));
  };

  const readVersions = async (dir: string): Promise<RawVersionFile[]> => {
    const names = await readdir(dir).catch((error: unknown) => (errnoCode(error) === 'ENOENT' ? [] : Promise.reject(error)));
    const files = names.flatMap((name) => {
      const nummer = versionNumberOf(name);
      return nummer === undefined ? [] : [{ name, nummer }];
    });
    files.sort((a, b) => a.nummer - b.nummer);
    return Promise.all(files.map(async ({ name, nummer }) => ({ nummer, bytes: await readFile(join(dir, name)) })));
  };

  return {
    add: (version) =>
      inPlan(version.header.planId, async (dir) => {
        await ensureDirDurably(versionsDir);
        await ensureDirDurably(dir);
        const name = versionFileName(version.header.nummer);
        const temp = join(dir, `.${name}.tmp`);
        await writeSynced(temp, 'w', JSON.stringify(version));
        try {
          await link(temp, join(dir, name));
        } catch (error) {
          if (errnoCode(error) === 'EEXIST') throw new Invalid(`version ${version.header.nummer} exists`);
          throw error;
        } finally {
          await unlink(temp).catch(() => undefined);
        }
        await fsyncDir(dir);
      }),
    list: (planId) => inPlan(planId, async (dir) => (await readVersions(dir)).flatMap((file) => parseVersion(file.bytes) ?? [])),
    get: (planId, nummer) =>
      inPlan(planId, async (dir) => {
        const bytes = await readFile(join(dir, versionFileName(nummer))).catch((error: unknown) => (errnoCode(error) === 'ENOENT' ? undefined : Promise.reject(error)));
        const version = bytes ? parseVersion(bytes) : undefined;
        return version?.header.nummer === nummer ? version : undefined;
      }),
    raw: (planId) => inPlan(planId, readVersions),
    addAgreement: (planId, agreement) =>
      inPlan(planId, async (dir) => {
        await ensureDirDurably(versionsDir);
        await ensureDirDurably(dir);
        const path = join(dir, AGREEMENTS_FILE);
        if (!checkedTails.has(planId)) {
          await cutTornLine(path);
          checkedTails.add(planId);
        }
        const created = await writeSynced(path, 'a', `${JSON.stringify(agreement)}\n`);
        if (created) await fsyncDir(dir);
      }),
    agreements: (planId) =>
      inPlan(planId, async (dir) => {
        const text = await readFile(join(dir, AGREEMENTS_FILE), 'utf8').catch((error: unknown) => (errnoCode(error) === 'ENOENT' ? '' : Promise.reject(error)));
        return text.split('\n').flatMap((line) => parseAgreement(line) ?? []);
      }),
  };
}

/** Writes (or appends) and fsyncs; returns whether the file is new. */
async function writeSynced(path: string, flags: 'w' | 'a', data: string): Promise<boolean> {
  const exists = await open(path, 'r').then(
    (h) => h.close().then(() => true),
    () => false,
  );
  const handle = await open(path, flags, 0o600);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  return !exists;
}

/** A crash can leave half a line at the end; cut it before appending, so the next line stays whole. */
async function cutTornLine(path: string): Promise<void> {
  const bytes = await readFile(path).catch(() => undefined);
  if (!bytes || bytes.length === 0 || bytes[bytes.length - 1] === 0x0a) return;
  const handle = await open(path, 'r+');
  try {
    await handle.truncate(bytes.lastIndexOf(0x0a) + 1);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function parseVersion(bytes: Uint8Array): StoredVersion | undefined {
  try {
    const value = JSON.parse(Buffer.from(bytes).toString('utf8')) as StoredVersion;
    return typeof value?.header?.nummer === 'number' && typeof value.renderings === 'object' ? value : undefined;
  } catch {
    return undefined;
  }
}

function parseAgreement(line: string): VersionAgreement | undefined {
  if (line.trim() === '') return undefined;
  try {
    const v = JSON.parse(line) as VersionAgreement;
    return typeof v.nummer === 'number' && typeof v.memberId === 'string' && typeof v.akkoord === 'boolean' && typeof v.reden === 'string' ? v : undefined;
  } catch {
    return undefined;
  }
}

function toStoreError(error: unknown): Error {
  if (error instanceof AppError) return error;
  const code = errnoCode(error);
  return new StorageUnavailable(`version storage failed${code ? ` (${code})` : ''}`);
}
