import { attributionText } from '../format/attributionText';
import { formOptions, type FormOptions } from '../format/formOptions';
import { valueText } from '../format/valueText';
import { isMessageKey, translate } from '../i18n/translate';
import { BLOCK_INFO, EIGEN_BLOCK_INFO, EIGEN_BLOCKS } from '../schema/blockCatalog';
import type { DocKind } from '../schema/docNames';
import type { FieldSpecs } from '../schema/fields';
import type { Attribution } from '../schema/items';
import { proseJsonParagraphs, type ProseJson } from '../schema/proseJson';
import { proseInfoV2, proseKeysV2 } from '../schema/proseV2';
import { listsOf, recordsOf } from '../schema/registryV2';
import type { DocRendering, FamilieRendering, ProfessioneelRendering } from './versionTypes';

/** One field in words: its label and its value. */
export interface PrintLine {
  readonly label: string;
  readonly value: string;
}

/** One list item in words: a title (its first text), its other fields, who entered it, its nested items. */
export interface PrintItem {
  readonly id: string;
  readonly titel: string;
  readonly lines: readonly PrintLine[];
  readonly door: string;
  readonly nested: readonly PrintList[];
}

/** A list in words; `label` is empty for the only list of a block. */
export interface PrintList {
  readonly key: string;
  readonly label: string;
  readonly items: readonly PrintItem[];
}

/** A rich-text field in words: its heading and its paragraphs. */
export interface PrintProse {
  readonly key: string;
  readonly label: string;
  readonly paragraphs: readonly string[];
}

/**
 * One section of a version as people read it: a block of the common plan (key = block key), a member's
 * own view (key = `eigen-<memberId>`), or the professionals' part (key = `professioneel`).
 */
export interface PrintSection {
  readonly key: string;
  readonly titel: string;
  readonly records: readonly PrintLine[];
  readonly lists: readonly PrintList[];
  readonly prose: readonly PrintProse[];
}

/**
 * The family scope of a version in words, in the plan's block order, then each member's own view. The
 * browser's version page and the PDF export both print from this, so they say the same (issue #8). Pure.
 *
 * @example printFamilie(version.familie).map((s) => s.titel) // ['Plankop', 'Het gezin', …, 'Zo ziet Lisa de Boer het']
 */
export function printFamilie(r: FamilieRendering): PrintSection[] {
  const options = versionOptions(r);
  const common = r.gezamenlijk.blokken.map((blok): PrintSection => {
    const info = BLOCK_INFO[blok];
    return {
      key: blok,
      titel: translate(info.labelKey),
      ...printParts(r.gezamenlijk, 'gezamenlijk', info, options),
    };
  });
  const own = r.eigen.flatMap((e): PrintSection[] => {
    const member = r.leden.find((m) => m.memberId === e.memberId);
    const parts = EIGEN_BLOCKS.map((b) => printParts(e.doc, 'eigen', EIGEN_BLOCK_INFO[b], options));
    const section: PrintSection = {
      key: `eigen-${e.memberId}`,
      titel: translate('plan.otherView', { name: member?.name ?? translate('lid.onbekend') }),
      records: [],
      lists: parts.flatMap((p) => p.lists),
      prose: parts.flatMap((p) => p.prose),
    };
    return section.lists.some((l) => l.items.length > 0) || section.prose.some((p) => p.paragraphs.some((t) => t.trim() !== '')) ? [section] : [];
  });
  return [...common, ...own];
}

/** The professional scope of a version in words: one section. */
export function printProfessioneel(r: ProfessioneelRendering, familie: FamilieRendering): PrintSection[] {
  const parts = printParts(r.professioneel, 'professioneel', { lists: [], records: [], prose: proseKeysV2('professioneel') }, versionOptions(familie));
  return [{ key: 'professioneel', titel: translate('plan.professioneel'), ...parts }];
}

