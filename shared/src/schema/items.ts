import * as Y from 'yjs';
import { newId } from '../ids';
import { isRole, type Role } from '../permissions/roles';
import type { FieldSpec, FieldSpecs, Item, ItemInput, ItemPatch, ValueField } from './fields';
import { isIsoInstant, isNonEmptyString, isRecord } from './guards';
import { InvalidData } from './invalid';
import { setText } from './textDiff';

/**
 * Who makes a change. Every mutator takes one and stamps it on the item (DESIGN.md §1: "every item says
 * who entered it").
 *
 * @example { memberId: 'm1', role: 'ouder', name: 'Lisa de Boer' }
 * @example // the jeugdbeschermer writing in the own doc of a child under 12 (issue #5, "namens")
 *   { memberId: 'm0', role: 'jeugdbeschermer', name: 'Sanne Visser', namens: { memberId: 'm6', name: 'Mila' } }
 */
export interface Author {
  readonly memberId: string;
  readonly role: Role;
  readonly name: string;
  /** When, as an ISO instant; defaults to now. Tests and templates pass a fixed time. */
  readonly at?: string;
  /** Set when someone writes on behalf of another member (a child under 12). */
  readonly namens?: { readonly memberId: string; readonly name: string };
}

/** A stored stamp: `created` and `updated` of every item. */
export interface Attribution {
  readonly memberId: string;
  readonly role: Role;
  readonly name: string;
  readonly at: string;
  readonly namens?: { readonly memberId: string; readonly name: string };
}

/** The stamp for a change by `author` now (or at `author.at`). */
export function stamp(author: Author): Attribution {
  const at = author.at ?? new Date().toISOString();
  const base = { memberId: author.memberId, role: author.role, name: author.name, at };
  return author.namens ? { ...base, namens: { memberId: author.namens.memberId, name: author.namens.name } } : base;
}

/** True for a well-formed stored stamp. */
export function isAttribution(value: unknown): value is Attribution {
  if (!isRecord(value)) return false;
  const { memberId, role, name, at, namens } = value;
  if (typeof memberId !== 'string' || !isRole(role) || typeof name !== 'string' || !isIsoInstant(at)) return false;
  return namens === undefined || (isRecord(namens) && typeof namens.memberId === 'string' && typeof namens.name === 'string');
}

/** Keys every item map holds besides its fields. */
const ID = 'id';
const CREATED = 'created';
const UPDATED = 'updated';
/** A fractional sort key: reordering sets one number instead of delete + re-insert (see `lists.ts`). */
export const ORDER = 'volgorde';
/** The keys every item map carries besides its fields: bookkeeping, not what a person wrote. */
export const ITEM_META_KEYS: ReadonlySet<string> = new Set([ID, CREATED, UPDATED, ORDER]);
const RESERVED = ITEM_META_KEYS;

/** Throws when a spec uses a reserved key; called once when a list is defined. */
export function assertSpec(spec: FieldSpecs, where: string): void {
  for (const [name, field] of Object.entries(spec)) {
    if (RESERVED.has(name)) throw new Error(`${where}: field name ${name} is reserved`);
    if (field.kind === 'list') assertSpec(field.item, `${where}.${name}`);
  }
}

/** The id stored in an item map, or null. */
export function itemId(map: Y.Map<unknown>): string | null {
  const id = map.get(ID);
  return isNonEmptyString(id) ? id : null;
}

/** The sort key of an item map; items without one sort last. */
export function itemOrder(map: Y.Map<unknown>): number {
  const v = map.get(ORDER);
  return typeof v === 'number' && Number.isFinite(v) ? v : Number.MAX_VALUE;
}

/**
 * Appends a new item map to `container` and fills it. Must run inside a transaction. Returns the id.
 * The map is integrated first and filled after, so nested Y types are created in the same transaction.
 */
export function insertItem<S extends FieldSpecs>(
  container: Y.Array<Y.Map<unknown>>,
  spec: S,
  input: ItemInput<S>,
  author: Author,
  order: number,
  id: string = newId(),
  /** The original stamp, when an item comes back from a frozen version (issue #8: who entered it stays true). */
  created?: Attribution,
): string {
  // Yjs cannot roll a transaction back, so every value is checked before the first write.
  assertInput(spec, input, '');
  const map = new Y.Map<unknown>();
  container.push([map]);
  const s = stamp(author);
  map.set(ID, id);
  map.set(CREATED, created ?? s);
  map.set(UPDATED, s);
  map.set(ORDER, order);
  const raw = input as Record<string, unknown>;
  for (const [name, field] of Object.entries(spec)) writeNewField(map, name, field, raw[name], author);
  return id;
}

