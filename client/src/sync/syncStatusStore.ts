import type { NotProcessedNotice } from './docConnection';
import { applySaveEvent, initialDocSaveState, summarizeSaveStatus, type DocSaveState, type SaveEvent, type SaveSummary } from './saveStatus';

/** What the UI reads: every open doc's state and their summary. Replaced, never mutated. */
export interface SyncStatusSnapshot {
  readonly docs: ReadonlyMap<string, DocSaveState>;
  readonly summary: SaveSummary;
  /** Work the server did not take, shown in the "Niet verwerkt" panel until the user closes it. */
  readonly notices: readonly NoticeEntry[];
  /** Counts 4409 closes and socket (re)connects; the plan page fetches the plan view again when it grows. */
  readonly accessChanges: number;
}

/** One "Niet verwerkt" notice with an id for its panel entry. */
export interface NoticeEntry extends NotProcessedNotice {
  readonly id: number;
}

/** The save state of a plan page's open docs, for `useSyncExternalStore`. */
export interface SyncStatusStore {
  dispatch(docName: string, event: SaveEvent): void;
  remove(docName: string): void;
  /** Keeps a "Niet verwerkt" notice (only when it holds text) for the panel. */
  report(notice: NotProcessedNotice): void;
  dismissNotice(id: number): void;
  /** The member's rights may have changed (a 4409, or a socket (re)connected): the plan view is fetched again. */
  accessChanged(): void;
  subscribe(listener: () => void): () => void;
  getSnapshot(): SyncStatusSnapshot;
}

/** Creates an empty store; one per plan page, so nothing is shared between plans. */
export function createSyncStatusStore(): SyncStatusStore {
  let snapshot: SyncStatusSnapshot = { docs: new Map(), summary: summarizeSaveStatus([]), notices: [], accessChanges: 0 };
  const listeners = new Set<() => void>();
  let nextId = 1;

  const set = (next: SyncStatusSnapshot) => {
    snapshot = next;
    for (const listener of listeners) listener();
  };
  const publish = (docs: Map<string, DocSaveState>) => set({ ...snapshot, docs, summary: summarizeSaveStatus([...docs.values()]) });

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
    report(notice) {
      if (notice.lines.length === 0) return;
      set({ ...snapshot, notices: [...snapshot.notices, { ...notice, id: nextId++ }] });
    },
    dismissNotice(id) {
      set({ ...snapshot, notices: snapshot.notices.filter((n) => n.id !== id) });
    },
    accessChanged() {
      set({ ...snapshot, accessChanges: snapshot.accessChanges + 1 });
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => snapshot,
  };
}
