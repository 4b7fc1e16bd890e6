import { useEffect, useState } from 'react';
import { openDocConnection, type CaretUser, type DocConnection } from './docConnection';
import type { SyncStatusStore } from './syncStatusStore';
import { useSyncStatusStore } from './syncStatusContext';

/**
 * Opens several docs of one plan while the calling component is mounted (one Y.Doc and one provider
 * each) and closes them on unmount or when the list changes. The map fills in once the effect has run.
 * For a fixed single doc `useDocConnection` is simpler; this serves the plan page, which reads every
 * member's own doc to show their worries, proposals, disputes and scores in the shared blocks.
 *
 * When the server refuses a change (issue #6), the refused text goes to the "Niet verwerkt" panel and that
 * doc is reopened with a fresh Y.Doc: the map gets a new connection for it, and the editors bind to that.
 */
export function useDocConnections(
  planId: string,
  docNames: readonly string[],
  user: CaretUser,
  docMaxBytes?: number,
): ReadonlyMap<string, DocConnection> {
  const store = useSyncStatusStore();
  const [connections, setConnections] = useState<ReadonlyMap<string, DocConnection>>(new Map());
  const { memberId, name, role, color } = user;
  const key = docNames.join('\n');

  useEffect(() => {
    const names = key === '' ? [] : key.split('\n');
    const opened = new Map<string, DocConnection>();
    const open = (docName: string) =>
      openResettable({ planId, docName, user: { memberId, name, role, color }, store, docMaxBytes }, (fresh) => {
        opened.get(docName)?.destroy();
        opened.set(docName, fresh);
        setConnections(new Map(opened));
      });
    for (const docName of names) opened.set(docName, open(docName));
    setConnections(new Map(opened));
    return () => {
      for (const [docName, connection] of opened) {
        connection.destroy();
        store.remove(docName);
      }
      opened.clear();
      setConnections(new Map());
    };
  }, [planId, key, memberId, name, role, color, store, docMaxBytes]);

  return connections;
}

/**
 * Opens a doc whose refused changes are reported to the store and discarded by reopening it fresh;
 * `replace` receives each new connection (the old one is still open then, and is the caller's to destroy).
 */
export function openResettable(
  options: { planId: string; docName: string; user: CaretUser; store: SyncStatusStore; docMaxBytes?: number },
  replace: (fresh: DocConnection) => void,
): DocConnection {
  const { planId, docName, user, store, docMaxBytes } = options;
  return openDocConnection({
    planId,
    docName,
    user,
    docMaxBytes,
    onEvent: (event) => store.dispatch(docName, event),
    onAccessChanged: () => store.accessChanged(),
    onNotProcessed: (notice) => {
      store.report(notice);
      if (!notice.reset) return;
      store.remove(docName);
      replace(openResettable(options, replace));
    },
  });
}
