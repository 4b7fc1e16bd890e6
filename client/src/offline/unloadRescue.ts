import type * as Y from 'yjs';

/** The y-indexeddb object store that holds a doc's updates. */
const UPDATES_STORE = 'updates';
/** Every rescue key starts with this, so that sign-out can find them all. */
const KEY_PREFIX = 'gezinsplan-rescue:';

/** Watches one doc's local changes until IndexedDB has committed them. */
export interface UnloadRescue {
  /** Stops watching; what is still uncommitted is not rescued any more. */
  stop(): void;
}

/**
 * The last keystrokes before a reload (docs/known-issues.md): y-indexeddb writes each change in an IndexedDB
 * transaction of its own, which commits a few milliseconds later, or never when the page goes away first.
 * This keeps the local changes IndexedDB has not committed yet and, when the page is hidden or left, writes
 * them to `sessionStorage`, which is written at once and survives a reload of the tab. The next page takes
 * them back with `takeRescued` before it connects.
 *
 * Whether a change is committed is learnt from IndexedDB itself: a read of the updates store that starts after
 * y-indexeddb's write of a change completes only after that write did.
 */
export function watchUnloadRescue(dbName: string, doc: Y.Doc, db: Promise<IDBDatabase>, isLocal: (origin: unknown) => boolean): UnloadRescue {
  const key = rescueKey(dbName);
  let uncommitted: Uint8Array[] = [];
  let probing = false;
  let written = false;
  let stopped = false;

  const probe = () => {
    if (probing || stopped || uncommitted.length === 0) return;
    probing = true;
    const covered = uncommitted.length;
    const done = (committed: boolean) => {
      probing = false;
      if (committed) uncommitted = uncommitted.slice(covered);
      if (uncommitted.length === 0 && written) forget();
      // A failed read leaves the changes rescued; the next change tries again.
      if (committed) probe();
    };
    void db
      .then((opened) => {
        const read = opened.transaction(UPDATES_STORE, 'readonly');
        read.oncomplete = () => done(true);
        read.onabort = () => done(false);
        read.objectStore(UPDATES_STORE).count();
      })
      .catch(() => done(false));
  };
  const forget = () => {
    written = false;
    sessionStorage.removeItem(key);
  };
  const onUpdate = (update: Uint8Array, origin: unknown) => {
    if (!isLocal(origin)) return;
    uncommitted.push(update);
    // After y-indexeddb's own listener has started its write (it listens first), so the read queues behind it.
    queueMicrotask(probe);
  };
  const rescue = () => {
    if (stopped || uncommitted.length === 0) return;
    try {
      sessionStorage.setItem(key, JSON.stringify(uncommitted.map(toBase64)));
      written = true;
    } catch {
      // Storage full or refused: IndexedDB may still commit in time; nothing more can be done synchronously.
    }
  };
  const onVisibility = () => {
    if (document.visibilityState === 'hidden') rescue();
  };
  doc.on('update', onUpdate);
  addEventListener('pagehide', rescue);
  document.addEventListener('visibilitychange', onVisibility);
  return {
    stop() {
      stopped = true;
      doc.off('update', onUpdate);
      removeEventListener('pagehide', rescue);
      document.removeEventListener('visibilitychange', onVisibility);
    },
  };
}

/** The changes an earlier page of this tab rescued for this doc, oldest first; removed from the tab as they are taken. */
export function takeRescued(dbName: string): Uint8Array[] {
  const key = rescueKey(dbName);
  const raw = sessionStorage.getItem(key);
  sessionStorage.removeItem(key);
  if (raw === null) return [];
  try {
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) ? parsed.filter((item): item is string => typeof item === 'string').map(fromBase64) : [];
  } catch {
    return [];
  }
}

/** Removes a doc's rescued changes (its copy is erased), or every doc's when no name is given (sign-out). */
export function dropRescued(dbName?: string): void {
  if (dbName !== undefined) return sessionStorage.removeItem(rescueKey(dbName));
  for (let i = sessionStorage.length - 1; i >= 0; i--) {
    const k = sessionStorage.key(i);
    if (k?.startsWith(KEY_PREFIX)) sessionStorage.removeItem(k);
  }
}

function rescueKey(dbName: string): string {
  return `${KEY_PREFIX}${dbName}`;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
