import type * as Y from 'yjs';
import { ACTIE_STATUS_KINDS, DOEL_STATUS_KINDS } from '../../shared/src/schema/blocks/doelStatus';
import { VOORTGANG } from '../../shared/src/schema/blocks/evaluatie';
import { CRITERIUM_STATUSES, VENSTERS } from '../../shared/src/schema/blocks/goedGenoeg';
import { KADERS, PLAN_STATUSES } from '../../shared/src/schema/blocks/plankop';
import { SOORTEN } from '../../shared/src/schema/blocks/tijdlijn';
import { KRACHT_TYPES, ZORG_TYPES } from '../../shared/src/schema/blocks/zorgenKrachten';
import type { FieldSpec, FieldSpecs, ItemMeta, ValueField } from '../../shared/src/schema/fields';
import type { Author } from '../../shared/src/schema/items';
import { nestedList, type ListAccessor, type NestedListAccessor } from '../../shared/src/schema/lists';
import { appendParagraphs } from '../../shared/src/schema/proseText';
import { proseKeysV2, proseV2 } from '../../shared/src/schema/proseV2';
import type { AnyRecordAccessor } from '../../shared/src/schema/records';
import { listsOf, recordsOf } from '../../shared/src/schema/registryV2';
import { pick, randomInt, type Rng } from './seededRng';

/**
 * Random edits of the structured blocks of `gezamenlijk`, made only through the typed accessors of
 * `shared/schema`, with values that pass the fields' guards. The lists, nested lists and records are walked
 * from the registry, so a block added to the schema is fuzzed without touching this file.
 */

/** One writer: its replica, who it is, its random source, and how it makes ids. */
export interface Editor {
  readonly doc: Y.Doc;
  readonly author: Author;
  readonly rng: Rng;
  /** Member ids of the plan, for `wie` and `voorstel` values. */
  readonly memberIds: readonly string[];
  /** A new item id; drawn from the seed so a run's ids repeat with it. */
  newId(): string;
  /** Item ids this writer has seen lately, for id fields (a removed item's id is a valid dangling ref). */
  readonly seenIds: string[];
}

/** An editor whose ids start with `prefix` (unique per writer) and continue with the seed. */
export function createEditor(doc: Y.Doc, author: Author, rng: Rng, memberIds: readonly string[], prefix: string): Editor {
  let n = 0;
  return { doc, author, rng, memberIds, seenIds: [], newId: () => `${prefix}-${(n++).toString(36)}-${randomInt(rng, 0x100000000).toString(36)}` };
}

interface NestedTarget {
  readonly key: string;
  readonly list: NestedListAccessor<FieldSpecs>;
}

interface ListTarget {
  readonly key: string;
  readonly list: ListAccessor<FieldSpecs>;
  readonly nested: readonly NestedTarget[];
}

/** Every root list of `gezamenlijk`, each with the accessors of its nested lists (acties, bewijs, …). */
export const LIST_TARGETS: readonly ListTarget[] = Object.entries(listsOf('gezamenlijk')).map(([key, loose]) => {
  // The registry types each list loosely; every root list is a full ListAccessor.
  const list = loose as ListAccessor<FieldSpecs>;
  const nested = Object.entries(list.spec)
    .filter(([, field]) => field.kind === 'list')
    .map(([field]) => ({ key: `${key}.${field}`, list: nestedList(list, field) as unknown as NestedListAccessor<FieldSpecs> }));
  return { key, list, nested };
});

/** Every record of `gezamenlijk` (plankop, kaartOordeel). */
export const RECORD_TARGETS: readonly { key: string; record: AnyRecordAccessor }[] = Object.entries(recordsOf('gezamenlijk')).map(
  ([key, record]) => ({ key, record }),
);

/** Lists that get half of the edits, so writers collide on the same items often. */
const HOT_LISTS = ['doelen', 'zorgen', 'tijdlijn', 'goedGenoeg'];

/** Words with accents, an emoji (a surrogate pair) and a ZWJ sequence, to stress text merging. */
const WORDS = ['oma', 'school', 'avond', 'ruzie', 'rust', 'veilig', 'bellen', 'één', 'café', 'Noah', 'Mila', 'afspraak', 'wijkteam', '😀', '👨‍👩‍👧', 'straße', 'zorg', 'kracht'];

/** Makes one random edit through the typed accessors; returns a short description for the trace. */
export function randomEdit(e: Editor): string {
  const x = e.rng() * 100;
  if (x < 24) return addItem(e, pickList(e));
  if (x < 50) return updateItem(e, pickList(e));
  if (x < 60) return moveItem(e, pickList(e));
  if (x < 67) return removeItem(e, pickList(e));
  if (x < 92) return nestedEdit(e);
  if (x < 97) return updateRecord(e);
  return appendProse(e);
}

