import * as Y from 'yjs';
import { BLOCK_INFO, type BlockKey } from './blockCatalog';
import type { FieldSpecs, ItemInput, ItemMeta, ItemPatch } from './fields';
import { insertItem, isAttribution, itemId, itemOrder, ORDER, patchItem, sortedMaps, type Author } from './items';
import { listContainer } from './lists';
import { writeFragmentJson, type ProseJson } from './proseJson';
import { proseV2 } from './proseV2';
import { listsOf, recordsOf } from './registryV2';

/** The content of `gezamenlijk` as a frozen version holds it (see `shared/src/versions/versionTypes.ts`). */
export interface GezamenlijkContent {
  readonly lists: Readonly<Record<string, readonly (ItemMeta & Readonly<Record<string, unknown>>)[]>>;
  readonly records: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  readonly prose: Readonly<Record<string, ProseJson>>;
}

/**
 * Copies one block of a frozen version back into the live common plan (issue #8, "Restore"), as a new
 * change by `author` inside the caller's transaction: items the version has are put back with their own id
 * and original "entered by", items added since are removed, changed fields get the version's value (and
 * the item's "changed by" becomes `author`), the order becomes the version's, records and prose get the
 * version's content. History is never rewritten: this is an ordinary change on top of it.
 *
 * @example rooms.change(planId, GEZAMENLIJK, (doc) => restoreBlock(doc, author, version.familie.gezamenlijk, 'doelen'))
 */
export function restoreBlock(doc: Y.Doc, author: Author, content: GezamenlijkContent, blok: BlockKey): void {
  const info = BLOCK_INFO[blok];
  doc.transact(() => {
    for (const key of info.lists) {
      const list = listsOf('gezamenlijk')[key];
      if (list) restoreItems(listContainer(list, doc), list.spec, content.lists[key] ?? [], author);
    }
    for (const key of info.records) {
      const record = recordsOf('gezamenlijk')[key];
      const values = content.records[key];
      if (!record || !values) continue;
      const patch = Object.fromEntries(Object.keys(record.spec).flatMap((name) => (name in values ? [[name, values[name]]] : [])));
      record.update(doc, author, patch);
    }
    for (const key of info.prose) writeFragmentJson(proseV2(doc, 'gezamenlijk', key), content.prose[key] ?? []);
  });
}

type AnyItem = ItemMeta & Readonly<Record<string, unknown>>;

/** Makes a list (root or nested) hold `items`, in their order, changing only what differs. */
function restoreItems(container: Y.Array<Y.Map<unknown>>, spec: FieldSpecs, items: readonly AnyItem[], author: Author): void {
  const wanted = new Set(items.map((item) => item.id));
  const all = container.toArray();
  for (let i = all.length - 1; i >= 0; i--) {
    const map = all[i];
    if (map instanceof Y.Map && !wanted.has(itemId(map) ?? '')) container.delete(i, 1);
  }
  const byId = new Map(sortedMaps(container).map((map) => [itemId(map) as string, map]));
  items.forEach((item, index) => {
    let map = byId.get(item.id);
    if (map) {
      patchItem(spec, map, patchOf(spec, item) as ItemPatch<FieldSpecs>, author);
    } else {
      const created = isAttribution(item.created) ? item.created : undefined;
      insertItem(container, spec, patchOf(spec, item) as ItemInput<FieldSpecs>, author, index + 1, item.id, created);
      map = container.get(container.length - 1);
    }
    for (const [name, field] of Object.entries(spec)) {
      if (field.kind !== 'list') continue;
      let nested = map.get(name);
      if (!(nested instanceof Y.Array)) {
        nested = new Y.Array<Y.Map<unknown>>();
        map.set(name, nested);
      }
      restoreItems(nested as Y.Array<Y.Map<unknown>>, field.item, Array.isArray(item[name]) ? (item[name] as AnyItem[]) : [], author);
    }
  });
  const order = sortedMaps(container).map((map) => itemId(map));
  if (order.join('\u0000') === items.map((i) => i.id).join('\u0000')) return;
  const maps = new Map(sortedMaps(container).map((map) => [itemId(map) as string, map]));
  items.forEach((item, index) => {
    const map = maps.get(item.id);
    if (map && itemOrder(map) !== index + 1) map.set(ORDER, index + 1);
  });
}

/** The text and value fields of an item as a patch (nested lists are restored one by one). */
function patchOf(spec: FieldSpecs, item: AnyItem): Record<string, unknown> {
  return Object.fromEntries(Object.entries(spec).flatMap(([name, field]) => (field.kind !== 'list' && item[name] !== undefined ? [[name, item[name]]] : [])));
}
