import type { MessageKey } from '../i18n/nl';
import { isSafeId } from '../ids';
import { EIGEN_BLOCKS, isBlockKey } from '../schema/blockCatalog';
import type { StoredAnchor } from '../schema/blocks/opmerkingen';
import { parseDocName, type ParsedDocName } from '../schema/docNames';
import { isNonEmptyString, isRecord, oneOf } from '../schema/guards';
import { PROSE_V2 } from '../schema/proseV2';
import { LISTS_V2 } from '../schema/registryV2';
import type { VersionAnchor } from '../versions/versionTypes';
import { decodeAnchorPosition } from './anchorRange';

/**
 * Where a comment thread points (issue #7). Stored as plain JSON tagged by `kind`, so a new kind is a new
 * variant here and a new branch where anchors are read — never a migration of stored threads. A reader that
 * meets a kind it does not know keeps the thread and shows it as `unknown` (a newer server wrote it).
 *
 * A thread on a frozen version (issue #8) points at a section of that version: `VersionThreadAnchor`.
 */
export type ThreadAnchor = TextAnchor | ItemAnchor | BlockAnchor | VersionThreadAnchor;

/**
 * A range of text in a prose field: Yjs relative positions (base64 of `Y.encodeRelativePosition`), so the
 * range follows the text while others edit. `quote` is the text as it was when the thread started, written by
 * the server from its own copy of the doc: shown when the text is deleted.
 */
export interface TextAnchor {
  readonly kind: 'text';
  readonly docName: string;
  /** A prose key of that doc kind (`PROSE_V2`), e.g. `zorgenToelichting`. */
  readonly field: string;
  readonly start: string;
  readonly end: string;
  readonly quote: string;
}

/** One item of a list (a worry, a goal, a score round); `parent` for an item of a nested list (an action of a goal). */
export interface ItemAnchor {
  readonly kind: 'item';
  readonly docName: string;
  /** A list key of that doc kind (`LISTS_V2`), e.g. `zorgen`. */
  readonly list: string;
  readonly itemId: string;
  readonly parent?: { readonly field: string; readonly itemId: string };
}

/** A whole block: a block of `gezamenlijk` (`BLOCK_INFO`) or of an own doc (`EIGEN_BLOCK_INFO`). */
export interface BlockAnchor {
  readonly kind: 'block';
  readonly docName: string;
  readonly block: string;
}

/**
 * A section of a frozen version (issue #8): the version's number and `blockPath`, whose one element is a
 * section key of `printVersion.ts` (a block key, `eigen-<memberId>`, or `professioneel`). No doc name: a
 * version never changes, so the path stays valid and needs no Yjs position.
 */
export interface VersionThreadAnchor extends VersionAnchor {
  readonly kind: 'version';
}

/** An anchor this version does not know, or a broken one: the thread is kept and shown without its place. */
export interface UnknownAnchor {
  readonly kind: 'unknown';
}

export type ReadAnchor = ThreadAnchor | UnknownAnchor;

/** What a client sends to start a thread: a text anchor without its quote (the server writes that). */
export type AnchorInput = PlanAnchorInput | VersionThreadAnchor;

/** An anchor into one of the live plan docs. */
export type PlanAnchorInput = Omit<TextAnchor, 'quote'> | ItemAnchor | BlockAnchor;

/**
 * The result of checking an anchor a client sent: a live-plan anchor with its doc, a version anchor, or the
 * Dutch message key of what is wrong.
 */
export type AnchorCheck =
  | { readonly ok: true; readonly anchor: PlanAnchorInput; readonly doc: AnchorDoc }
  | { readonly ok: true; readonly anchor: VersionThreadAnchor; readonly doc: null }
  | { readonly ok: false; readonly problem: MessageKey };

/** The doc kinds a thread can point into: plan content, never the comment docs themselves. */
export type AnchorDoc = Exclude<ParsedDocName, { kind: 'opmerkingen' }>;

const isEigenBlock = oneOf(EIGEN_BLOCKS);
/** Base64 of a relative position is short; a long string is not one. */
const MAX_POSITION_LENGTH = 200;

/**
 * Checks the anchor of a new thread as a client sent it: a known kind, a plan doc, a field, list or block that
 * exists in that doc kind, ids that are ids, and positions that decode. Whether the item or text is really there
 * is checked by the server against the doc itself.
 *
 * @example parseAnchorInput({ kind: 'item', docName: 'gezamenlijk', list: 'zorgen', itemId: 'z1' }) // { ok: true, … }
 */
