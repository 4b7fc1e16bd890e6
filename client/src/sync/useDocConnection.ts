import { useEffect, useState } from 'react';
import { openDocConnection, type CaretUser, type DocConnection } from './docConnection';
import { useSyncStatusStore } from './syncStatusContext';

/**
 * Opens one doc while the calling component is mounted (one Y.Doc and one provider per doc),
 * and closes it on unmount. Returns null until the connection exists.
 */
export function useDocConnection(planId: string, docName: string, user: CaretUser): DocConnection | null {
  const store = useSyncStatusStore();
  const [connection, setConnection] = useState<DocConnection | null>(null);
  const { memberId, name, role, color } = user;

  useEffect(() => {
    const opened = openDocConnection({
      planId,
      docName,
      user: { memberId, name, role, color },
      onEvent: (event) => store.dispatch(docName, event),
    });
    setConnection(opened);
    return () => {
      opened.destroy();
      store.remove(docName);
      setConnection(null);
    };
  }, [planId, docName, memberId, name, role, color, store]);

  return connection;
}
