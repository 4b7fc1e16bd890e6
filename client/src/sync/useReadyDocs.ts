import { useEffect, useState } from 'react';
import type { DocConnection } from './docConnection';

/**
 * The names of the docs that may be edited (see `useDocReady`, of which this is the many-doc form).
 * Forms wait for this before they let anyone type.
 */
export function useReadyDocs(connections: ReadonlyMap<string, DocConnection>): ReadonlySet<string> {
  const [ready, setReady] = useState<ReadonlySet<string>>(new Set());
  useEffect(() => {
    const mark = (docName: string) => setReady((prev) => (prev.has(docName) ? prev : new Set([...prev, docName])));
    const offs = [...connections].map(([docName, connection]) => {
      if (connection.isReady()) mark(docName);
      return connection.onReady(() => mark(docName));
    });
    return () => offs.forEach((off) => off());
  }, [connections]);
  return ready;
}
