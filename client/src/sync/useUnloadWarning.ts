import { useEffect } from 'react';
import { unsavedChanges } from './saveStatus';
import type { SyncStatusStore } from './syncStatusStore';

/**
 * Asks the browser to warn before the page is left while any change is not saved (issue #9). The work is
 * kept on the device and sent on the next visit, but a member who closes the tab should know it has not
 * reached the server yet. The listener exists only while needed (it keeps the page out of the back/forward cache).
 *
 * It follows the store directly, not through React state: every keystroke makes one change unsaved until its
 * `saved` arrives, and a render of the calling page for each would delay the frame that shows the letter.
 */
export function useUnloadWarning(store: SyncStatusStore): void {
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers show the dialog only when returnValue is set.
      event.returnValue = true;
    };
    let warning = false;
    const follow = () => {
      const unsaved = unsavedChanges(store.getSnapshot().docs.values()) > 0;
      if (unsaved === warning) return;
      warning = unsaved;
      if (unsaved) window.addEventListener('beforeunload', warn);
      else window.removeEventListener('beforeunload', warn);
    };
    follow();
    const unsubscribe = store.subscribe(follow);
    return () => {
      unsubscribe();
      window.removeEventListener('beforeunload', warn);
    };
  }, [store]);
}
