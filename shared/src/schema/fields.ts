import type { MessageKey } from '../i18n/nl';
import type { Attribution } from './items';
import { arrayOf, isBoolean, isIsoDate, isNonEmptyString, nullable, oneOf, type Guard, type IsoDate } from './guards';

/**
 * Field specs: one table per item type says which fields an item has and how each is stored. The generic
 * list engine (`lists.ts`), the template validator and the forms of the client all read these tables, so a
 * field is declared once.
 *
 * - `text`: a Y.Text inside the item's Y.Map. Two people typing in the same field merge per character
 *   ("co-edit live like prose", issue #5), while the UI can still treat it as a plain string.
 * - `value`: a plain JSON value (date, enum, number, id, discriminated union); concurrent writes: last wins.
 * - `list`: a nested Y.Array of items (e.g. the actions under a goal), created together with its parent so
 *   two clients never race to create it.
 */
export interface TextField {
  readonly kind: 'text';
  readonly labelKey: MessageKey;
}

/** A plain value, checked on every read; a stored value that fails `check` reads as `fallback`. */
export interface ValueField<V> {
  readonly kind: 'value';
  readonly labelKey: MessageKey;
  readonly check: Guard<V>;
  readonly fallback: V;
  /** For fields that hold ids: replaces each id with `resolve(id)` (templates write refs, the doc holds ids). */
  mapIds?(value: V, resolve: (ref: string) => string): V;
  /** How a form shows this field; the client has one widget per `ValueInput` kind. */
  readonly input?: ValueInput;
}

/** One choice of an enum field, with the i18n key of its Dutch name. */
export interface EnumOption {
  readonly value: string | number;
  readonly labelKey: MessageKey;
}

/**
 * How a form shows a value field, declared with the field so the field is declared once (issue #5).
 * Plain data; the client maps each kind to one widget.
 *
 * - `enum`: one of `options` (a select); `allowEmpty` adds "not chosen" for a nullable field.
 * - `ref` / `refs`: the id(s) of other items: a gevaarszin pair, a goal, a plan member; persons, actions.
 * - the others name the shape of the value: `date`, `yesNo`, `line` (a short plain string), `wie`,
 *   `wanneer`, `score`, `doelStatus`, `actieStatus`, `leeftijd`, `prioriteit`, `betwistDoel`, and `voorstel`
 *   (set by the server when a proposal is adopted: shown, never edited).
 */
export type ValueInput =
  | { readonly kind: 'enum'; readonly options: readonly EnumOption[]; readonly allowEmpty: boolean }
  | { readonly kind: 'ref'; readonly to: 'gevaarszin' | 'doel' | 'lid' }
  | { readonly kind: 'refs'; readonly to: 'persoon' | 'actie' }
  | {
      readonly kind:
        | 'date'
        | 'yesNo'
        | 'line'
        | 'wie'
        | 'wanneer'
        | 'score'
        | 'doelStatus'
        | 'actieStatus'
        | 'leeftijd'
        | 'prioriteit'
        | 'betwistDoel'
        | 'voorstel';
    };

/** A nested list of items of spec `S`. */
export interface ListField<S extends FieldSpecs> {
  readonly kind: 'list';
  readonly labelKey: MessageKey;
  readonly item: S;
}

/** Any field spec. */
export type FieldSpec = TextField | ValueField<unknown> | ListField<FieldSpecs>;

/** The fields of one item type, by name. Names `id`, `created`, `updated` and `volgorde` are reserved. */
export type FieldSpecs = { readonly [name: string]: FieldSpec };

/** Specs with value fields only: the single-record blocks (plankop, the gewogen oordeel) at a doc's root. */
export type ValueSpecs = { readonly [name: string]: ValueField<unknown> };

/** The read type of one field. */
export type ValueOf<F> =
  F extends TextField ? string : F extends ValueField<infer V> ? V : F extends ListField<infer S> ? readonly Item<S>[] : never;

