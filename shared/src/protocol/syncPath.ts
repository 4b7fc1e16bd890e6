import { isSafeId } from '../ids';

/** The path prefix of the sync endpoint: `/sync/<planId>/<docName>` (DESIGN.md §7). */
export const SYNC_PATH_PREFIX = '/sync';

/** Builds the sync path for one doc of a plan. Example: `syncPath('p1', 'gezamenlijk')` → `/sync/p1/gezamenlijk`. */
export function syncPath(planId: string, docName: string): string {
  return `${SYNC_PATH_PREFIX}/${planId}/${docName}`;
}

/** Parses a request path (query string allowed) into plan and doc name, or null when it is not a sync path. */
export function parseSyncPath(path: string): { planId: string; docName: string } | null {
  const clean = path.split('?')[0] ?? '';
  const parts = clean.split('/');
  // ['', 'sync', planId, docName]
  if (parts.length !== 4 || parts[0] !== '' || `/${parts[1]}` !== SYNC_PATH_PREFIX) return null;
  const planId = parts[2] ?? '';
  const docName = parts[3] ?? '';
  if (!isSafeId(planId) || !/^[a-z]+(-[A-Za-z0-9_-]+)?$/.test(docName)) return null;
  return { planId, docName };
}
