import type * as Y from 'yjs';
import { readBlockOrder, type BlockKey } from '../../../shared/src/schema/blockCatalog';
import { LISTS_V2, RECORDS_V2, type ListsRead, type RecordsRead } from '../../../shared/src/schema/registryV2';

/** `gezamenlijk` as the plan page shows it: block order, every list and every record (prose stays in Tiptap). */
export interface GezamenlijkSnapshot {
  readonly blokken: readonly BlockKey[];
  readonly lists: ListsRead<'gezamenlijk'>;
  readonly records: RecordsRead<'gezamenlijk'>;
}

/** A member's own doc as the plan page shows it: its lists. */
export interface EigenSnapshot {
  readonly lists: ListsRead<'eigen'>;
}

/** Reads `gezamenlijk` through the typed accessors; a v1 or migrated doc reads as empty lists. */
export function readGezamenlijk(doc: Y.Doc): GezamenlijkSnapshot {
  const lists: Record<string, unknown> = {};
  for (const [key, list] of Object.entries(LISTS_V2.gezamenlijk)) lists[key] = list.read(doc);
  const records: Record<string, unknown> = {};
  for (const [key, record] of Object.entries(RECORDS_V2.gezamenlijk)) records[key] = record.read(doc);
  return {
    blokken: readBlockOrder(doc),
    lists: lists as ListsRead<'gezamenlijk'>,
    records: records as RecordsRead<'gezamenlijk'>,
  };
}

/** Reads a member's own doc through the typed accessors. */
export function readEigen(doc: Y.Doc): EigenSnapshot {
  const lists: Record<string, unknown> = {};
  for (const [key, list] of Object.entries(LISTS_V2.eigen)) lists[key] = list.read(doc);
  return { lists: lists as ListsRead<'eigen'> };
}
