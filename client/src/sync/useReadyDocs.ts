import { useEffect, useState } from 'react';
import type { DocConnection } from './docConnection';

/**
 * The names of the docs that have synced with the server at least once (and stay so offline): the
 * many-doc form of `useHasSynced`. Forms wait for this before they let anyone type.
 */
export function useSyncedDocs(connections: ReadonlyMap<string, DocConnection>): ReadonlySet<string> {
  const [synced, setSynced] = useState<ReadonlySet<string>>(new Set());
  useEffect(() => {
    const mark = (docName: string) => setSynced((prev) => (prev.has(docName) ? prev : new Set([...prev, docName])));
    const offs = [...connections].map(([docName, { provider }]) => {
      if (provider.synced) mark(docName);
      const onSync = (state: boolean) => {
        if (state) mark(docName);
      };
      provider.on('sync', onSync);
      return () => provider.off('sync', onSync);
    });
    return () => offs.forEach((off) => off());
  }, [connections]);
  return synced;
}
