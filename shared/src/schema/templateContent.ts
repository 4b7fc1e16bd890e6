import type { DocKind } from './docNames';
import type { FieldSpecs, ValueField } from './fields';
import { isIsoDate, isRecord, type IsoDate } from './guards';
import { InvalidData } from './invalid';
import { PROSE_V2 } from './proseV2';
import { listsOf, recordsOf } from './registryV2';

/**
 * The content of one doc in a v2 template or seed, as parsed from JSON. In JSON:
 * `{ "tekst": { <prose key>: [paragraphs] }, "velden": { <record key>: { field: value } },
 *    "lijsten": { <list key>: [ { "ref"?, "door"?, "op"?, <field>: value, <nested list>: [items] } ] } }`.
 * Keys are the meanings of `PROSE_V2`, `RECORDS_V2` and `LISTS_V2`, never root names.
 */
export interface DocContentV2 {
  readonly prose: Readonly<Record<string, readonly string[]>>;
  readonly records: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  readonly lists: Readonly<Record<string, readonly TemplateItem[]>>;
}

/**
 * One list item in a template. Values stay as written until a plan is filled: fields that hold ids hold
 * refs (`"ref"` of another item, or of a seed member), and any date may be relative — `"vandaag"`,
 * `"vandaag+14"`, `"vandaag-30"` — so a demo made today has due dates around today.
 */
export interface TemplateItem {
  readonly ref: string | null;
  /** The seed member (by ref) who entered the item; default: whoever makes the plan. */
  readonly door: string | null;
  /** The day it was entered (may be relative); default: now. */
  readonly op: string | null;
  readonly values: Readonly<Record<string, unknown>>;
  readonly lists: Readonly<Record<string, readonly TemplateItem[]>>;
}

/** The refs a template or seed defines and uses; checked once the whole file is read. */
export interface RefBook {
  readonly defined: Map<string, string>;
  readonly used: { ref: string; path: string }[];
  readonly usedMembers: { ref: string; path: string }[];
}

/** A new, empty ref book. */
export function newRefBook(): RefBook {
  return { defined: new Map(), used: [], usedMembers: [] };
}

const RELATIVE_DATE = /^vandaag(?:([+-])(\d{1,4}))?$/;

/** The day `days` after `date`. */
export function addDays(date: IsoDate, days: number): IsoDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** A relative date (`vandaag±N`) as a real date, or null for anything else. */
export function relativeDate(value: string, today: IsoDate): IsoDate | null {
  const m = RELATIVE_DATE.exec(value);
  if (!m) return null;
  return addDays(today, m[1] === '-' ? -Number(m[2]) : Number(m[2] ?? 0));
}

/** Replaces every relative date inside a (nested) JSON value by a real date. */
export function resolveDates(value: unknown, today: IsoDate): unknown {
  if (typeof value === 'string') return relativeDate(value, today) ?? value;
  if (Array.isArray(value)) return value.map((v) => resolveDates(v, today));
  if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveDates(v, today)]));
  return value;
}

/** Validation resolves relative dates against a fixed day, only to see that they are dates. */
const CHECK_DAY = '2000-01-01';

