import { useEffect, useSyncExternalStore } from 'react';
import { unsavedChanges } from './saveStatus';
import type { SyncStatusStore } from './syncStatusStore';

/**
 * Asks the browser to warn before the page is left while any change is not saved (issue #9). The work is
 * kept on the device and sent on the next visit, but a member who closes the tab should know it has not
 * reached the server yet. The listener exists only while needed (it keeps the page out of the back/forward cache).
 */
export function useUnloadWarning(store: SyncStatusStore): void {
  const unsaved = useSyncExternalStore(store.subscribe, () => unsavedChanges(store.getSnapshot().docs.values()) > 0);
  useEffect(() => {
    if (!unsaved) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers show the dialog only when returnValue is set.
      event.returnValue = true;
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved]);
}