/** The labels references resolve to, from the version itself (names and titles as they were then). */
export function versionOptions(r: FamilieRendering): FormOptions {
  return formOptions(r.gezamenlijk.lists, r.leden);
}

type BlockParts = Pick<PrintSection, 'records' | 'lists' | 'prose'>;

function printParts<K extends DocKind>(
  doc: DocRendering<K>,
  kind: K,
  info: { readonly lists: readonly string[]; readonly records: readonly string[]; readonly prose: readonly string[] },
  options: FormOptions,
): BlockParts {
  const lists = doc.lists as Readonly<Record<string, readonly Record<string, unknown>[]>>;
  const records = doc.records as Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  const prose = doc.prose as Readonly<Record<string, ProseJson>>;
  return {
    records: info.records.flatMap((key) => printFields(recordsOf(kind)[key]?.spec ?? {}, records[key] ?? {}, options, null)),
    lists: info.lists.map((key) => ({
      key,
      label: info.lists.length > 1 || kind === 'eigen' ? listLabel(kind, key) : '',
      items: (lists[key] ?? []).map((item) => printItem(listsOf(kind)[key]?.spec ?? {}, item, options)),
    })),
    prose: info.prose.map((key) => ({
      key,
      label: translate(proseInfoV2(kind, key as never).labelKey),
      paragraphs: proseJsonParagraphs(prose[key] ?? []),
    })),
  };
}

/** The first text field that holds something is the item's title; the other fields become lines. */
function printItem(spec: FieldSpecs, item: Readonly<Record<string, unknown>>, options: FormOptions): PrintItem {
  const titleField = titleFieldOf(spec, item);
  const nested = Object.entries(spec).flatMap(([name, f]): PrintList[] =>
    f.kind === 'list' ? [{ key: name, label: translate(f.labelKey), items: ((item[name] as Record<string, unknown>[]) ?? []).map((sub) => printItem(f.item, sub, options)) }] : [],
  );
  return {
    id: String(item.id ?? ''),
    titel: itemTitle(spec, item),
    lines: printFields(spec, item, options, titleField ?? null),
    door: item.created ? attributionText(item.created as Attribution, 'door') : '',
    nested,
  };
}

function printFields(spec: FieldSpecs, values: Readonly<Record<string, unknown>>, options: FormOptions, skip: string | null): PrintLine[] {
  return Object.entries(spec).flatMap(([name, f]): PrintLine[] => {
    if (name === skip || f.kind === 'list') return [];
    const raw = values[name];
    const value = f.kind === 'text' ? (typeof raw === 'string' ? raw.trim() : '') : (valueText(f.input, raw, options) ?? '');
    return value === '' ? [] : [{ label: translate(f.labelKey), value }];
  });
}

/** "Mijn doelen", "Bodemeisen" …: the heading of a list where a block holds more than one. */
function listLabel(kind: DocKind, key: string): string {
  if (kind === 'eigen') {
    const block = EIGEN_BLOCKS.find((b) => (EIGEN_BLOCK_INFO[b].lists as readonly string[]).includes(key));
    return block ? translate(EIGEN_BLOCK_INFO[block].labelKey) : key;
  }
  const own = `list.${key}`;
  if (isMessageKey(own)) return translate(own);
  const noun = `list.${key}.item`;
  return isMessageKey(noun) ? translate(noun) : key;
}

/** The field that names an item: its first text field that holds something. */
function titleFieldOf(spec: FieldSpecs, item: Readonly<Record<string, unknown>>): string | undefined {
  return Object.entries(spec).find(([name, f]) => f.kind === 'text' && typeof item[name] === 'string' && (item[name] as string).trim() !== '')?.[0];
}

/** An item's title: its first text that holds something, or '' when all are empty. */
export function itemTitle(spec: FieldSpecs, item: Readonly<Record<string, unknown>>): string {
  const field = titleFieldOf(spec, item);
  return field ? (item[field] as string).trim() : '';
}