/** Values a value field may be given: every candidate that passes its guard (at least its fallback). */
export function valuesFor(field: ValueField<unknown>, rng: Rng, ids: readonly string[], memberIds: readonly string[]): unknown[] {
  const passing = candidates(rng, ids, memberIds).filter((v) => field.check(v));
  return passing.length > 0 ? passing : [field.fallback];
}

function pickList(e: Editor): ListTarget {
  if (e.rng() < 0.5) {
    const hot = LIST_TARGETS.filter((t) => HOT_LISTS.includes(t.key));
    if (hot.length > 0) return pick(e.rng, hot);
  }
  return pick(e.rng, LIST_TARGETS);
}

/** Half the time one of the first three items, so concurrent writers often touch the same one. */
function pickItem<T>(rng: Rng, items: readonly T[]): T | null {
  if (items.length === 0) return null;
  return rng() < 0.5 ? (items[randomInt(rng, Math.min(3, items.length))] as T) : pick(rng, items);
}

/** Reads a list and remembers its ids for id fields. */
function readList<T extends ItemMeta>(e: Editor, items: readonly T[]): readonly T[] {
  for (const item of items.slice(0, 8)) e.seenIds.push(item.id);
  if (e.seenIds.length > 64) e.seenIds.splice(0, e.seenIds.length - 64);
  return items;
}

function addItem(e: Editor, t: ListTarget): string {
  const count = readList(e, t.list.read(e.doc)).length;
  const index = e.rng() < 0.6 ? undefined : randomInt(e.rng, count + 1);
  const id = t.list.add(e.doc, e.author, randomInput(e, t.list.spec, true) as never, { id: e.newId(), ...(index === undefined ? {} : { index }) });
  return `add ${t.key}#${id}${index === undefined ? '' : ` @${index}`}`;
}

function updateItem(e: Editor, t: ListTarget): string {
  const item = pickItem(e.rng, readList(e, t.list.read(e.doc)));
  if (!item) return addItem(e, t);
  const patch = randomPatch(e, t.list.spec, item);
  t.list.update(e.doc, e.author, item.id, patch as never);
  return `update ${t.key}#${item.id} {${Object.keys(patch).join(',')}}`;
}

function moveItem(e: Editor, t: ListTarget): string {
  const items = readList(e, t.list.read(e.doc));
  const item = pickItem(e.rng, items);
  if (!item) return addItem(e, t);
  const to = randomInt(e.rng, items.length);
  t.list.move(e.doc, item.id, to);
  return `move ${t.key}#${item.id} →${to}`;
}

function removeItem(e: Editor, t: ListTarget): string {
  const item = pickItem(e.rng, readList(e, t.list.read(e.doc)));
  if (!item) return addItem(e, t);
  t.list.remove(e.doc, item.id);
  return `remove ${t.key}#${item.id}`;
}

/** Edits a nested list (half the time the actions under a goal). */
function nestedEdit(e: Editor): string {
  const parents = LIST_TARGETS.filter((t) => t.nested.length > 0);
  if (parents.length === 0) return addItem(e, pickList(e));
  const doelen = parents.find((t) => t.key === 'doelen');
  const parent = doelen && e.rng() < 0.5 ? doelen : pick(e.rng, parents);
  const owner = pickItem(e.rng, readList(e, parent.list.read(e.doc)));
  if (!owner) return addItem(e, parent);
  const n = pick(e.rng, parent.nested);
  const items = readList(e, n.list.read(e.doc, owner.id));
  const item = pickItem(e.rng, items);
  const x = e.rng();
  const where = `${n.key}@${owner.id}`;
  if (!item || x < 0.35) {
    const index = e.rng() < 0.6 ? undefined : randomInt(e.rng, items.length + 1);
    const id = n.list.add(e.doc, e.author, owner.id, randomInput(e, n.list.spec, false) as never, { id: e.newId(), ...(index === undefined ? {} : { index }) });
    return `add ${where}#${id}`;
  }
  if (x < 0.7) {
    const patch = randomPatch(e, n.list.spec, item);
    n.list.update(e.doc, e.author, owner.id, item.id, patch as never);
    return `update ${where}#${item.id} {${Object.keys(patch).join(',')}}`;
  }
  if (x < 0.85) {
    const to = randomInt(e.rng, items.length);
    n.list.move(e.doc, owner.id, item.id, to);
    return `move ${where}#${item.id} →${to}`;
  }
  n.list.remove(e.doc, owner.id, item.id);
  return `remove ${where}#${item.id}`;
}

function updateRecord(e: Editor): string {
  if (RECORD_TARGETS.length === 0) return addItem(e, pickList(e));
  const { key, record } = pick(e.rng, RECORD_TARGETS);
  const fields = Object.entries(record.spec).filter(() => e.rng() < 0.5);
  const ids = knownIds(e);
  const patch = Object.fromEntries(fields.map(([name, field]) => [name, pick(e.rng, valuesFor(field, e.rng, ids, e.memberIds))]));
  record.update(e.doc, e.author, patch);
  return `update ${key} {${Object.keys(patch).join(',')}}`;
}

