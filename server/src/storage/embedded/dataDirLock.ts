import { randomUUID } from 'node:crypto';
import { link, open, readFile, rename, unlink } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { errnoCode, fsyncDir } from './durableFs';

/** A held data-directory lock. */
export interface DataDirLock {
  /** Removes the lock file if it is still ours. */
  release(): Promise<void>;
}

/** Another live server holds the data directory. The message is in English and Dutch for the operator. */
export class DataDirInUse extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `Another Gezinsplan server uses this data directory (pid ${pid}): ${dataDir}. ` +
        `Een andere Gezinsplan-server gebruikt deze datamap (pid ${pid}): ${dataDir}.`,
    );
    this.name = 'DataDirInUse';
  }
}

/** What the lock file holds. `startTicks` (Linux) tells a reused pid from the process that wrote the lock. */
interface LockInfo {
  pid: number;
  startTicks?: number;
  startedAt: string;
  token: string;
}

const MAX_ATTEMPTS = 5;

/**
 * Takes `DATA_DIR/.lock` so two servers never append to the same logs. The file is created with O_EXCL and
 * names the owner's pid. A lock whose pid is gone (left by a kill -9) or reused by another process is taken
 * over at once, so a restart right after a crash starts without waiting. Throws `DataDirInUse` when the
 * owner is alive.
 */
export async function acquireDataDirLock(dataDir: string): Promise<DataDirLock> {
  const path = join(dataDir, '.lock');
  const mine: LockInfo = { pid: process.pid, startTicks: processStartTicks(process.pid), startedAt: processStartedAt(), token: randomUUID() };
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    if (await tryCreate(path, mine)) return { release: () => releaseLock(path, mine.token) };
    const raw = await readFile(path, 'utf8').catch((error: unknown) => (errnoCode(error) === 'ENOENT' ? undefined : Promise.reject(error)));
    if (raw === undefined) continue;
    const holder = parseLockInfo(raw);
    if (holder && isAlive(holder)) throw new DataDirInUse(dataDir, holder.pid);
    await removeStaleLock(path, raw);
  }
  throw new Error(`could not take the lock of data directory ${dataDir} / kon de datamap ${dataDir} niet vergrendelen`);
}

async function tryCreate(path: string, info: LockInfo): Promise<boolean> {
  let handle;
  try {
    handle = await open(path, 'wx', 0o600);
  } catch (error) {
    if (errnoCode(error) === 'EEXIST') return false;
    throw error;
  }
  try {
    await handle.writeFile(JSON.stringify(info));
    await handle.sync();
  } finally {
    await handle.close();
  }
  await fsyncDir(dirname(path));
  return true;
}

/**
 * Moves the stale lock aside (rename is atomic) and checks that what moved is the stale lock we judged. If a
 * racing server had just put its own lock there, it is linked back (link fails rather than overwrite), and
 * the next attempt sees a live owner.
 */
async function removeStaleLock(path: string, staleRaw: string): Promise<void> {
  const aside = `${path}.stale-${process.pid}-${randomUUID()}`;
  try {
    await rename(path, aside);
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return;
    throw error;
  }
  const moved = await readFile(aside, 'utf8').catch(() => staleRaw);
  if (moved !== staleRaw) await link(aside, path).catch(() => undefined);
  await unlink(aside).catch(() => undefined);
}

async function releaseLock(path: string, token: string): Promise<void> {
  const raw = await readFile(path, 'utf8').catch(() => undefined);
  if (raw === undefined || parseLockInfo(raw)?.token !== token) return;
  await unlink(path).catch(() => undefined);
}

/** An unreadable lock (a crash between create and write) counts as stale: it names no live owner. */
function parseLockInfo(raw: string): LockInfo | undefined {
  try {
    const value = JSON.parse(raw) as Partial<LockInfo>;
    return typeof value.pid === 'number' && Number.isInteger(value.pid) && value.pid > 0 ? (value as LockInfo) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Alive when signal 0 reaches the pid and it is the process that wrote the lock: where /proc exists, its start
 * time must match the lock's (this matters in containers, where the server is pid 1 after every restart);
 * without a recorded start time, its command line must name node.
 */
function isAlive(holder: LockInfo): boolean {
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    if (errnoCode(error) !== 'EPERM') return false;
  }
  // A killed server whose parent died with it stays a zombie until init reaps it, and some container inits never do.
  if (isZombie(holder.pid)) return false;
  const ticks = processStartTicks(holder.pid);
  if (ticks !== undefined && holder.startTicks !== undefined) return ticks === holder.startTicks;
  const cmdline = readProc(holder.pid, 'cmdline');
  return cmdline === undefined || cmdline.includes('node');
}

/** Field 3 of /proc/<pid>/stat: Z (zombie) or X (dead) means the process has exited and holds nothing. */
function isZombie(pid: number): boolean {
  const state = procStatFields(pid)?.[0];
  return state === 'Z' || state === 'X';
}

/** Field 22 of /proc/<pid>/stat: start time in clock ticks since boot. Undefined without /proc. */
function processStartTicks(pid: number): number | undefined {
  const fields = procStatFields(pid);
  if (fields === undefined) return undefined;
  const ticks = Number(fields[19]);
  return Number.isFinite(ticks) ? ticks : undefined;
}

/** The fields of /proc/<pid>/stat after the command name (field 3 onwards). Undefined without /proc. */
function procStatFields(pid: number): string[] | undefined {
  const stat = readProc(pid, 'stat');
  // The command name is in parentheses and may itself hold spaces.
  return stat === undefined ? undefined : stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

function readProc(pid: number, file: string): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return undefined;
  }
}

function processStartedAt(): string {
  return new Date(Date.now() - process.uptime() * 1000).toISOString();
}
