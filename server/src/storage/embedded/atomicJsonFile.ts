import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Adapter } from 'lowdb';
import { StorageCorrupt, StorageUnavailable } from '../../errors';
import { errnoCode, replaceFileDurably } from './durableFs';
import { nodeFileOps, type FileOps } from './fileOps';

interface Waiter {
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * A lowdb 7 adapter for one JSON file that is durable and atomic (DESIGN.md §6: "lowdb for metadata with an
 * fsync'd atomic adapter"). lowdb's own `JSONFile` renames without fsync, so an acknowledged write can vanish
 * in a crash: never use it for the store.
 *
 * `write` is serialized: writes that arrive while one is in flight are merged, and the newest data wins.
 * Each write resolves once data at least as new as its own is on disk (temp file fsync'd, renamed over the
 * target, directory fsync'd).
 *
 * `read` gives null for a missing file and throws `StorageCorrupt` for one that is not JSON (or is `null`).
 *
 * @example
 * const db = new Low(createAtomicJsonFile<Meta>(join(dataDir, 'meta.json')), emptyMeta());
 */
export function createAtomicJsonFile<T>(path: string, fs: FileOps = nodeFileOps): Adapter<T> {
  let latest: { data: T } | undefined;
  let waiters: Waiter[] = [];
  let flushing = false;

  const flush = async (): Promise<void> => {
    while (waiters.length > 0 && latest) {
      const batch = waiters;
      waiters = [];
      // Serialized now, so the file holds everything written up to this moment, which covers every waiter
      // in the batch.
      const json = JSON.stringify(latest.data, null, 2);
      try {
        await replaceFileDurably(path, `${path}.tmp`, json, fs);
        for (const waiter of batch) waiter.resolve();
      } catch (error) {
        const failure = new StorageUnavailable(`metadata could not be stored durably (${errnoCode(error) ?? 'error'})`);
        for (const waiter of batch) waiter.reject(failure);
        // Let the rejected writers take their change back out of memory before the next snapshot is taken.
        await nextTurn();
      }
    }
    flushing = false;
  };

  return {
    read: () => readJson<T>(path, fs),
    write(data: T): Promise<void> {
      latest = { data };
      return new Promise<void>((resolve, reject) => {
        waiters.push({ resolve, reject });
        if (flushing) return;
        flushing = true;
        void flush();
      });
    },
  };
}

async function readJson<T>(path: string, fs: FileOps): Promise<T | null> {
  let text: string;
  try {
    text = (await fs.readFile(path)).toString('utf8');
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return null;
    throw new StorageUnavailable(`metadata file cannot be read (${errnoCode(error) ?? 'error'})`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = null;
  }
  // Never start from empty metadata over a file that exists: that would lose every plan (STYLE.md, Errors).
  // JSON `null` counts as unparseable, since null means "no file" to lowdb.
  if (value === null) throw new StorageCorrupt(`metadata file ${path} is not valid JSON`);
  return value as T;
}
