import type { MessageKey } from '../../i18n/nl';
import { dateField, enumField, textField, type Item } from '../fields';
import { rootList } from '../lists';
import { v2Root } from '../rootsV2';

/** Whether something is a fact, an observation or an opinion (DESIGN.md §1: facts apart from opinions). */
export const SOORTEN = ['feit', 'observatie', 'mening'] as const;
export type Soort = (typeof SOORTEN)[number];

/** The i18n key of a soort. */
export function soortLabelKey(soort: Soort): MessageKey {
  return `soort.${soort}` as const;
}

/**
 * Tijdlijn: date, event, soort, bron; "entered by" is the item's `created`. Disputes of an entry live in
 * the disputer's own doc (`betwistingen`) and are shown beside it (`disputesFor`).
 *
 * @example tijdlijn.add(doc, author, { datum: '2026-05-12', gebeurtenis: 'Melding bij Veilig Thuis', soort: 'feit', bron: 'Veilig Thuis' })
 */
export const tijdlijn = rootList(v2Root('gezamenlijk', 'tijdlijn'), {
  datum: dateField('field.tijdlijn.datum'),
  gebeurtenis: textField('field.tijdlijn.gebeurtenis'),
  soort: enumField('field.tijdlijn.soort', SOORTEN, 'feit', soortLabelKey),
  bron: textField('field.tijdlijn.bron'),
});
export type TijdlijnItem = Item<typeof tijdlijn.spec>;