function appendProse(e: Editor): string {
  const key = pick(e.rng, proseKeysV2('gezamenlijk'));
  appendParagraphs(proseV2(e.doc, 'gezamenlijk', key), [randomText(e.rng)]);
  return `prose ${key}`;
}

/** Input for a new item: most fields filled; nested lists get up to two items of their own. */
function randomInput(e: Editor, spec: FieldSpecs, withNested: boolean): Record<string, unknown> {
  const ids = knownIds(e);
  const input: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(spec)) {
    if (e.rng() < 0.3) continue;
    if (field.kind === 'list') {
      if (withNested) input[name] = Array.from({ length: randomInt(e.rng, 3) }, () => randomInput(e, field.item, false));
    } else {
      input[name] = randomValue(e, field, '', ids);
    }
  }
  return input;
}

/** A patch of one to three fields: text fields edited in place (so merges happen per character), values replaced. */
function randomPatch(e: Editor, spec: FieldSpecs, item: ItemMeta): Record<string, unknown> {
  const names = Object.entries(spec).filter(([, f]) => f.kind !== 'list');
  const ids = knownIds(e);
  const patch: Record<string, unknown> = {};
  const count = 1 + randomInt(e.rng, 3);
  for (let i = 0; i < count && names.length > 0; i++) {
    const [name, field] = pick(e.rng, names);
    patch[name] = randomValue(e, field, (item as unknown as Record<string, unknown>)[name], ids);
  }
  return patch;
}

function randomValue(e: Editor, field: FieldSpec, current: unknown, ids: readonly string[]): unknown {
  if (field.kind === 'text') return editText(e.rng, typeof current === 'string' ? current : '');
  if (field.kind === 'value') return pick(e.rng, valuesFor(field, e.rng, ids, e.memberIds));
  throw new Error('nested lists change through their own accessor');
}

/** Ids an id field may point at: items this writer saw lately, or an unknown one. */
function knownIds(e: Editor): readonly string[] {
  return e.seenIds.length > 0 ? e.seenIds : ['onbekend'];
}

function randomText(rng: Rng): string {
  return Array.from({ length: 1 + randomInt(rng, 4) }, () => pick(rng, WORDS)).join(' ');
}

/** Inserts, deletes, replaces or appends, cutting only between code points (as a text field in a browser does). */
function editText(rng: Rng, current: string): string {
  const cps = Array.from(current);
  const at = randomInt(rng, cps.length + 1);
  switch (randomInt(rng, 4)) {
    case 0:
      return [...cps.slice(0, at), ` ${randomText(rng)} `, ...cps.slice(at)].join('');
    case 1:
      return [...cps.slice(0, at), ...cps.slice(at + 1 + randomInt(rng, 6))].join('');
    case 2:
      return randomText(rng);
    default:
      return `${current} ${pick(rng, WORDS)}`;
  }
}

function randomDate(rng: Rng): string {
  const month = String(1 + randomInt(rng, 12)).padStart(2, '0');
  const day = String(1 + randomInt(rng, 28)).padStart(2, '0');
  return `${2025 + randomInt(rng, 3)}-${month}-${day}`;
}

/** A pool of values of every shape the schema stores; each value field keeps those its guard accepts. */
function candidates(rng: Rng, ids: readonly string[], memberIds: readonly string[]): unknown[] {
  const id = pick(rng, ids);
  const text = randomText(rng);
  const date = randomDate(rng);
  const memberId = memberIds.length > 0 ? pick(rng, memberIds) : 'onbekend';
  return [
    null,
    true,
    false,
    date,
    randomDate(rng),
    text,
    '',
    randomInt(rng, 11),
    ...KADERS,
    ...PLAN_STATUSES,
    ...SOORTEN,
    ...ZORG_TYPES,
    ...KRACHT_TYPES,
    ...CRITERIUM_STATUSES,
    ...VENSTERS,
    ...VOORTGANG,
    ...DOEL_STATUS_KINDS.map((kind) => (kind === 'afgewezen' ? { kind, reden: text } : { kind })),
    ...ACTIE_STATUS_KINDS.map((kind) => (kind === 'gedaan' ? { kind, op: rng() < 0.5 ? null : date } : { kind })),
    { kind: 'lid', memberId },
    { kind: 'netwerk', naam: text },
    { kind: 'datum', datum: date },
    { kind: 'herhaling', tekst: text },
    { kind: 'leeftijd', jaren: randomInt(rng, 100) },
    { kind: 'geboortejaar', jaar: 1950 + randomInt(rng, 76) },
    { memberId, doelId: id },
    [],
    [id],
    [pick(rng, ids), pick(rng, ids)],
  ];
}
