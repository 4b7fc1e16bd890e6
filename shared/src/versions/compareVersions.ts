import type { MessageKey } from '../i18n/nl';
import { BLOCK_INFO, type BlockKey } from '../schema/blockCatalog';
import type { ScoreRonde } from '../schema/blocks/eigen';
import type { DocKind } from '../schema/docNames';
import type { FieldSpec, FieldSpecs, ItemMeta, ValueInput } from '../schema/fields';
import { latestScores } from '../schema/eigenViews';
import { proseJsonText } from '../schema/proseJson';
import { proseInfoV2, proseKeysV2 } from '../schema/proseV2';
import { listsOf, recordsOf } from '../schema/registryV2';
import { hasChanges, wordDiff, type DiffPart } from './wordDiff';
import type { DocRendering, FamilieRendering, ProfessioneelRendering, VersionMember } from './versionTypes';

/** One field of an item or record that differs between the two sides. */
export type FieldChange =
  | { readonly kind: 'text'; readonly field: string; readonly labelKey: MessageKey; readonly parts: readonly DiffPart[] }
  | {
      readonly kind: 'value';
      readonly field: string;
      readonly labelKey: MessageKey;
      readonly input: ValueInput | undefined;
      readonly before: unknown;
      readonly after: unknown;
    };

/** A plain list item, as the diff carries it (its fields by name, plus id and attribution). */
export type AnyItem = ItemMeta & Readonly<Record<string, unknown>>;

/** An item on both sides whose fields or nested items differ. */
export interface ItemChange {
  readonly id: string;
  readonly before: AnyItem;
  readonly after: AnyItem;
  readonly fields: readonly FieldChange[];
  /** Nested lists (the actions of a goal, the evidence of a criterion) that changed. */
  readonly nested: readonly ListDiff[];
}

/** The differences in one list: items only the newer side has, only the older side has, and changed ones. */
export interface ListDiff {
  /** The list key (`doelen`, `zorgen`, …) or, for a nested list, the field name (`acties`). */
  readonly list: string;
  readonly spec: FieldSpecs;
  readonly added: readonly AnyItem[];
  readonly removed: readonly AnyItem[];
  readonly changed: readonly ItemChange[];
}

/** A rich-text field whose text changed, as a word diff. */
export interface ProseChange {
  readonly key: string;
  readonly labelKey: MessageKey;
  readonly parts: readonly DiffPart[];
}

/** A single-record block (plankop, kaartOordeel) whose fields changed. */
export interface RecordChange {
  readonly record: string;
  readonly spec: FieldSpecs;
  readonly fields: readonly FieldChange[];
}

/** What changed in one doc (or one block of `gezamenlijk`). */
export interface DocDiff {
  readonly lists: readonly ListDiff[];
  readonly records: readonly RecordChange[];
  readonly prose: readonly ProseChange[];
}

/** What changed in one block of the common plan. */
export interface BlockDiff extends DocDiff {
  readonly blok: BlockKey;
}

/** What changed in one member's own doc (their score rounds are in `scores`). */
export interface MemberDiff extends DocDiff {
  readonly member: VersionMember;
}

/** One party's latest safety score on each side, when it differs. */
export interface ScoreChange {
  readonly member: VersionMember;
  readonly before: ScoreRonde | null;
  readonly after: ScoreRonde | null;
}

/**
 * What changed between two states of a plan (issue #8, "Compare"), block by block in the newer side's
 * order: goals and actions added, removed or changed field by field, criteria status changes, new worries
 * and strengths, prose as a word diff; each party's own doc; and each party's latest score.
 * `professioneel` is set only when both professional renderings were given.
 */
export interface VersionDiff {
  readonly blokken: readonly BlockDiff[];
  readonly eigen: readonly MemberDiff[];
  readonly scores: readonly ScoreChange[];
  readonly professioneel?: DocDiff;
}

/** Two sides to compare: the older (`before`) and the newer (`after`) one. */
export interface CompareInput {
  readonly familie: FamilieRendering;
  readonly professioneel?: ProfessioneelRendering;
}

/**
 * The structured diff of two renderings of a plan (a version with another version, or with now). Pure.
 *
 * @example compareVersions({ familie: v1 }, { familie: v2 }).blokken.find((b) => b.blok === 'doelen')?.lists[0]?.changed
 */
export function compareVersions(before: CompareInput, after: CompareInput): VersionDiff {
  const a = before.familie;
  const b = after.familie;
  const common = diffDoc('gezamenlijk', a.gezamenlijk, b.gezamenlijk);
  const blokken = b.gezamenlijk.blokken.flatMap((blok): BlockDiff[] => {
    const info = BLOCK_INFO[blok];
    const part: BlockDiff = {
      blok,
      lists: common.lists.filter((l) => (info.lists as readonly string[]).includes(l.list)),
      records: common.records.filter((r) => (info.records as readonly string[]).includes(r.record)),
      prose: common.prose.filter((p) => (info.prose as readonly string[]).includes(p.key)),
    };
    return isEmpty(part) ? [] : [part];
  });
  const members = membersOf(a, b);
  const eigen = members.flatMap((member): MemberDiff[] => {
    const diff = diffDoc('eigen', eigenOf(a, member.memberId), eigenOf(b, member.memberId), ['scores']);
    return isEmpty(diff) ? [] : [{ member, ...diff }];
  });
  const scores = members.flatMap((member): ScoreChange[] => {
    const was = latestRound(a, member);
    const now = latestRound(b, member);
    return sameValue(was, now) ? [] : [{ member, before: was, after: now }];
  });
  const professioneel =
    before.professioneel && after.professioneel ? diffDoc('professioneel', before.professioneel.professioneel, after.professioneel.professioneel) : undefined;
  return professioneel ? { blokken, eigen, scores, professioneel } : { blokken, eigen, scores };
}