function writeNewField(map: Y.Map<unknown>, name: string, field: FieldSpec, value: unknown, author: Author): void {
  switch (field.kind) {
    case 'text':
      map.set(name, new Y.Text(typeof value === 'string' ? value : ''));
      return;
    case 'value':
      map.set(name, checkedValue(field, value === undefined ? field.fallback : value, name));
      return;
    case 'list': {
      const nested = new Y.Array<Y.Map<unknown>>();
      map.set(name, nested);
      const items = Array.isArray(value) ? (value as ItemInput<FieldSpecs>[]) : [];
      items.forEach((sub, i) => insertItem(nested, field.item, sub, author, i + 1));
      return;
    }
    default: {
      const never: never = field;
      return never;
    }
  }
}

function assertInput(spec: FieldSpecs, input: ItemInput<FieldSpecs>, prefix: string): void {
  for (const [name, value] of Object.entries(input as Record<string, unknown>)) {
    const field = spec[name];
    const path = `${prefix}${name}`;
    if (value === undefined) continue;
    if (!field) throw new InvalidData(path, 'no such field');
    if (field.kind === 'text' && typeof value !== 'string') throw new InvalidData(path, 'expected text');
    if (field.kind === 'value') checkedValue(field, value, path);
    if (field.kind === 'list') {
      if (!Array.isArray(value)) throw new InvalidData(path, 'expected a list');
      value.forEach((sub: ItemInput<FieldSpecs>, i) => assertInput(field.item, sub, `${path}[${i}].`));
    }
  }
}

/** Writers refuse a wrong value at once (a score of 11 is a bug, not a warning); readers fall back instead. */
function checkedValue(field: ValueField<unknown>, value: unknown, name: string): unknown {
  if (!field.check(value)) throw new InvalidData(name, `value ${JSON.stringify(value)} does not fit this field`);
  return value;
}

/** Reads an item map into a plain item; null for a map without a valid id or stamp (not an item). */
export function readItem<S extends FieldSpecs>(spec: S, map: Y.Map<unknown>): Item<S> | null {
  const id = itemId(map);
  const created = map.get(CREATED);
  if (id === null || !isAttribution(created)) return null;
  const updated = map.get(UPDATED);
  const out: Record<string, unknown> = { id, created, updated: isAttribution(updated) ? updated : created };
  for (const [name, field] of Object.entries(spec)) out[name] = readField(field, map.get(name));
  return out as Item<S>;
}

function readField(field: FieldSpec, raw: unknown): unknown {
  switch (field.kind) {
    case 'text':
      return raw instanceof Y.Text ? raw.toString() : typeof raw === 'string' ? raw : '';
    case 'value':
      return field.check(raw) ? raw : field.fallback;
    case 'list':
      return raw instanceof Y.Array ? readItems(field.item, raw as Y.Array<Y.Map<unknown>>) : [];
    default: {
      const never: never = field;
      return never;
    }
  }
}

/** The items of a list in display order: by sort key, ties broken by id so every replica agrees. */
export function readItems<S extends FieldSpecs>(spec: S, container: Y.Array<Y.Map<unknown>>): Item<S>[] {
  return sortedMaps(container)
    .map((map) => readItem(spec, map))
    .filter((item): item is Item<S> => item !== null);
}

/** The item maps of a container in display order. */
export function sortedMaps(container: Y.Array<Y.Map<unknown>>): Y.Map<unknown>[] {
  const maps = container.toArray().filter((m): m is Y.Map<unknown> => m instanceof Y.Map && itemId(m) !== null);
  return maps.sort((a, b) => itemOrder(a) - itemOrder(b) || compareIds(itemId(a), itemId(b)));
}

function compareIds(a: string | null, b: string | null): number {
  return (a ?? '') < (b ?? '') ? -1 : (a ?? '') > (b ?? '') ? 1 : 0;
}

/** Writes the changed fields of a patch and stamps `updated`; unchanged values write nothing. */
export function patchItem<S extends FieldSpecs>(spec: S, map: Y.Map<unknown>, patch: ItemPatch<S>, author: Author): void {
  const entries = Object.entries(patch as Record<string, unknown>).filter(([, value]) => value !== undefined);
  for (const [name, value] of entries) {
    const field = spec[name];
    if (!field || field.kind === 'list') throw new InvalidData(name, 'no such field to update');
    if (field.kind === 'text' && typeof value !== 'string') throw new InvalidData(name, 'expected text');
    if (field.kind === 'value') checkedValue(field, value, name);
  }
  let changed = false;
  for (const [name, value] of entries) changed = patchField(map, name, spec[name] as FieldSpec, value) || changed;
  if (changed) map.set(UPDATED, stamp(author));
}

function patchField(map: Y.Map<unknown>, name: string, field: FieldSpec, value: unknown): boolean {
  if (field.kind === 'text') {
    const current = map.get(name);
    if (current instanceof Y.Text) {
      if (current.toString() === value) return false;
      setText(current, value as string);
    } else {
      map.set(name, new Y.Text(value as string));
    }
    return true;
  }
  if (field.kind !== 'value') return false;
  if (JSON.stringify(map.get(name)) === JSON.stringify(value)) return false;
  map.set(name, value);
  return true;
}
