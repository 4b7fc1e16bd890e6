import type * as Y from 'yjs';
import { readBlockOrder, type BlockKey } from './blockCatalog';
import type { DocKind } from './docNames';
import { readSchemaVersion } from './planSchema';
import { proseKeysV2, proseV2, type ProseKeyV2 } from './proseV2';
import { fragmentText } from './proseText';
import { listsOf, recordsOf, type ListsRead, type RecordsRead } from './registryV2';

/** A whole doc of schema v2 as plain data: for comparing replicas, structural diffs and exports. */
export interface DocReadV2<K extends DocKind> {
  readonly schemaVersion: number;
  /** The block order (meaningful for `gezamenlijk` only). */
  readonly blokken: readonly BlockKey[];
  readonly lists: ListsRead<K>;
  readonly records: RecordsRead<K>;
  /** Each prose field as plain text, one line per paragraph. */
  readonly prose: { readonly [P in ProseKeyV2<K>]: string };
}

/**
 * Reads every block of a doc into plain, typed data.
 *
 * @example readDocV2(doc, 'gezamenlijk').lists.doelen[0]?.acties
 */
export function readDocV2<K extends DocKind>(doc: Y.Doc, kind: K): DocReadV2<K> {
  const lists: Record<string, unknown> = {};
  for (const [key, list] of Object.entries(listsOf(kind))) lists[key] = list.read(doc);
  const records: Record<string, unknown> = {};
  for (const [key, record] of Object.entries(recordsOf(kind))) records[key] = record.read(doc);
  const prose: Record<string, string> = {};
  for (const key of proseKeysV2(kind)) prose[key] = fragmentText(proseV2(doc, kind, key));
  return {
    schemaVersion: readSchemaVersion(doc),
    blokken: readBlockOrder(doc),
    lists: lists as ListsRead<K>,
    records: records as RecordsRead<K>,
    prose: prose as DocReadV2<K>['prose'],
  };
}
