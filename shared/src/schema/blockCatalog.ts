import type * as Y from 'yjs';
import type { MessageKey } from '../i18n/nl';
import { oneOf } from './guards';
import type { ProseKeyV2 } from './proseV2';
import type { ListKeyV2, RecordKeyV2 } from './registryV2';
import { META_ROOT } from './rootsV2';

/** What one block of the plan page shows: its lists, records and prose fields (by their keys). */
export interface BlockInfo<K extends 'gezamenlijk' | 'eigen'> {
  /** The venster of DESIGN.md §1 (0 for the plankop above them). */
  readonly venster: 0 | 1 | 2 | 3 | 4;
  readonly labelKey: MessageKey;
  readonly hintKey: MessageKey;
  readonly lists: readonly ListKeyV2<K>[];
  readonly records: readonly RecordKeyV2<K>[];
  readonly prose: readonly ProseKeyV2<K>[];
}

/** The blocks of `gezamenlijk` in the order of the vier vensters (the default block order). */
export const GEZAMENLIJK_BLOCKS = [
  'plankop',
  'gezin',
  'netwerk',
  'tijdlijn',
  'zorgen',
  'krachten',
  'gevaarszinnen',
  'veiligheidskaart',
  'goedGenoeg',
  'doelen',
  'afspraken',
  'evaluatie',
] as const;
export type BlockKey = (typeof GEZAMENLIJK_BLOCKS)[number];

const none = [] as const;

/**
 * The contents of each block of `gezamenlijk`. The plan page renders blocks from this table in the order
 * of `readBlockOrder(doc)`, and its table of contents groups them by venster.
 */
export const BLOCK_INFO: { readonly [B in BlockKey]: BlockInfo<'gezamenlijk'> } = {
  plankop: { venster: 0, labelKey: 'block.plankop', hintKey: 'block.plankop.hint', lists: none, records: ['plankop'], prose: ['aanleiding'] },
  gezin: { venster: 1, labelKey: 'block.gezin', hintKey: 'block.gezin.hint', lists: ['personen'], records: none, prose: ['gezinToelichting'] },
  netwerk: { venster: 1, labelKey: 'block.netwerk', hintKey: 'block.netwerk.hint', lists: ['netwerk'], records: none, prose: none },
  tijdlijn: { venster: 2, labelKey: 'block.tijdlijn', hintKey: 'block.tijdlijn.hint', lists: ['tijdlijn'], records: none, prose: none },
  zorgen: { venster: 2, labelKey: 'block.zorgen', hintKey: 'block.zorgen.hint', lists: ['zorgen'], records: none, prose: ['zorgenToelichting'] },
  krachten: { venster: 2, labelKey: 'block.krachten', hintKey: 'block.krachten.hint', lists: ['krachten'], records: none, prose: ['krachtenToelichting'] },
  gevaarszinnen: { venster: 3, labelKey: 'block.gevaarszinnen', hintKey: 'block.gevaarszinnen.hint', lists: ['gevaarszinnen'], records: none, prose: none },
  veiligheidskaart: {
    venster: 3,
    labelKey: 'block.veiligheidskaart',
    hintKey: 'block.veiligheidskaart.hint',
    lists: ['zorgsignalen', 'positieveSignalen', 'stappenGezet', 'watWerkt', 'watWerktNiet'],
    records: ['kaartOordeel'],
    prose: ['gewogenOordeel'],
  },
  goedGenoeg: { venster: 3, labelKey: 'block.goedGenoeg', hintKey: 'block.goedGenoeg.hint', lists: ['goedGenoeg'], records: none, prose: none },
  doelen: { venster: 4, labelKey: 'block.doelen', hintKey: 'block.doelen.hint', lists: ['doelen'], records: none, prose: ['doelenToelichting'] },
  afspraken: { venster: 4, labelKey: 'block.afspraken', hintKey: 'block.afspraken.hint', lists: ['veiligheidsafspraken', 'bodemeisen'], records: none, prose: none },
  evaluatie: { venster: 4, labelKey: 'block.evaluatie', hintKey: 'block.evaluatie.hint', lists: ['evaluaties'], records: none, prose: none },
};

/** The blocks of a member's own doc, in display order. */
export const EIGEN_BLOCKS = ['zoZieIkHet', 'eigenDoelen', 'eigenZorgen', 'eigenKrachten', 'betwistingen', 'scores'] as const;
export type EigenBlockKey = (typeof EIGEN_BLOCKS)[number];

/** The contents of each block of an own doc. */
export const EIGEN_BLOCK_INFO: { readonly [B in EigenBlockKey]: BlockInfo<'eigen'> } = {
  zoZieIkHet: { venster: 0, labelKey: 'section.zoZieIkHet', hintKey: 'section.zoZieIkHet.hint', lists: none, records: none, prose: ['zoZieIkHet'] },
  eigenDoelen: { venster: 4, labelKey: 'block.eigenDoelen', hintKey: 'block.eigenDoelen.hint', lists: ['doelen'], records: none, prose: none },
  eigenZorgen: { venster: 2, labelKey: 'block.eigenZorgen', hintKey: 'block.eigenZorgen.hint', lists: ['zorgen'], records: none, prose: none },
  eigenKrachten: { venster: 2, labelKey: 'block.eigenKrachten', hintKey: 'block.eigenKrachten.hint', lists: ['krachten'], records: none, prose: none },
  betwistingen: { venster: 2, labelKey: 'block.betwistingen', hintKey: 'block.betwistingen.hint', lists: ['betwistingen'], records: none, prose: none },
  scores: { venster: 3, labelKey: 'block.scores', hintKey: 'block.scores.hint', lists: ['scores'], records: none, prose: none },
};

const BLOCK_ORDER = 'blokken';
/** True for a block key of `gezamenlijk`. */
export const isBlockKey = oneOf(GEZAMENLIJK_BLOCKS);

/**
 * The blocks this plan shows, in order: the template's choice (the BB plus veiligheidsplan puts the netwerk
 * first and leaves out blocks), or all blocks in vier-vensters order for a plan without one (a migrated v1 plan).
 */
export function readBlockOrder(doc: Y.Doc): readonly BlockKey[] {
  const raw = doc.getMap<unknown>(META_ROOT).get(BLOCK_ORDER);
  if (!Array.isArray(raw)) return GEZAMENLIJK_BLOCKS;
  const keys = raw.filter(isBlockKey);
  return keys.length > 0 ? [...new Set(keys)] : GEZAMENLIJK_BLOCKS;
}

/** Stores the block order (templates do this when a plan is made). */
export function writeBlockOrder(doc: Y.Doc, blocks: readonly BlockKey[]): void {
  doc.getMap<unknown>(META_ROOT).set(BLOCK_ORDER, [...blocks]);
}
