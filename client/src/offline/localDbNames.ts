import { isSafeId } from '../../../shared/src/ids';
import { parseDocName } from '../../../shared/src/schema/docNames';

/** Every IndexedDB database of the app starts with this, so that sign-out can find them all. */
const PREFIX = 'gezinsplan';
const SERVER_SUFFIX = 'server';

/** The database that keeps the last session and plan view for an offline start. */
export const START_DB_NAME = `${PREFIX}/start`;

/** Which doc of which member a local database belongs to. */
export interface LocalDocKey {
  readonly planId: string;
  readonly memberId: string;
  readonly docName: string;
}

/** The two databases of one doc on this device: the doc as the member has it, and what the server confirmed. */
export interface LocalDocDbNames {
  readonly doc: string;
  readonly server: string;
}

/**
 * The database names of one member's copy of one doc: per member, plan and doc, so that another member on
 * the same browser never opens this member's copy, and one doc can be dropped alone.
 *
 * @example localDocDbNames({ planId: 'p1', memberId: 'm1', docName: 'gezamenlijk' }).doc // 'gezinsplan/p1/m1/gezamenlijk'
 */
export function localDocDbNames(key: LocalDocKey): LocalDocDbNames {
  const doc = `${PREFIX}/${key.planId}/${key.memberId}/${key.docName}`;
  return { doc, server: `${doc}/${SERVER_SUFFIX}` };
}

/** Reads a database name back into its doc key, or null for a name that is not a doc copy of this app. */
export function parseLocalDocDbName(name: string): LocalDocKey | null {
  const parts = name.split('/');
  if (parts[0] !== PREFIX || (parts.length !== 4 && !(parts.length === 5 && parts[4] === SERVER_SUFFIX))) return null;
  const [, planId = '', memberId = '', docName = ''] = parts;
  if (!isSafeId(planId) || !isSafeId(memberId) || parseDocName(docName) === null) return null;
  return { planId, memberId, docName };
}
