import * as Y from 'yjs';
import type { FieldSpecs, Item, ItemInput, ItemMeta, ItemPatch, ListField } from './fields';
import { assertSpec, insertItem, itemId, itemOrder, ORDER, patchItem, readItem, readItems, sortedMaps, type Author } from './items';

/** Options for adding an item. */
export interface AddOptions {
  /** Where the item goes in display order; default: at the end. */
  readonly index?: number;
  /** A known id (templates resolving refs); default: a new random id. */
  readonly id?: string;
}

/**
 * Typed access to one list block at a doc's root (zorgen, doelen, …). Every mutator runs in one
 * `doc.transact` and stamps `author`; update, remove and move return false when the item is gone
 * (someone else removed it meanwhile), because that is normal in a shared plan.
 *
 * @example
 *   const id = zorgen.add(doc, author, { tekst: 'Harde ruzie in de avond', type: 'gevaar' });
 *   zorgen.update(doc, author, id, { soort: 'observatie' });
 *   zorgen.move(doc, id, 0);
 *   zorgen.read(doc); // [{ id, created, updated, tekst: 'Harde ruzie in de avond', type: 'gevaar', … }]
 */
export interface ListAccessor<S extends FieldSpecs> {
  /** The field table, for forms and template validation. */
  readonly spec: S;
  read(doc: Y.Doc): Item<S>[];
  get(doc: Y.Doc, id: string): Item<S> | null;
  add(doc: Y.Doc, author: Author, input?: ItemInput<S>, options?: AddOptions): string;
  update(doc: Y.Doc, author: Author, id: string, patch: ItemPatch<S>): boolean;
  remove(doc: Y.Doc, id: string): boolean;
  move(doc: Y.Doc, id: string, toIndex: number): boolean;
}

/** The same operations for a list nested in the items of another list (the actions under a goal). */
export interface NestedListAccessor<S extends FieldSpecs> {
  readonly spec: S;
  read(doc: Y.Doc, parentId: string): Item<S>[];
  add(doc: Y.Doc, author: Author, parentId: string, input?: ItemInput<S>, options?: AddOptions): string | null;
  update(doc: Y.Doc, author: Author, parentId: string, id: string, patch: ItemPatch<S>): boolean;
  remove(doc: Y.Doc, parentId: string, id: string): boolean;
  move(doc: Y.Doc, parentId: string, id: string, toIndex: number): boolean;
}

/** Any list accessor, for code that walks every list of a doc (whole-doc reads, templates). */
export interface AnyListAccessor {
  readonly spec: FieldSpecs;
  read(doc: Y.Doc): readonly ItemMeta[];
  add(doc: Y.Doc, author: Author, input?: ItemInput<FieldSpecs>, options?: AddOptions): string;
}

/** Internal: a root list accessor that can also hand out its item maps (for nested lists). */
interface RootListAccessor<S extends FieldSpecs> extends ListAccessor<S> {
  findMap(doc: Y.Doc, id: string): Y.Map<unknown> | null;
  container(doc: Y.Doc): Y.Array<Y.Map<unknown>>;
}

/** Defines the accessor of a list stored as a Y.Array at root `root`. Root names live in `rootsV2.ts`. */
export function rootList<S extends FieldSpecs>(root: string, spec: S): ListAccessor<S> {
  assertSpec(spec, root);
  const container = (doc: Y.Doc) => doc.getArray<Y.Map<unknown>>(root);
  const accessor: RootListAccessor<S> = {
    spec,
    read: (doc) => readItems(spec, container(doc)),
    get: (doc, id) => {
      const map = findIn(container(doc), id);
      return map ? readItem(spec, map) : null;
    },
    add: (doc, author, input = {}, options = {}) => transact(doc, () => addTo(container(doc), spec, input, author, options)),
    update: (doc, author, id, patch) => transact(doc, () => updateIn(container(doc), spec, id, patch, author)),
    remove: (doc, id) => transact(doc, () => removeFrom(container(doc), id)),
    move: (doc, id, toIndex) => transact(doc, () => moveIn(container(doc), id, toIndex)),
    findMap: (doc, id) => findIn(container(doc), id),
    container,
  };
  return accessor;
}

/** Defines the accessor of the list in field `field` of the items of `parent`. */
export function nestedList<P extends FieldSpecs, K extends keyof P & string>(
  parent: ListAccessor<P>,
  field: K,
): NestedListAccessor<P[K] extends ListField<infer S> ? S : never> {
  type S = P[K] extends ListField<infer T> ? T : never;
  const spec = (parent.spec[field] as unknown as ListField<S>).item;
  const { findMap } = parent as RootListAccessor<P>;
  const container = (doc: Y.Doc, parentId: string): Y.Array<Y.Map<unknown>> | null => {
    const nested = findMap(doc, parentId)?.get(field);
    return nested instanceof Y.Array ? (nested as Y.Array<Y.Map<unknown>>) : null;
  };
  return {
    spec,
    read: (doc, parentId) => {
      const c = container(doc, parentId);
      return c ? readItems(spec, c) : [];
    },
    add: (doc, author, parentId, input = {}, options = {}) =>
      transact(doc, () => {
        const c = container(doc, parentId);
        return c ? addTo(c, spec, input, author, options) : null;
      }),
    update: (doc, author, parentId, id, patch) =>
      transact(doc, () => {
        const c = container(doc, parentId);
        return c ? updateIn(c, spec, id, patch, author) : false;
      }),
    remove: (doc, parentId, id) => transact(doc, () => removeFromNullable(container(doc, parentId), id)),
    move: (doc, parentId, id, toIndex) =>
      transact(doc, () => {
        const c = container(doc, parentId);
        return c ? moveIn(c, id, toIndex) : false;
      }),
  };
}