export function parseAnchorInput(raw: unknown): AnchorCheck {
  const bad = { ok: false, problem: 'opmerking.fout.anker' } as const;
  if (isRecord(raw) && raw.kind === 'version') {
    const anchor = versionAnchorOf(raw);
    return anchor ? { ok: true, anchor, doc: null } : bad;
  }
  if (!isRecord(raw) || typeof raw.docName !== 'string') return bad;
  const parsed = parseDocName(raw.docName);
  if (!parsed || parsed.kind === 'opmerkingen') return bad;
  const docName = raw.docName;
  switch (raw.kind) {
    case 'text': {
      const { field, start, end } = raw;
      if (typeof field !== 'string' || !(field in PROSE_V2[parsed.kind])) return bad;
      if (!isPosition(start) || !isPosition(end)) return bad;
      return { ok: true, anchor: { kind: 'text', docName, field, start, end }, doc: parsed };
    }
    case 'item': {
      const { list, itemId, parent } = raw;
      const lists = LISTS_V2[parsed.kind] as Readonly<Record<string, { spec: Readonly<Record<string, { kind: string }>> }>>;
      if (typeof list !== 'string' || !Object.hasOwn(lists, list) || !isId(itemId)) return bad;
      if (parent === undefined) return { ok: true, anchor: { kind: 'item', docName, list, itemId }, doc: parsed };
      if (!isRecord(parent) || typeof parent.field !== 'string' || !isId(parent.itemId)) return bad;
      if (lists[list]?.spec[parent.field]?.kind !== 'list') return bad;
      return { ok: true, anchor: { kind: 'item', docName, list, itemId, parent: { field: parent.field, itemId: parent.itemId } }, doc: parsed };
    }
    case 'block': {
      const { block } = raw;
      const known = parsed.kind === 'gezamenlijk' ? isBlockKey(block) : parsed.kind === 'eigen' ? isEigenBlock(block) : false;
      return known ? { ok: true, anchor: { kind: 'block', docName, block: block as string }, doc: parsed } : bad;
    }
    default:
      return bad;
  }
}

/**
 * A stored anchor as a reader knows it: one of the known kinds, or `unknown` (a kind from a newer version, or a
 * value that does not fit). Never throws: a thread is always shown, if need be without its place.
 */
export function readAnchor(stored: StoredAnchor | null): ReadAnchor {
  if (stored === null) return UNKNOWN;
  if (stored.kind === 'version') return versionAnchorOf(stored) ?? UNKNOWN;
  const docName = stored.docName;
  if (typeof docName !== 'string') return UNKNOWN;
  switch (stored.kind) {
    case 'text': {
      const { field, start, end, quote } = stored;
      return typeof field === 'string' && typeof start === 'string' && typeof end === 'string' && typeof quote === 'string'
        ? { kind: 'text', docName, field, start, end, quote }
        : UNKNOWN;
    }
    case 'item': {
      const { list, itemId, parent } = stored;
      if (typeof list !== 'string' || !isNonEmptyString(itemId)) return UNKNOWN;
      if (isRecord(parent) && typeof parent.field === 'string' && isNonEmptyString(parent.itemId)) {
        return { kind: 'item', docName, list, itemId, parent: { field: parent.field, itemId: parent.itemId } };
      }
      return { kind: 'item', docName, list, itemId };
    }
    case 'block':
      return typeof stored.block === 'string' ? { kind: 'block', docName, block: stored.block } : UNKNOWN;
    default:
      return UNKNOWN;
  }
}

const UNKNOWN: UnknownAnchor = { kind: 'unknown' };
/** Section keys are block keys, `eigen-<id>` or `professioneel`: short. */
const MAX_SECTION_LENGTH = 80;

/** A version anchor from JSON: a positive whole version number and a path of one short section key; else null. */
function versionAnchorOf(raw: Readonly<Record<string, unknown>>): VersionThreadAnchor | null {
  const { versionNumber, blockPath } = raw;
  if (typeof versionNumber !== 'number' || !Number.isSafeInteger(versionNumber) || versionNumber < 1) return null;
  if (!Array.isArray(blockPath) || blockPath.length !== 1) return null;
  const [section] = blockPath as unknown[];
  if (typeof section !== 'string' || section.length === 0 || section.length > MAX_SECTION_LENGTH) return null;
  return { kind: 'version', versionNumber, blockPath: [section] };
}

function isId(value: unknown): value is string {
  return typeof value === 'string' && isSafeId(value);
}

function isPosition(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_POSITION_LENGTH && decodeAnchorPosition(value) !== null;
}
