import { useEffect, useState } from 'react';
import type { CaretUser, DocConnection } from './docConnection';
import { useSyncStatusStore } from './syncStatusContext';
import { openResettable } from './useDocConnections';

/**
 * Opens one doc while the calling component is mounted (one Y.Doc and one provider per doc),
 * and closes it on unmount. Returns null until the connection exists. A refused change reopens it fresh.
 */
export function useDocConnection(planId: string, docName: string, user: CaretUser, docMaxBytes?: number): DocConnection | null {
  const store = useSyncStatusStore();
  const [connection, setConnection] = useState<DocConnection | null>(null);
  const { memberId, name, role, color } = user;

  useEffect(() => {
    let current: DocConnection | null = null;
    current = openResettable({ planId, docName, user: { memberId, name, role, color }, store, docMaxBytes }, (fresh) => {
      current?.destroy();
      current = fresh;
      setConnection(fresh);
    });
    setConnection(current);
    return () => {
      current?.destroy();
      store.remove(docName);
      setConnection(null);
    };
  }, [planId, docName, memberId, name, role, color, store, docMaxBytes]);

  return connection;
}
