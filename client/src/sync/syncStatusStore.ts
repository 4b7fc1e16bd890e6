import { applySaveEvent, initialDocSaveState, summarizeSaveStatus, type DocSaveState, type SaveEvent, type SaveSummary } from './saveStatus';

/** What the UI reads: every open doc's state and their summary. Replaced, never mutated. */
export interface SyncStatusSnapshot {
  readonly docs: ReadonlyMap<string, DocSaveState>;
  readonly summary: SaveSummary;
}

/** The save state of a plan page's open docs, for `useSyncExternalStore`. */
export interface SyncStatusStore {
  dispatch(docName: string, event: SaveEvent): void;
  remove(docName: string): void;
  subscribe(listener: () => void): () => void;
  getSnapshot(): SyncStatusSnapshot;
}

/** Creates an empty store; one per plan page, so nothing is shared between plans. */
export function createSyncStatusStore(): SyncStatusStore {
  let snapshot: SyncStatusSnapshot = { docs: new Map(), summary: summarizeSaveStatus([]) };
  const listeners = new Set<() => void>();

  const publish = (docs: Map<string, DocSaveState>) => {
    snapshot = { docs, summary: summarizeSaveStatus([...docs.values()]) };
    for (const listener of listeners) listener();
  };

  return {
    dispatch(docName, event) {
      const docs = new Map(snapshot.docs);
      docs.set(docName, applySaveEvent(docs.get(docName) ?? initialDocSaveState, event));
      publish(docs);
    },
    remove(docName) {
      if (!snapshot.docs.has(docName)) return;
      const docs = new Map(snapshot.docs);
      docs.delete(docName);
      publish(docs);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => snapshot,
  };
}
