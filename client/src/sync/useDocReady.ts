import { useEffect, useState } from 'react';
import type { DocConnection } from './docConnection';

/**
 * True once the doc may be edited (`DocConnection.isReady`): synced with the server at least once, or loaded
 * from this device's copy of a doc that had synced before. Stays true offline.
 * Editors wait for this so a first keystroke never builds a second copy of text that is still loading.
 */
export function useDocReady(connection: DocConnection): boolean {
  const [ready, setReady] = useState(connection.isReady());
  useEffect(() => {
    setReady(connection.isReady());
    return connection.onReady(() => setReady(true));
  }, [connection]);
  return ready;
}
