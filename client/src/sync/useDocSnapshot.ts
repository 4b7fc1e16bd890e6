import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { oncePerFrame } from './oncePerFrame';
import { shareStructure } from './shareStructure';

/**
 * A plain read of a doc (`read(doc)`) that follows every change, local or remote, at most once a frame.
 * Unchanged parts keep their identity between reads (`shareStructure`), so components that get only
 * their part can skip work. `read` must be stable (a module-level function or a memoized callback).
 */
export function useDocSnapshot<T>(doc: Y.Doc, read: (doc: Y.Doc) => T): T {
  const [snapshot, setSnapshot] = useState(() => read(doc));
  useEffect(() => {
    const refresh = () => {
      const next = read(doc);
      setSnapshot((prev) => shareStructure(prev, next));
    };
    const frame = oncePerFrame(refresh);
    refresh();
    doc.on('update', frame.request);
    return () => {
      doc.off('update', frame.request);
      frame.cancel();
    };
  }, [doc, read]);
  return snapshot;
}

/** The same for several docs at once (every member's own doc), by key; a doc not read yet is missing. */
export function useDocSnapshots<T>(docs: ReadonlyMap<string, Y.Doc>, read: (doc: Y.Doc) => T): ReadonlyMap<string, T> {
  const [snapshots, setSnapshots] = useState<ReadonlyMap<string, T>>(new Map());
  useEffect(() => {
    const entries = [...docs];
    const refresh = (key: string, doc: Y.Doc) => {
      const next = read(doc);
      setSnapshots((prev) => {
        const old = prev.get(key);
        const shared = old === undefined ? next : shareStructure(old, next);
        if (shared === old) return prev;
        const out = new Map(prev);
        out.set(key, shared);
        return out;
      });
    };
    const listeners = entries.map(([key, doc]) => {
      const frame = oncePerFrame(() => refresh(key, doc));
      refresh(key, doc);
      doc.on('update', frame.request);
      return () => {
        doc.off('update', frame.request);
        frame.cancel();
      };
    });
    setSnapshots((prev) => new Map([...prev].filter(([key]) => docs.has(key))));
    return () => listeners.forEach((off) => off());
  }, [docs, read]);
  return snapshots;
}
