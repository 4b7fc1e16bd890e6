import { dirname, join, resolve } from 'node:path';
import { Invalid, StorageUnavailable } from '../../errors';
import type { Logger } from '../../log';
import type { DocLoad, DocStore, Store, StorageWatcher } from '../Store';
import { acquireDataDirLock } from './dataDirLock';
import { DocLog } from './docLog';
import { ensureDirDurably, fsyncDir } from './durableFs';
import { createEmbeddedAuditStore } from './embeddedAuditStore';
import { openEmbeddedMetaStore } from './embeddedMetaStore';
import { nodeFileOps, type FileOps } from './fileOps';
import { recoverAllDocs, type RecoveryReport } from './startupRecovery';
import { DEFAULT_RETRY_TIMING, WriteRetry, type RetryTiming } from './writeRetry';

/** The embedded default store, plus `release` to close one doc's file when its room unloads. */
export interface EmbeddedStore extends Store {
  /**
   * Closes the doc's log file once everything queued for it is done. Calls made later open it again, so
   * calling this for a doc still in use is safe, just slower.
   */
  release(planId: string, docName: string): Promise<void>;
  /**
   * Server shutdown: writes waiting for the disk to take them again stop waiting and reject with
   * `StorageUnavailable` (their senders never got `saved` and still hold the changes). Writes in flight
   * finish normally. `close` does this itself; call it first when something must flush before `close`.
   */
  stopRetrying(): void;
  /** What startup recovery found. */
  readonly recovery: RecoveryReport;
}

export interface EmbeddedStoreOptions {
  dataDir: string;
  log: Logger;
  /** Hears about quarantined docs and refused writes (for `/healthz`); nobody by default. */
  watcher?: StorageWatcher;
  /** The file operations to use; only tests pass others, to inject disk faults. */
  fileOps?: FileOps;
  /** How often to try a refused write again. */
  retryTiming?: RetryTiming;
}

/** Only these names become path parts: a planId or docName can never climb out of the data dir. */
const SAFE_NAME = /^[A-Za-z0-9_-]{1,128}$/;

const NO_WATCHER: StorageWatcher = { quarantined() {}, writesRefused() {}, writesResumed() {} };

/**
 * Opens the embedded default store in `dataDir` (DESIGN.md §6): creates the directory, takes its lock
 * (throws `DataDirInUse` when another live server holds it), opens `meta.json` (throws `StorageCorrupt` when
 * it cannot be read as metadata), checks every doc log (startup recovery: torn tails cut, damaged docs
 * quarantined under `quarantine/`), serves doc logs from `plans/<planId>/` and audit logs from
 * `audit/<planId>.jsonl`. File handles stay open until `release` or `close`.
 *
 * @example
 * const store = await openEmbeddedStore({ dataDir: config.dataDir, log: log.child('storage'), watcher });
 * await store.docs.append(planId, docName, update); // resolves once fsync'd
 */
export async function openEmbeddedStore(options: EmbeddedStoreOptions): Promise<EmbeddedStore> {
  const dataDir = resolve(options.dataDir);
  const fs = options.fileOps ?? nodeFileOps;
  await createDirDurably(dataDir, fs);
  const lock = await acquireDataDirLock(dataDir);
  try {
    const plansDir = join(dataDir, 'plans');
    await ensureDirDurably(plansDir, fs);
    const meta = await openEmbeddedMetaStore({ dataDir, log: options.log, fs });
    const retry = new WriteRetry(options.retryTiming ?? DEFAULT_RETRY_TIMING, options.watcher ?? NO_WATCHER, options.log.child('storage'));
    const deps = { fs, retry, watcher: options.watcher ?? NO_WATCHER, log: options.log };
    const docs = createDocLogRegistry({ plansDir, quarantineDir: join(dataDir, 'quarantine'), ...deps });
    const recovery = await recoverAllDocs(plansDir, fs, docs.verify, options.log.child('storage'));
    const auditDir = join(dataDir, 'audit');
    await ensureDirDurably(auditDir, fs);
    const audit = createEmbeddedAuditStore({ auditDir, ...deps });
    const close = onlyOnce(async () => {
      retry.stop();
      await docs.closeAll();
      await audit.closeAll();
      await meta.flush();
      await lock.release();
    });
    return { meta, docs: docs.store, audit: audit.store, release: docs.release, stopRetrying: () => retry.stop(), recovery, close };
  } catch (error) {
    await lock.release();
    throw error;
  }
}

type RegistryOptions = Pick<ConstructorParameters<typeof DocLog>[0], 'plansDir' | 'quarantineDir' | 'fs' | 'retry' | 'watcher' | 'log'>;

/** One `DocLog` per doc in use, created on first use and forgotten on `release` once idle. */
function createDocLogRegistry(options: RegistryOptions) {
  const logs = new Map<string, DocLog>();
  let closed = false;

  const logOf = (planId: string, docName: string): DocLog => {
    if (closed) throw new StorageUnavailable('the store is closed');
    if (!SAFE_NAME.test(planId) || !SAFE_NAME.test(docName)) throw new Invalid('planId or docName is not a safe storage name');
    const key = `${planId}/${docName}`;
    let docLog = logs.get(key);
    if (!docLog) {
      docLog = new DocLog({ ...options, planId, docName });
      logs.set(key, docLog);
    }
    return docLog;
  };

  const store: DocStore = {
    load: async (planId, docName): Promise<DocLoad> => logOf(planId, docName).load(),
    append: async (planId, docName, update) => logOf(planId, docName).append(update),
    compact: async (planId, docName, state, index) => logOf(planId, docName).compact(state, index),
  };

  const release = async (planId: string, docName: string): Promise<void> => {
    const key = `${planId}/${docName}`;
    const docLog = logs.get(key);
    if (!docLog) return;
    await docLog.close();
    // Calls made meanwhile queued behind the close and reopened the file: keep the log for them.
    if (logs.get(key) === docLog && docLog.isIdle()) logs.delete(key);
  };

  const verify = async (planId: string, docName: string) => {
    const result = await logOf(planId, docName).verify();
    await release(planId, docName);
    return result;
  };

  const closeAll = async (): Promise<void> => {
    closed = true;
    // Each close queues behind the doc's pending appends, so they finish (and are fsync'd) first.
    await Promise.allSettled([...logs.values()].map((docLog) => docLog.close()));
    logs.clear();
  };

  return { store, release, verify, closeAll };
}

/** `mkdir -p`, then fsync the parent of every level it created so the new entries survive a crash. */
async function createDirDurably(dir: string, fs: FileOps): Promise<void> {
  const firstCreated = await fs.mkdir(dir, { recursive: true });
  if (firstCreated === undefined) return;
  for (let level = dir; level !== dirname(level); level = dirname(level)) {
    await fsyncDir(dirname(level), fs);
    if (level === firstCreated) return;
  }
}

function onlyOnce(fn: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  return () => (running ??= fn());
}
