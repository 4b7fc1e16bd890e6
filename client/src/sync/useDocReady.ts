import { useEffect, useState } from 'react';
import type { WebsocketProvider } from 'y-websocket';

/**
 * True once the doc has synced with the server at least once, and stays true offline.
 * Editors wait for this so a first keystroke never builds a second copy of text that is still loading.
 */
export function useHasSynced(provider: WebsocketProvider): boolean {
  const [synced, setSynced] = useState(provider.synced);
  useEffect(() => {
    if (provider.synced) setSynced(true);
    const onSync = (state: boolean) => {
      if (state) setSynced(true);
    };
    provider.on('sync', onSync);
    return () => provider.off('sync', onSync);
  }, [provider]);
  return synced;
}
