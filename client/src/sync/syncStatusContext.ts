import { createContext, useContext } from 'react';
import type { SyncStatusStore } from './syncStatusStore';

/** The plan page's save-status store; every doc connection on the page reports into it. */
export const SyncStatusContext = createContext<SyncStatusStore | null>(null);

/** The store of the surrounding plan page; a doc connection outside one is a programming error. */
export function useSyncStatusStore(): SyncStatusStore {
  const store = useContext(SyncStatusContext);
  if (!store) throw new Error('useSyncStatusStore outside SyncStatusContext');
  return store;
}
