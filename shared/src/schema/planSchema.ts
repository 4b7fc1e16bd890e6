import * as Y from 'yjs';
import type { DocKind } from './docNames';
import { PROSE_V2 } from './proseV2';
import { META_ROOT, V2_ROOTS, type RootType } from './rootsV2';

/**
 * Schema version 1: the prose-only layout of the walking skeleton, kept so that migrations and their tests
 * can name it. New docs are written at `LATEST_SCHEMA_VERSION` (`migrations.ts`) by `fillDocV2`.
 */
export const SCHEMA_VERSION = 1;

/** One rich-text section of a doc: a Y.XmlFragment at the doc's root, bound to a Tiptap editor. */
export interface ProseSection {
  readonly key: string;
  /** The i18n key of the section's heading. */
  readonly labelKey: string;
  /** The i18n key of a short help text under the heading. */
  readonly hintKey: string;
}

/**
 * The layout of each doc kind (DESIGN.md §4). For the walking skeleton every section is prose;
 * the structured-plan issue (#5) turns them into typed blocks with a migration.
 */
export const PLAN_SCHEMA = {
  gezamenlijk: {
    prose: [
      { key: 'wieZijnDeMensen', labelKey: 'section.wieZijnDeMensen', hintKey: 'section.wieZijnDeMensen.hint' },
      { key: 'watGaatGoed', labelKey: 'section.watGaatGoed', hintKey: 'section.watGaatGoed.hint' },
      { key: 'zorgen', labelKey: 'section.zorgen', hintKey: 'section.zorgen.hint' },
      { key: 'doelenEnActies', labelKey: 'section.doelenEnActies', hintKey: 'section.doelenEnActies.hint' },
    ],
  },
  professioneel: {
    prose: [
      { key: 'taxatie', labelKey: 'section.taxatie', hintKey: 'section.taxatie.hint' },
      { key: 'notities', labelKey: 'section.notities', hintKey: 'section.notities.hint' },
    ],
  },
  eigen: {
    prose: [{ key: 'zoZieIkHet', labelKey: 'section.zoZieIkHet', hintKey: 'section.zoZieIkHet.hint' }],
  },
  opmerkingen: { prose: [] },
} as const satisfies Record<DocKind, { prose: readonly ProseSection[] }>;

/** The section keys of one doc kind, as a type. */
export type ProseKey<K extends DocKind> = (typeof PLAN_SCHEMA)[K]['prose'][number]['key'];

const META_SCHEMA_VERSION = 'schemaVersion';

/** The prose sections of a doc kind, in display order. */
export function proseSections<K extends DocKind>(kind: K): readonly ProseSection[] {
  return PLAN_SCHEMA[kind].prose;
}

/**
 * The root names a doc of this kind may hold; the server refuses updates that create any other.
 * Schema v2 keeps every v1 root, so this one allowlist serves docs of both versions.
 */
export function allowedRoots(kind: DocKind): ReadonlySet<string> {
  // Asked on every update the server receives: built once per kind.
  let roots = ALLOWED_ROOTS.get(kind);
  if (!roots) ALLOWED_ROOTS.set(kind, (roots = new Set(rootTypes(kind).keys())));
  return roots;
}
const ALLOWED_ROOTS = new Map<DocKind, ReadonlySet<string>>();

/** Every allowed root of a doc kind with its Yjs type: meta, the v1 prose roots, and the v2 roots. */
export function rootTypes(kind: DocKind): ReadonlyMap<string, RootType> {
  const out = new Map<string, RootType>([[META_ROOT, 'map']]);
  for (const s of proseSections(kind)) out.set(s.key, 'xml');
  for (const p of Object.values(PROSE_V2[kind])) out.set(p.root, 'xml');
  for (const [name, type] of Object.entries(V2_ROOTS[kind])) out.set(name, type);
  return out;
}

/** The rich-text field of one section. Example: `proseField(doc, 'gezamenlijk', 'zorgen')`. */
export function proseField<K extends DocKind>(doc: Y.Doc, kind: K, key: ProseKey<K>): Y.XmlFragment {
  if (!proseSections(kind).some((s) => s.key === key)) throw new Error(`unknown section ${String(key)} for ${kind}`);
  return doc.getXmlFragment(key);
}

/** Reads a doc's schema version; 0 for a doc that has none yet. */
export function readSchemaVersion(doc: Y.Doc): number {
  const v = doc.getMap(META_ROOT).get(META_SCHEMA_VERSION);
  return typeof v === 'number' ? v : 0;
}

/** Writes a schema version (default: the v1 `SCHEMA_VERSION`) into a doc, inside the caller's transaction if any. */
export function writeSchemaVersion(doc: Y.Doc, version: number = SCHEMA_VERSION): void {
  doc.getMap(META_ROOT).set(META_SCHEMA_VERSION, version);
}
