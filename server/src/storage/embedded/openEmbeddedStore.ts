import { mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { Invalid, StorageUnavailable } from '../../errors';
import type { Logger } from '../../log';
import type { DocLoad, DocStore, Store } from '../Store';
import { acquireDataDirLock } from './dataDirLock';
import { DocLog } from './docLog';
import { ensureDirDurably, fsyncDir } from './durableFs';
import { createEmbeddedAuditStore } from './embeddedAuditStore';
import { openEmbeddedMetaStore } from './embeddedMetaStore';

/** The embedded default store, plus `release` to close one doc's file when its room unloads. */
export interface EmbeddedStore extends Store {
  /**
   * Closes the doc's log file once everything queued for it is done. Calls made later open it again, so
   * calling this for a doc still in use is safe, just slower.
   */
  release(planId: string, docName: string): Promise<void>;
}

/** Only these names become path parts: a planId or docName can never climb out of the data dir. */
const SAFE_NAME = /^[A-Za-z0-9_-]{1,128}$/;

/**
 * Opens the embedded default store in `dataDir` (DESIGN.md §6): creates the directory, takes its lock
 * (throws `DataDirInUse` when another live server holds it), opens `meta.json` (throws `StorageCorrupt` when
 * it cannot be read as metadata), serves doc logs from `plans/<planId>/` and audit logs from
 * `audit/<planId>.jsonl`. File handles stay open until
 * `release` or `close`.
 *
 * @example
 * const store = await openEmbeddedStore({ dataDir: config.dataDir, log: log.child('storage') });
 * await store.docs.append(planId, docName, update); // resolves once fsync'd
 */
export async function openEmbeddedStore(options: { dataDir: string; log: Logger }): Promise<EmbeddedStore> {
  const dataDir = resolve(options.dataDir);
  await createDirDurably(dataDir);
  const lock = await acquireDataDirLock(dataDir);
  try {
    const plansDir = join(dataDir, 'plans');
    await ensureDirDurably(plansDir);
    const meta = await openEmbeddedMetaStore({ dataDir, log: options.log });
    const docs = createDocLogRegistry(plansDir, options.log);
    const auditDir = join(dataDir, 'audit');
    await ensureDirDurably(auditDir);
    const audit = createEmbeddedAuditStore({ auditDir, log: options.log });
    const close = onlyOnce(async () => {
      await docs.closeAll();
      await audit.closeAll();
      await meta.flush();
      await lock.release();
    });
    return { meta, docs: docs.store, audit: audit.store, release: docs.release, close };
  } catch (error) {
    await lock.release();
    throw error;
  }
}

/** One `DocLog` per doc in use, created on first use and forgotten on `release` once idle. */
function createDocLogRegistry(plansDir: string, log: Logger) {
  const logs = new Map<string, DocLog>();
  let closed = false;

  const logOf = (planId: string, docName: string): DocLog => {
    if (closed) throw new StorageUnavailable('the store is closed');
    if (!SAFE_NAME.test(planId) || !SAFE_NAME.test(docName)) throw new Invalid('planId or docName is not a safe storage name');
    const key = `${planId}/${docName}`;
    let docLog = logs.get(key);
    if (!docLog) {
      docLog = new DocLog({ plansDir, planId, docName, log });
      logs.set(key, docLog);
    }
    return docLog;
  };

  const store: DocStore = {
    load: async (planId, docName): Promise<DocLoad> => logOf(planId, docName).load(),
    append: async (planId, docName, update) => logOf(planId, docName).append(update),
    compact: async (planId, docName, state) => logOf(planId, docName).compact(state),
  };

  const release = async (planId: string, docName: string): Promise<void> => {
    const key = `${planId}/${docName}`;
    const docLog = logs.get(key);
    if (!docLog) return;
    await docLog.close();
    // Calls made meanwhile queued behind the close and reopened the file: keep the log for them.
    if (logs.get(key) === docLog && docLog.isIdle()) logs.delete(key);
  };

  const closeAll = async (): Promise<void> => {
    closed = true;
    // Each close queues behind the doc's pending appends, so they finish (and are fsync'd) first.
    await Promise.allSettled([...logs.values()].map((docLog) => docLog.close()));
    logs.clear();
  };

  return { store, release, closeAll };
}

/** `mkdir -p`, then fsync the parent of every level it created so the new entries survive a crash. */
async function createDirDurably(dir: string): Promise<void> {
  const firstCreated = await mkdir(dir, { recursive: true });
  if (firstCreated === undefined) return;
  for (let level = dir; level !== dirname(level); level = dirname(level)) {
    await fsyncDir(dirname(level));
    if (level === firstCreated) return;
  }
}

function onlyOnce(fn: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  return () => (running ??= fn());
}