/** True when two renderings hold no difference at all. */
export function isUnchanged(diff: VersionDiff): boolean {
  return diff.blokken.length === 0 && diff.eigen.length === 0 && diff.scores.length === 0 && (!diff.professioneel || isEmpty(diff.professioneel));
}

function isEmpty(diff: DocDiff): boolean {
  return diff.lists.length === 0 && diff.records.length === 0 && diff.prose.length === 0;
}

/** Members of either side, the newer side's order first; a member gone since keeps their last known name. */
function membersOf(a: FamilieRendering, b: FamilieRendering): VersionMember[] {
  const seen = new Set(b.leden.map((m) => m.memberId));
  return [...b.leden, ...a.leden.filter((m) => !seen.has(m.memberId))];
}

function eigenOf(side: FamilieRendering, memberId: string): DocRendering<'eigen'> | undefined {
  return side.eigen.find((e) => e.memberId === memberId)?.doc;
}

function latestRound(side: FamilieRendering, member: VersionMember): ScoreRonde | null {
  const own = eigenOf(side, member.memberId);
  if (!own) return null;
  return latestScores([{ member, scores: own.lists.scores }])[0]?.ronde ?? null;
}

/** Compares one doc, list by list, record by record, prose field by prose field; `skip` leaves lists out. */
function diffDoc<K extends DocKind>(kind: K, a: DocRendering<K> | undefined, b: DocRendering<K> | undefined, skip: readonly string[] = []): DocDiff {
  const listsA = (a?.lists ?? {}) as Readonly<Record<string, readonly AnyItem[]>>;
  const listsB = (b?.lists ?? {}) as Readonly<Record<string, readonly AnyItem[]>>;
  const lists = Object.entries(listsOf(kind)).flatMap(([key, list]) => {
    if (skip.includes(key)) return [];
    const diff = diffList(key, list.spec, listsA[key] ?? [], listsB[key] ?? []);
    return diff ? [diff] : [];
  });
  const recordsA = (a?.records ?? {}) as Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  const recordsB = (b?.records ?? {}) as Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  const records = Object.entries(recordsOf(kind)).flatMap(([key, record]) => {
    const fields = diffFields(record.spec, recordsA[key] ?? {}, recordsB[key] ?? {});
    return fields.length > 0 ? [{ record: key, spec: record.spec as FieldSpecs, fields }] : [];
  });
  const proseA = (a?.prose ?? {}) as Readonly<Record<string, Parameters<typeof proseJsonText>[0]>>;
  const proseB = (b?.prose ?? {}) as Readonly<Record<string, Parameters<typeof proseJsonText>[0]>>;
  const prose = proseKeysV2(kind).flatMap((key) => {
    const parts = wordDiff(proseJsonText(proseA[key] ?? []), proseJsonText(proseB[key] ?? []));
    return hasChanges(parts) ? [{ key, labelKey: proseInfoV2(kind, key).labelKey, parts }] : [];
  });
  return { lists, records, prose };
}

/** The diff of one list by item id, or null when nothing differs. Items keep the newer side's order. */
function diffList(list: string, spec: FieldSpecs, a: readonly AnyItem[], b: readonly AnyItem[]): ListDiff | null {
  const byIdA = new Map(a.map((item) => [item.id, item]));
  const idsB = new Set(b.map((item) => item.id));
  const added = b.filter((item) => !byIdA.has(item.id));
  const removed = a.filter((item) => !idsB.has(item.id));
  const changed = b.flatMap((after): ItemChange[] => {
    const before = byIdA.get(after.id);
    if (!before) return [];
    const fields = diffFields(spec, before, after);
    const nested = Object.entries(spec).flatMap(([name, field]) => {
      if (field.kind !== 'list') return [];
      const diff = diffList(name, field.item, asItems(before[name]), asItems(after[name]));
      return diff ? [diff] : [];
    });
    return fields.length > 0 || nested.length > 0 ? [{ id: after.id, before, after, fields, nested }] : [];
  });
  return added.length > 0 || removed.length > 0 || changed.length > 0 ? { list, spec, added, removed, changed } : null;
}

function asItems(value: unknown): readonly AnyItem[] {
  return Array.isArray(value) ? (value as AnyItem[]) : [];
}

/** The text and value fields that differ; nested lists are compared by `diffList`. */
function diffFields(spec: Readonly<Record<string, FieldSpec>>, a: Readonly<Record<string, unknown>>, b: Readonly<Record<string, unknown>>): FieldChange[] {
  return Object.entries(spec).flatMap(([field, f]): FieldChange[] => {
    if (f.kind === 'text') {
      const before = typeof a[field] === 'string' ? (a[field] as string) : '';
      const after = typeof b[field] === 'string' ? (b[field] as string) : '';
      return before === after ? [] : [{ kind: 'text', field, labelKey: f.labelKey, parts: wordDiff(before, after) }];
    }
    if (f.kind !== 'value') return [];
    const before = a[field] ?? null;
    const after = b[field] ?? null;
    return sameValue(before, after) ? [] : [{ kind: 'value', field, labelKey: f.labelKey, input: f.input, before, after }];
  });
}

/** Deep equality of plain JSON values, whatever the order of their keys. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
