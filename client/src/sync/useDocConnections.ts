import { useEffect, useState } from 'react';
import { openDocConnection, type CaretUser, type DocConnection } from './docConnection';
import { useSyncStatusStore } from './syncStatusContext';

/**
 * Opens several docs of one plan while the calling component is mounted (one Y.Doc and one provider
 * each) and closes them on unmount or when the list changes. The map fills in once the effect has run.
 * For a fixed single doc `useDocConnection` is simpler; this serves the plan page, which reads every
 * member's own doc to show their worries, proposals, disputes and scores in the shared blocks.
 */
export function useDocConnections(planId: string, docNames: readonly string[], user: CaretUser): ReadonlyMap<string, DocConnection> {
  const store = useSyncStatusStore();
  const [connections, setConnections] = useState<ReadonlyMap<string, DocConnection>>(new Map());
  const { memberId, name, role, color } = user;
  const key = docNames.join('\n');

  useEffect(() => {
    const names = key === '' ? [] : key.split('\n');
    const opened = new Map<string, DocConnection>();
    for (const docName of names) {
      opened.set(
        docName,
        openDocConnection({
          planId,
          docName,
          user: { memberId, name, role, color },
          onEvent: (event) => store.dispatch(docName, event),
        }),
      );
    }
    setConnections(opened);
    return () => {
      for (const [docName, connection] of opened) {
        connection.destroy();
        store.remove(docName);
      }
      setConnections(new Map());
    };
  }, [planId, key, memberId, name, role, color, store]);

  return connections;
}
