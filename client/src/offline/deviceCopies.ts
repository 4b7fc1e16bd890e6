import { databaseNames, deleteDatabase } from './idb';
import { localDocDbNames, parseLocalDocDbName, type LocalDocKey } from './localDbNames';

/**
 * The doc copies of one member on this device (both databases of each doc). Where the browser cannot
 * list its databases, `known` (the docs the page knows of) stands in.
 */
async function memberCopies(memberId: string, known: readonly LocalDocKey[]): Promise<{ name: string; key: LocalDocKey }[]> {
  const listed = await databaseNames().catch(() => []);
  const names = listed.length > 0 ? listed : known.flatMap((k) => Object.values(localDocDbNames(k)));
  return names.flatMap((name) => {
    const key = parseLocalDocDbName(name);
    return key && key.memberId === memberId ? [{ name, key }] : [];
  });
}

/**
 * Rights changed (4409) or the plan view changed: keeps the copies of docs the member may still read and
 * deletes the others, so a doc taken away does not stay readable on the device.
 */
export async function dropUnreadableCopies(planId: string, memberId: string, readable: readonly string[]): Promise<void> {
  const keep = new Set(readable);
  const copies = await memberCopies(memberId, []);
  const gone = copies.filter(({ key }) => key.planId === planId && !keep.has(key.docName));
  await Promise.all(gone.map(({ name }) => deleteDatabase(name).catch(() => undefined)));
}

/** Deletes every doc copy of this member, of every plan ("Afmelden op dit apparaat"). */
export async function eraseMemberCopies(memberId: string, known: readonly LocalDocKey[]): Promise<void> {
  const copies = await memberCopies(memberId, known);
  await Promise.all(copies.map(({ name }) => deleteDatabase(name)));
}