/** Parses the content of one doc kind; throws `InvalidData` naming the first wrong field. */
export function parseDocContent(kind: DocKind, raw: unknown, path: string, refs: RefBook): DocContentV2 {
  const obj = objectAt(raw, path);
  for (const key of Object.keys(obj)) {
    if (key !== 'tekst' && key !== 'velden' && key !== 'lijsten') throw new InvalidData(`${path}.${key}`, 'expected tekst, velden or lijsten');
  }
  const prose: Record<string, readonly string[]> = {};
  for (const [key, value] of entriesAt(obj.tekst, `${path}.tekst`)) {
    const p = `${path}.tekst.${key}`;
    if (!(key in PROSE_V2[kind])) throw new InvalidData(p, `unknown prose field for ${kind}`);
    if (!Array.isArray(value)) throw new InvalidData(p, 'expected a list of paragraphs');
    prose[key] = value.map((t: unknown, i: number) => textAt(t, `${p}[${i}]`));
  }
  const records: Record<string, Record<string, unknown>> = {};
  for (const [key, value] of entriesAt(obj.velden, `${path}.velden`)) {
    const record = recordsOf(kind)[key];
    if (!record) throw new InvalidData(`${path}.velden.${key}`, `unknown record for ${kind}`);
    const fields: Record<string, unknown> = {};
    for (const [name, v] of entriesAt(value, `${path}.velden.${key}`)) {
      const field = record.spec[name];
      if (!field) throw new InvalidData(`${path}.velden.${key}.${name}`, 'unknown field');
      fields[name] = checkValue(field, v, `${path}.velden.${key}.${name}`, refs);
    }
    records[key] = fields;
  }
  const lists: Record<string, readonly TemplateItem[]> = {};
  for (const [key, value] of entriesAt(obj.lijsten, `${path}.lijsten`)) {
    const list = listsOf(kind)[key];
    if (!list) throw new InvalidData(`${path}.lijsten.${key}`, `unknown list for ${kind}`);
    lists[key] = parseItems(list.spec, value, `${path}.lijsten.${key}`, refs);
  }
  return { prose, records, lists };
}

function parseItems(spec: FieldSpecs, raw: unknown, path: string, refs: RefBook): TemplateItem[] {
  if (!Array.isArray(raw)) throw new InvalidData(path, 'expected a list of items');
  return raw.map((item: unknown, i: number) => parseItem(spec, item, `${path}[${i}]`, refs));
}

function parseItem(spec: FieldSpecs, raw: unknown, path: string, refs: RefBook): TemplateItem {
  const obj = objectAt(raw, path);
  const values: Record<string, unknown> = {};
  const lists: Record<string, readonly TemplateItem[]> = {};
  for (const [name, value] of Object.entries(obj)) {
    const p = `${path}.${name}`;
    if (name === 'ref' || name === 'door' || name === 'op') continue;
    const field = spec[name];
    if (!field) throw new InvalidData(p, 'unknown field');
    if (field.kind === 'text') values[name] = textAt(value, p);
    else if (field.kind === 'value') values[name] = checkValue(field, value, p, refs);
    else lists[name] = parseItems(field.item, value, p, refs);
  }
  const ref = optionalText(obj.ref, `${path}.ref`);
  if (ref !== null) {
    if (refs.defined.has(ref)) throw new InvalidData(`${path}.ref`, `ref ${ref} is already used at ${refs.defined.get(ref)}`);
    refs.defined.set(ref, path);
  }
  const door = optionalText(obj.door, `${path}.door`);
  if (door !== null) refs.usedMembers.push({ ref: door, path: `${path}.door` });
  const op = optionalText(obj.op, `${path}.op`);
  if (op !== null && !isIsoDate(relativeDate(op, CHECK_DAY) ?? op)) throw new InvalidData(`${path}.op`, 'expected a date');
  return { ref, door, op, values, lists };
}

function checkValue(field: ValueField<unknown>, raw: unknown, path: string, refs: RefBook): unknown {
  const value = resolveDates(raw, CHECK_DAY);
  if (!field.check(value)) throw new InvalidData(path, `value ${JSON.stringify(raw)} does not fit this field`);
  field.mapIds?.(value, (ref) => {
    refs.used.push({ ref, path });
    return ref;
  });
  return raw;
}

function objectAt(value: unknown, path: string): Record<string, unknown> {
  if (!isRecord(value)) throw new InvalidData(path || '(root)', 'expected an object');
  return value;
}

function entriesAt(value: unknown, path: string): [string, unknown][] {
  return value === undefined ? [] : Object.entries(objectAt(value, path));
}

function textAt(value: unknown, path: string): string {
  if (typeof value !== 'string') throw new InvalidData(path, 'expected text');
  return value;
}

function optionalText(value: unknown, path: string): string | null {
  if (value === undefined) return null;
  if (typeof value !== 'string' || value.trim() === '') throw new InvalidData(path, 'expected text');
  return value;
}
