import { ApiError, logout } from '../api/apiClient';
import { removeAppShell } from './appShell';
import { eraseMemberCopies } from './deviceCopies';
import type { LocalDocKey } from './localDbNames';
import { forgetStartData } from './startCache';
import { dropRescued } from './unloadRescue';

/**
 * "Afmelden op dit apparaat" (issue #9): ends the session on the server and removes everything of this member
 * from the device: every doc copy in IndexedDB (of every plan), changes rescued across a reload, the kept
 * session and plan views, and the app-shell service worker with its cache. Call it after the plan's docs are closed.
 *
 * Without a network the session cannot be ended on the server; the device is cleared all the same, because
 * on a shared device that is what the member asked for.
 */
export async function signOutOnDevice(memberId: string, known: readonly LocalDocKey[]): Promise<void> {
  await logout().catch((error: unknown) => {
    // Already signed out (401) or offline (0): the local part still has to happen.
    if (!(error instanceof ApiError)) throw error;
  });
  dropRescued();
  await Promise.all([eraseMemberCopies(memberId, known), forgetStartData(), removeAppShell().catch(() => undefined)]);
}
