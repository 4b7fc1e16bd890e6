import type * as Y from 'yjs';
import { listField, valueField, type Item } from '../fields';
import { arrayOf, isIsoInstant, isNonEmptyString, isRecord, isString, nullable, oneOf, type Guard } from '../guards';
import { isAttribution, stamp, type Attribution, type Author } from '../items';
import { nestedList, rootList } from '../lists';
import { LATEST_SCHEMA_VERSION } from '../migrations';
import { readSchemaVersion, writeSchemaVersion } from '../planSchema';
import { v2Root } from '../rootsV2';

/**
 * The comment threads of issue #7, in both comment docs (`opmerkingen` and `opmerkingen-intern`, one layout).
 * Only the server writes them, as its own transaction, after `can` said yes: so every thread's `created` (the
 * starter) and every reaction's `created` (its author and time) are the server's stamp and cannot be forged.
 * The mutators below are the only writes; clients read with `draden.read`.
 */

/**
 * The anchor as stored: an open JSON object tagged by `kind`. Readers turn it into a known anchor or "unknown"
 * (`comments/threadAnchor.ts`), so a new kind of anchor (a block of a frozen version) needs no migration.
 */
export type StoredAnchor = { readonly kind: string } & { readonly [key: string]: unknown };

export const isStoredAnchor: Guard<StoredAnchor> = (v): v is StoredAnchor => isRecord(v) && typeof v.kind === 'string';

export const THREAD_STATUSES = ['open', 'opgelost'] as const;
export type ThreadStatus = (typeof THREAD_STATUSES)[number];

/** Where a copied thread came from: an "alleen professionals" thread copied to everyone, and who did it. */
export interface CopiedFrom {
  readonly draadId: string;
  readonly door: Attribution;
}

const isCopiedFrom: Guard<CopiedFrom> = (v): v is CopiedFrom => isRecord(v) && isNonEmptyString(v.draadId) && isAttribution(v.door);

const reactieSpec = {
  /** Plain text with line breaks, at most 5,000 characters (`comments/commentText.ts`); '' once deleted. */
  tekst: valueField('opmerking.veld.tekst', isString, ''),
  /** Members mentioned with @name, found by the server in the text. */
  vermeldingen: valueField('opmerking.veld.vermeldingen', arrayOf(isNonEmptyString), [] as readonly string[]),
  bewerktOp: valueField('opmerking.veld.bewerktOp', nullable(isIsoInstant), null),
  /** Set when its author deleted it: the reaction stays in place as "verwijderd", its text is gone. */
  verwijderdOp: valueField('opmerking.veld.verwijderdOp', nullable(isIsoInstant), null),
};

/**
 * The threads of one comment doc. `created` is the starter; the first reaction is the opening comment.
 *
 * @example draden.read(doc).filter((d) => d.status === 'open')
 */
export const draden = rootList(v2Root('opmerkingen', 'draden'), {
  anker: valueField('opmerking.veld.anker', nullable(isStoredAnchor), null),
  /** Members whose words the anchor points at (the item's author, the own doc's owner): "reacties op mijn tekst". */
  over: valueField('opmerking.veld.over', arrayOf(isNonEmptyString), [] as readonly string[]),
  status: valueField('opmerking.veld.status', oneOf(THREAD_STATUSES), 'open'),
  /** Who last resolved or reopened the thread, and when. */
  statusDoor: valueField('opmerking.veld.statusDoor', nullable(isAttribution), null),
  gekopieerdUit: valueField('opmerking.veld.gekopieerdUit', nullable(isCopiedFrom), null),
  reacties: listField('opmerking.veld.reacties', reactieSpec),
});

/** The reactions of a thread, oldest first. */
export const reacties = nestedList(draden, 'reacties');

export type Draad = Item<typeof draden.spec>;
export type Reactie = Item<typeof reactieSpec>;

/** What a new thread holds besides its starter: the anchor, whose words it is about, and the opening comment. */
export interface NewThread {
  readonly anker: StoredAnchor;
  readonly over: readonly string[];
  readonly tekst: string;
  readonly vermeldingen: readonly string[];
}

/** Starts a thread with its opening comment, in one transaction; returns the thread's and the comment's ids. */
export function startThread(doc: Y.Doc, author: Author, thread: NewThread): { draadId: string; reactieId: string } {
  let ids!: { draadId: string; reactieId: string };
  doc.transact(() => {
    // The first thread makes the doc a schema-versioned doc, so later migrations know where it stands.
    if (readSchemaVersion(doc) === 0) writeSchemaVersion(doc, LATEST_SCHEMA_VERSION);
    const draadId = draden.add(doc, author, { anker: thread.anker, over: thread.over });
    const reactieId = reacties.add(doc, author, draadId, { tekst: thread.tekst, vermeldingen: thread.vermeldingen }) as string;
    ids = { draadId, reactieId };
  });
  return ids;
}

/**
 * Copies a thread into another comment doc (an "alleen professionals" thread made visible to everyone): the
 * anchor and every reaction not deleted, each with its own author and time, and the copy says who copied it.
 */
export function copyThread(target: Y.Doc, source: Draad, copier: Author): string {
  let id!: string;
  target.transact(() => {
    if (readSchemaVersion(target) === 0) writeSchemaVersion(target, LATEST_SCHEMA_VERSION);
    const anker = source.anker ?? { kind: 'unknown' };
    id = draden.add(target, source.created, { anker, over: source.over, gekopieerdUit: { draadId: source.id, door: stamp(copier) } });
    for (const r of source.reacties.filter((x) => x.verwijderdOp === null)) {
      reacties.add(target, r.created, id, { tekst: r.tekst, vermeldingen: r.vermeldingen, bewerktOp: r.bewerktOp });
    }
  });
  return id;
}

/** Replaces the text of a reaction (its author's edit); false when the thread or reaction is gone or deleted. */
export function editReaction(doc: Y.Doc, author: Author, draadId: string, reactieId: string, tekst: string, vermeldingen: readonly string[]): boolean {
  const current = findReaction(doc, draadId, reactieId);
  if (!current || current.verwijderdOp !== null) return false;
  const at = author.at ?? new Date().toISOString();
  return reacties.update(doc, { ...author, at }, draadId, reactieId, { tekst, vermeldingen, bewerktOp: at });
}

/** Deletes a reaction's text and keeps it in place as "verwijderd"; false when it is gone or deleted already. */
export function deleteReaction(doc: Y.Doc, author: Author, draadId: string, reactieId: string): boolean {
  const current = findReaction(doc, draadId, reactieId);
  if (!current || current.verwijderdOp !== null) return false;
  const at = author.at ?? new Date().toISOString();
  return reacties.update(doc, { ...author, at }, draadId, reactieId, { tekst: '', vermeldingen: [], verwijderdOp: at });
}

/** Resolves or reopens a thread, stamping who did it; false when the thread is gone. */
export function setThreadStatus(doc: Y.Doc, author: Author, draadId: string, status: ThreadStatus): boolean {
  return draden.update(doc, author, draadId, { status, statusDoor: stamp(author) });
}

/** One reaction of one thread, or null. */
export function findReaction(doc: Y.Doc, draadId: string, reactieId: string): Reactie | null {
  return reacties.read(doc, draadId).find((r) => r.id === reactieId) ?? null;
}