/** The fields of an item as plain values. */
export type Fields<S extends FieldSpecs> = { readonly [K in keyof S]: ValueOf<S[K]> };

/** What every list item carries besides its fields (DESIGN.md §4: stable id and attribution). */
export interface ItemMeta {
  readonly id: string;
  readonly created: Attribution;
  /** The last change to a field of this item; equal to `created` until then. */
  readonly updated: Attribution;
}

/** One list item as read from a doc. */
export type Item<S extends FieldSpecs> = ItemMeta & Fields<S>;

/** The input type of one field when adding an item. */
export type InputOf<F> = F extends ListField<infer S> ? readonly ItemInput<S>[] : ValueOf<F>;

/** The fields to add an item with; a missing field starts empty (text '', value its fallback, list []). */
export type ItemInput<S extends FieldSpecs> = { readonly [K in keyof S]?: InputOf<S[K]> };

/** The fields to change on an item; nested lists change through their own accessor. */
export type ItemPatch<S extends FieldSpecs> = {
  readonly [K in keyof S as S[K] extends ListField<FieldSpecs> ? never : K]?: ValueOf<S[K]>;
};

/** A text field (stored as Y.Text). */
export function textField(labelKey: MessageKey): TextField {
  return { kind: 'text', labelKey };
}

/** A plain value field. Example: `valueField('field.x', oneOf(SOORTEN), 'feit')`. */
export function valueField<V>(
  labelKey: MessageKey,
  check: Guard<V>,
  fallback: V,
  mapIds?: (value: V, resolve: (ref: string) => string) => V,
): ValueField<V> {
  return mapIds ? { kind: 'value', labelKey, check, fallback, mapIds } : { kind: 'value', labelKey, check, fallback };
}

/** A nested list of items. */
export function listField<S extends FieldSpecs>(labelKey: MessageKey, item: S): ListField<S> {
  return { kind: 'list', labelKey, item };
}

/** The same field, shown in forms with `input`. Example: `withInput(idField('field.x'), { kind: 'ref', to: 'doel' })`. */
export function withInput<V>(field: ValueField<V>, input: ValueInput): ValueField<V> {
  return { ...field, input };
}

/** The `enum` input of a list of values. Example: `enumInput(SOORTEN, soortLabelKey)`. */
export function enumInput<const T extends readonly (string | number)[]>(
  values: T,
  labelKey: (value: T[number]) => MessageKey,
  allowEmpty = false,
): ValueInput {
  return { kind: 'enum', options: values.map((value) => ({ value, labelKey: labelKey(value) })), allowEmpty };
}

/** A calendar date or nothing. */
export function dateField(labelKey: MessageKey): ValueField<IsoDate | null> {
  return withInput(valueField(labelKey, nullable(isIsoDate), null), { kind: 'date' });
}

/** One of a fixed list of values; `optionLabelKey` names each value in forms. */
export function enumField<const T extends readonly string[]>(
  labelKey: MessageKey,
  values: T,
  fallback: T[number],
  optionLabelKey?: (value: T[number]) => MessageKey,
): ValueField<T[number]> {
  const field = valueField(labelKey, oneOf(values), fallback);
  return optionLabelKey ? withInput(field, enumInput(values, optionLabelKey)) : field;
}

/** Yes, no, or not known yet. */
export function yesNoField(labelKey: MessageKey): ValueField<boolean | null> {
  return withInput(valueField(labelKey, nullable(isBoolean), null), { kind: 'yesNo' });
}

/** The id of another item (of this doc or, for disputes, of `gezamenlijk`), or nothing. */
export function idField(labelKey: MessageKey): ValueField<string | null> {
  return valueField(labelKey, nullable(isNonEmptyString), null, (v, resolve) => (v === null ? null : resolve(v)));
}

/** A list of ids of other items, e.g. the children (persons) a worry concerns. */
export function idsField(labelKey: MessageKey): ValueField<readonly string[]> {
  return valueField(labelKey, arrayOf(isNonEmptyString), [], (v, resolve) => v.map(resolve));
}
