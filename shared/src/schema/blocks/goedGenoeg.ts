import type { MessageKey } from '../../i18n/nl';
import { dateField, enumField, enumInput, idField, listField, textField, valueField, withInput, type Item } from '../fields';
import { nullable, oneOf } from '../guards';
import { nestedList, rootList } from '../lists';
import { v2Root } from '../rootsV2';

/** The four windows of the plan (DESIGN.md §1): mensen, feiten, weging, stappen. */
export const VENSTERS = [1, 2, 3, 4] as const;
export type Venster = (typeof VENSTERS)[number];

/** How far a criterion is: not, partly, reached, reached and sustained. */
export const CRITERIUM_STATUSES = ['niet', 'deels', 'behaald', 'volgehouden'] as const;
export type CriteriumStatus = (typeof CRITERIUM_STATUSES)[number];

/** The i18n key of a criterion status. */
export function criteriumStatusLabelKey(status: CriteriumStatus): MessageKey {
  return `criteriumStatus.${status}` as const;
}

/** The i18n key of a venster's name. */
export function vensterLabelKey(venster: Venster): MessageKey {
  return `venster.${venster}` as const;
}

/**
 * Goed genoeg: the criteria that, reached and sustained, end the intervention. Each has a text, its
 * venster, the veiligheidsdoel it belongs to (a gevaarszin pair id), how we will see it, how long to
 * sustain it, a status, evidence (a nested list) and since when it is reached.
 *
 * @example goedGenoeg.update(doc, author, id, { status: 'behaald', behaaldSinds: '2026-10-01' })
 */
export const goedGenoeg = rootList(v2Root('gezamenlijk', 'goedGenoeg'), {
  tekst: textField('field.criterium.tekst'),
  venster: withInput(valueField('field.criterium.venster', nullable(oneOf(VENSTERS)), null), enumInput(VENSTERS, vensterLabelKey, true)),
  veiligheidsdoelId: withInput(idField('field.criterium.veiligheidsdoelId'), { kind: 'ref', to: 'gevaarszin' }),
  hoeZienWeHet: textField('field.criterium.hoeZienWeHet'),
  volhouden: textField('field.criterium.volhouden'),
  status: enumField('field.criterium.status', CRITERIUM_STATUSES, 'niet', criteriumStatusLabelKey),
  bewijs: listField('field.criterium.bewijs', {
    tekst: textField('field.bewijs.tekst'),
    datum: dateField('field.bewijs.datum'),
  }),
  behaaldSinds: dateField('field.criterium.behaaldSinds'),
});
export type Criterium = Item<typeof goedGenoeg.spec>;

/**
 * The evidence under one criterion.
 *
 * @example bewijs.add(doc, author, criteriumId, { tekst: 'Vier weken geen ruzie gemeld', datum: '2026-11-01' })
 */
export const bewijs = nestedList(goedGenoeg, 'bewijs');
export type Bewijs = Criterium['bewijs'][number];