/**
 * The Y.Map of one item of a root list. Only for code inside `shared/schema` that must write below the
 * typed surface (filling a plan from a template); everything else uses the accessors.
 */
export function findItemMap(list: AnyListAccessor, doc: Y.Doc, id: string): Y.Map<unknown> | null {
  return (list as unknown as RootListAccessor<FieldSpecs>).findMap(doc, id);
}

/**
 * The Y.Array of a root list. Only for code inside `shared/schema` that must write below the typed surface
 * (restoring a block from a frozen version, issue #8); everything else uses the accessors.
 */
export function listContainer(list: AnyListAccessor, doc: Y.Doc): Y.Array<Y.Map<unknown>> {
  return (list as unknown as RootListAccessor<FieldSpecs>).container(doc);
}

function transact<T>(doc: Y.Doc, fn: () => T): T {
  let out!: T;
  doc.transact(() => {
    out = fn();
  });
  return out;
}

function findIn(container: Y.Array<Y.Map<unknown>>, id: string): Y.Map<unknown> | null {
  for (const m of container.toArray()) if (m instanceof Y.Map && itemId(m) === id) return m as Y.Map<unknown>;
  return null;
}

function addTo<S extends FieldSpecs>(
  container: Y.Array<Y.Map<unknown>>,
  spec: S,
  input: ItemInput<S>,
  author: Author,
  options: AddOptions,
): string {
  const sorted = sortedMaps(container);
  const index = clampIndex(options.index ?? sorted.length, sorted.length);
  const order = orderBetween(sorted, index) ?? renumber(sorted, index);
  return insertItem(container, spec, input, author, order, options.id);
}

function updateIn<S extends FieldSpecs>(container: Y.Array<Y.Map<unknown>>, spec: S, id: string, patch: ItemPatch<S>, author: Author): boolean {
  const map = findIn(container, id);
  if (!map) return false;
  patchItem(spec, map, patch, author);
  return true;
}

function removeFrom(container: Y.Array<Y.Map<unknown>>, id: string): boolean {
  const arr = container.toArray();
  const index = arr.findIndex((m) => m instanceof Y.Map && itemId(m as Y.Map<unknown>) === id);
  if (index < 0) return false;
  container.delete(index, 1);
  return true;
}

function removeFromNullable(container: Y.Array<Y.Map<unknown>> | null, id: string): boolean {
  return container ? removeFrom(container, id) : false;
}

/**
 * Reorders by giving the item a sort key between its new neighbours. Unlike delete + re-insert this keeps
 * edits that others make to the item meanwhile, and two people moving the same item cannot duplicate it:
 * the last key written wins.
 */
function moveIn(container: Y.Array<Y.Map<unknown>>, id: string, toIndex: number): boolean {
  const sorted = sortedMaps(container);
  const map = sorted.find((m) => itemId(m) === id);
  if (!map) return false;
  const others = sorted.filter((m) => m !== map);
  const index = clampIndex(toIndex, others.length);
  const order = orderBetween(others, index) ?? renumber(others, index);
  if (itemOrder(map) !== order) map.set(ORDER, order);
  return true;
}

function clampIndex(index: number, length: number): number {
  return Math.max(0, Math.min(Number.isInteger(index) ? index : length, length));
}

/** A sort key for position `index` among `sorted`, or null when the neighbours' keys are too close. */
function orderBetween(sorted: readonly Y.Map<unknown>[], index: number): number | null {
  const before = index > 0 ? itemOrder(sorted[index - 1] as Y.Map<unknown>) : undefined;
  const after = index < sorted.length ? itemOrder(sorted[index] as Y.Map<unknown>) : undefined;
  if (before === Number.MAX_VALUE || after === Number.MAX_VALUE) return null;
  if (before === undefined && after === undefined) return 1;
  if (before === undefined) return (after as number) - 1;
  if (after === undefined) return before + 1;
  const mid = before + (after - before) / 2;
  return mid > before && mid < after ? mid : null;
}

/** Gives every item a fresh key 1, 2, 3 … leaving a gap at `index`; returns the key of that gap. */
function renumber(sorted: readonly Y.Map<unknown>[], index: number): number {
  sorted.forEach((m, i) => m.set(ORDER, i < index ? i + 1 : i + 2));
  return index + 1;
}
