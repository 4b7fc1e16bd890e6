import type * as Y from 'yjs';
import type { MessageKey } from '../../i18n/nl';
import { enumField, idsField, textField, withInput, type Item } from '../fields';
import { rootList } from '../lists';
import { proseV2 } from '../proseV2';
import { v2Root } from '../rootsV2';
import { SOORTEN, soortLabelKey } from './tijdlijn';

/** Kinds of worry: a present danger, harm done in the past, a complicating factor. */
export const ZORG_TYPES = ['gevaar', 'schade-in-het-verleden', 'complicerende-factor'] as const;
export type ZorgType = (typeof ZORG_TYPES)[number];

/** Kinds of strength: a strength, existing safety, an exception to the worry. */
export const KRACHT_TYPES = ['kracht', 'bestaande-veiligheid', 'uitzondering-op-de-zorg'] as const;
export type KrachtType = (typeof KRACHT_TYPES)[number];

/** The i18n key of a zorg type. */
export function zorgTypeLabelKey(type: ZorgType): MessageKey {
  return `zorgType.${type}` as const;
}

/** The i18n key of a kracht type. */
export function krachtTypeLabelKey(type: KrachtType): MessageKey {
  return `krachtType.${type}` as const;
}

/** The fields of a worry; shared by the Zorgen block and each member's own worries. */
export const zorgSpec = {
  tekst: textField('field.zorg.tekst'),
  type: enumField('field.zorg.type', ZORG_TYPES, 'gevaar', zorgTypeLabelKey),
  wie: textField('field.zorg.wie'),
  kinderen: withInput(idsField('field.zorg.kinderen'), { kind: 'refs', to: 'persoon' }),
  soort: enumField('field.zorg.soort', SOORTEN, 'observatie', soortLabelKey),
  bron: textField('field.zorg.bron'),
} as const;

/** The fields of a strength; shared by Wat gaat goed and each member's own strengths. */
export const krachtSpec = {
  tekst: textField('field.kracht.tekst'),
  type: enumField('field.kracht.type', KRACHT_TYPES, 'kracht', krachtTypeLabelKey),
  wie: textField('field.kracht.wie'),
  kinderen: withInput(idsField('field.kracht.kinderen'), { kind: 'refs', to: 'persoon' }),
  soort: enumField('field.kracht.soort', SOORTEN, 'observatie', soortLabelKey),
  bron: textField('field.kracht.bron'),
} as const;

/**
 * Zorgen: text, type, who is worried, which children (person ids), soort, bron.
 *
 * @example zorgen.add(doc, author, { tekst: 'Harde ruzie in de avond', type: 'gevaar', wie: 'school', kinderen: [noahId] })
 */
export const zorgen = rootList(v2Root('gezamenlijk', 'zorgItems'), zorgSpec);
export type Zorg = Item<typeof zorgSpec>;

/** Wat gaat goed: text, type, who sees it, which children, soort, bron. */
export const krachten = rootList(v2Root('gezamenlijk', 'krachtItems'), krachtSpec);
export type Kracht = Item<typeof krachtSpec>;

/** The free-text note of the Zorgen block (the v1 section "Zorgen"). */
export function zorgenToelichting(doc: Y.Doc): Y.XmlFragment {
  return proseV2(doc, 'gezamenlijk', 'zorgenToelichting');
}

/** The free-text note of Wat gaat goed (the v1 section "Wat gaat goed?"). */
export function krachtenToelichting(doc: Y.Doc): Y.XmlFragment {
  return proseV2(doc, 'gezamenlijk', 'krachtenToelichting');
}
