import type * as Y from 'yjs';
import type { MessageKey } from '../i18n/nl';
import type { DocKind } from './docNames';

/** One rich-text field of schema v2: its root (a Y.XmlFragment) and its heading and hint. */
export interface ProseFieldV2 {
  readonly root: string;
  readonly labelKey: MessageKey;
  readonly hintKey: MessageKey;
}

/**
 * The prose fields of v2 by meaning, per doc kind. The v1 sections keep their roots and become the
 * free-text note (toelichting) of a block, so migrating loses no text.
 */
export const PROSE_V2 = {
  gezamenlijk: {
    aanleiding: { root: 'aanleiding', labelKey: 'prose.aanleiding', hintKey: 'prose.aanleiding.hint' },
    gezinToelichting: { root: 'wieZijnDeMensen', labelKey: 'prose.gezinToelichting', hintKey: 'prose.gezinToelichting.hint' },
    zorgenToelichting: { root: 'zorgen', labelKey: 'prose.zorgenToelichting', hintKey: 'prose.zorgenToelichting.hint' },
    krachtenToelichting: { root: 'watGaatGoed', labelKey: 'prose.krachtenToelichting', hintKey: 'prose.krachtenToelichting.hint' },
    gewogenOordeel: { root: 'gewogenOordeel', labelKey: 'prose.gewogenOordeel', hintKey: 'prose.gewogenOordeel.hint' },
    doelenToelichting: { root: 'doelenEnActies', labelKey: 'prose.doelenToelichting', hintKey: 'prose.doelenToelichting.hint' },
  },
  professioneel: {
    taxatie: { root: 'taxatie', labelKey: 'section.taxatie', hintKey: 'section.taxatie.hint' },
    notities: { root: 'notities', labelKey: 'section.notities', hintKey: 'section.notities.hint' },
  },
  eigen: {
    zoZieIkHet: { root: 'zoZieIkHet', labelKey: 'section.zoZieIkHet', hintKey: 'section.zoZieIkHet.hint' },
  },
  opmerkingen: {},
} as const satisfies Record<DocKind, Record<string, ProseFieldV2>>;

/** The prose keys of a doc kind in v2, as a type. */
export type ProseKeyV2<K extends DocKind> = keyof (typeof PROSE_V2)[K] & string;

/** The prose keys of a doc kind, in display order. */
export function proseKeysV2<K extends DocKind>(kind: K): ProseKeyV2<K>[] {
  return Object.keys(PROSE_V2[kind]) as ProseKeyV2<K>[];
}

/** The heading, hint and root of one prose field. */
export function proseInfoV2<K extends DocKind>(kind: K, key: ProseKeyV2<K>): ProseFieldV2 {
  return (PROSE_V2[kind] as Record<string, ProseFieldV2>)[key] as ProseFieldV2;
}

/**
 * The Y.XmlFragment of a v2 prose field, to bind a Tiptap editor to.
 *
 * @example useEditor({ extensions: [Collaboration.configure({ fragment: proseV2(doc, 'gezamenlijk', 'aanleiding') })] })
 */
export function proseV2<K extends DocKind>(doc: Y.Doc, kind: K, key: ProseKeyV2<K>): Y.XmlFragment {
  const info = (PROSE_V2[kind] as Record<string, ProseFieldV2 | undefined>)[key];
  if (!info) throw new Error(`unknown prose field ${key} for ${kind}`);
  return doc.getXmlFragment(info.root);
}
