import type * as Y from 'yjs';
import type { FieldSpecs, ItemMeta, ListField } from '../../../shared/src/schema/fields';
import type { Author } from '../../../shared/src/schema/items';
import { nestedList, type AnyListAccessor, type ListAccessor, type NestedListAccessor } from '../../../shared/src/schema/lists';
import type { AnyRecordAccessor } from '../../../shared/src/schema/records';
import type { ValueSpecs } from '../../../shared/src/schema/fields';

/** An item as the generic forms see it: its meta and its fields by name. */
export type AnyItem = ItemMeta & { readonly [field: string]: unknown };

/**
 * One list of one doc, bound to the signed-in author: what a list of cards needs to change it. Root and
 * nested lists look the same here, so one card component serves both. Every write goes through the
 * typed accessors of `shared/schema` (one transaction, author stamped).
 */
export interface ListBinding {
  readonly spec: FieldSpecs;
  /** Adds an item at the end; `input` fills some fields (a new score round starts today). */
  add(input?: Readonly<Record<string, unknown>>): string | null;
  update(id: string, patch: Readonly<Record<string, unknown>>): boolean;
  remove(id: string): boolean;
  move(id: string, toIndex: number): boolean;
  /** The current text of a text field, straight from the doc (null when the item is gone). */
  readText(id: string, field: string): string | null;
  /** The list in field `field` of item `parentId`. */
  nested(parentId: string, field: string): ListBinding;
}

type LooseList = ListAccessor<FieldSpecs>;
type LooseNested = NestedListAccessor<FieldSpecs>;

const nestedCache = new WeakMap<object, Map<string, LooseNested>>();

function nestedOf(parent: LooseList, field: string): LooseNested {
  let byField = nestedCache.get(parent);
  if (!byField) nestedCache.set(parent, (byField = new Map()));
  let nested = byField.get(field);
  if (!nested) byField.set(field, (nested = nestedList(parent, field) as unknown as LooseNested));
  return nested;
}

function textOf(item: AnyItem | null | undefined, field: string): string | null {
  const value = item?.[field];
  return typeof value === 'string' ? value : null;
}

/** Binds a root list accessor (any list of `LISTS_V2`) to a doc and an author. */
export function bindList(doc: Y.Doc, list: AnyListAccessor, author: Author): ListBinding {
  const loose = list as unknown as LooseList;
  return {
    spec: loose.spec,
    add: (input) => loose.add(doc, author, input as never),
    update: (id, patch) => loose.update(doc, author, id, patch as never),
    remove: (id) => loose.remove(doc, id),
    move: (id, toIndex) => loose.move(doc, id, toIndex),
    readText: (id, field) => textOf(loose.get(doc, id) as AnyItem | null, field),
    nested: (parentId, field) => {
      if (loose.spec[field]?.kind !== 'list') throw new Error(`${field} is no list field`);
      return bindNested(doc, nestedOf(loose, field), parentId, author);
    },
  };
}

function bindNested(doc: Y.Doc, list: LooseNested, parentId: string, author: Author): ListBinding {
  const find = (id: string) => (list.read(doc, parentId) as AnyItem[]).find((i) => i.id === id);
  return {
    spec: list.spec,
    add: (input) => list.add(doc, author, parentId, input as never),
    update: (id, patch) => list.update(doc, author, parentId, id, patch as never),
    remove: (id) => list.remove(doc, parentId, id),
    move: (id, toIndex) => list.move(doc, parentId, id, toIndex),
    readText: (id, field) => textOf(find(id), field),
    nested: () => {
      // Schema v2 nests one level only (actions under a goal, evidence under a criterion).
      throw new Error('lists nest one level deep');
    },
  };
}

/** The field specs of the list in field `field` of `spec`. */
export function nestedSpec(spec: FieldSpecs, field: string): FieldSpecs {
  const f = spec[field];
  if (f?.kind !== 'list') throw new Error(`${field} is no list field`);
  return (f as ListField<FieldSpecs>).item;
}

/** One record of one doc, bound to the signed-in author. */
export interface RecordBinding {
  readonly spec: ValueSpecs;
  update(patch: Readonly<Record<string, unknown>>): void;
}

/** Binds a record accessor (the plankop, the gewogen oordeel's who and date). */
export function bindRecord(doc: Y.Doc, record: AnyRecordAccessor, author: Author): RecordBinding {
  return {
    spec: record.spec,
    update: (patch) => record.update(doc, author, patch),
  };
}
