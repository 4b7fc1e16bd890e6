import { IndexeddbPersistence } from 'y-indexeddb';
import type * as Y from 'yjs';
import { deleteDatabase, requestResult } from './idb';
import type { LocalDocDbNames } from './localDbNames';
import { dropRescued, takeRescued, watchUnloadRescue } from './unloadRescue';

/** One local change the server has not settled yet, numbered in the order it was made. */
export interface PendingRecord {
  readonly seq: number;
  readonly update: Uint8Array;
}

/** Where the unsent-change tracker keeps its unsettled changes, so their count survives a reload. */
export interface PendingLog {
  add(record: PendingRecord): void;
  remove(seqs: readonly number[]): void;
}

/** What the local copy held when it was opened. */
export interface RestoredCopy {
  /** False when IndexedDB could not be used (private mode, quota): the doc then lives only in memory. */
  readonly available: boolean;
  /** True when this doc synced with the server before: its copy is a whole doc, safe to edit offline. */
  readonly syncedBefore: boolean;
  /** Local changes made before the reload that no `saved` covered, oldest first. */
  readonly pending: readonly PendingRecord[];
  /**
   * Local changes the page before a reload made but IndexedDB had not committed when it went away
   * (`unloadRescue.ts`), oldest first: not in the doc yet; apply them as local changes.
   */
  readonly rescued: readonly Uint8Array[];
}

/** One doc's copy on this device: the doc as the member has it, plus what the server confirmed. */
export interface LocalCopy {
  /** The origin of the updates y-indexeddb applies when it loads the copy. */
  readonly origin: unknown;
  /** Resolves once the copy is in the docs (or could not be read). */
  readonly loaded: Promise<RestoredCopy>;
  readonly pending: PendingLog;
  /** Remembers that the doc synced with the server once. */
  markSynced(): void;
  /** Stops writing and closes the databases. */
  close(): Promise<void>;
  /** Closes and deletes both databases: this doc's copy is gone from the device. */
  erase(): Promise<void>;
}

/** The y-indexeddb store for anything besides updates; our keys live there. */
const CUSTOM_STORE = 'custom';
const SYNCED_KEY = 'syncedOnce';
const PENDING = 'pending';
const pendingKey = (seq: number) => [PENDING, seq];
const ALL_PENDING = () => IDBKeyRange.bound([PENDING, 0], [PENDING, Number.MAX_SAFE_INTEGER]);
/** A copy that takes longer than this to load is left behind: the member works from the server instead. */
const LOAD_TIMEOUT_MS = 10_000;

const NOTHING_RESTORED: RestoredCopy = { available: false, syncedBefore: false, pending: [], rescued: [] };

/**
 * Keeps `doc` and `server` (the unsent-change tracker's shadow of what the server confirmed) in IndexedDB
 * with y-indexeddb (issue #9), so that work typed offline survives a reload and a closed tab. Every local
 * update is stored by y-indexeddb as it happens; the tracker's unsettled changes are kept beside it. Local
 * changes IndexedDB has not committed yet are written to `sessionStorage` when the page is left
 * (`unloadRescue.ts`); `isLocal` tells them from the server's.
 */
export function openLocalCopy(names: LocalDocDbNames, doc: Y.Doc, server: Y.Doc, isLocal: (origin: unknown) => boolean): LocalCopy {
  const docStore = new IndexeddbPersistence(names.doc, doc);
  const serverStore = new IndexeddbPersistence(names.server, server);
  // Once the copy is loaded, y-indexeddb writes each change in the same turn as the change itself.
  const rescue = watchUnloadRescue(names.doc, doc, docStore.whenSynced.then(() => docStore._db), isLocal);
  let closed = false;
  const opened = Promise.all([docStore._db, serverStore._db]).then(
    () => true,
    () => false,
  );

  // Writes wait for the database and run in the order they were asked for.
  const write = (apply: (store: IDBObjectStore) => void) => {
    void docStore._db
      .then((db) => {
        if (!closed) apply(db.transaction(CUSTOM_STORE, 'readwrite').objectStore(CUSTOM_STORE));
      })
      // The database was closed under us (deleted, or the browser refused): the doc lives on in memory.
      .catch(() => undefined);
  };

  const loaded = opened
    .then((ok) => (ok ? withTimeout(readCopy(docStore, serverStore), LOAD_TIMEOUT_MS) : NOTHING_RESTORED))
    .catch(() => NOTHING_RESTORED)
    // Taken whether IndexedDB works or not: they were typed, and a reload must not lose them.
    .then((restored) => ({ ...restored, rescued: takeRescued(names.doc) }));

  const close = async () => {
    closed = true;
    rescue.stop();
    await Promise.all([docStore.destroy(), serverStore.destroy()]).catch(() => undefined);
  };
  return {
    origin: docStore,
    loaded,
    pending: {
      add: (record) => write((store) => store.put(record.update, pendingKey(record.seq))),
      remove: (seqs) => write((store) => seqs.forEach((seq) => store.delete(pendingKey(seq)))),
    },
    markSynced: () => write((store) => store.put(1, SYNCED_KEY)),
    close,
    async erase() {
      await close();
      dropRescued(names.doc);
      await Promise.all([deleteDatabase(names.doc), deleteDatabase(names.server)]);
    },
  };
}

async function readCopy(docStore: IndexeddbPersistence, serverStore: IndexeddbPersistence): Promise<RestoredCopy> {
  await Promise.all([docStore.whenSynced, serverStore.whenSynced]);
  const db = await docStore._db;
  const store = db.transaction(CUSTOM_STORE, 'readonly').objectStore(CUSTOM_STORE);
  // Both requests go out in the same task, while the transaction is active.
  const [synced, keys, values] = await Promise.all([
    requestResult(store.get(SYNCED_KEY)),
    requestResult(store.getAllKeys(ALL_PENDING())),
    requestResult(store.getAll(ALL_PENDING())),
  ]);
  const pending = keys.flatMap((key, i): PendingRecord[] => {
    const seq = Array.isArray(key) ? key[1] : undefined;
    const update = values[i];
    return typeof seq === 'number' && update instanceof Uint8Array ? [{ seq, update }] : [];
  });
  return { available: true, syncedBefore: synced === 1, pending, rescued: [] };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
