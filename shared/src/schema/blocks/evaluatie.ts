import type { MessageKey } from '../../i18n/nl';
import { dateField, enumInput, idField, idsField, listField, textField, valueField, withInput, type Item } from '../fields';
import { nullable, oneOf } from '../guards';
import { nestedList, rootList } from '../lists';
import { v2Root } from '../rootsV2';

/** Progress of a goal since the last teamoverleg: − (`min`), 0 (`nul`), + (`plus`). */
export const VOORTGANG = ['min', 'nul', 'plus'] as const;
export type Voortgang = (typeof VOORTGANG)[number];

/** The i18n key of a progress value. */
export function voortgangLabelKey(v: Voortgang): MessageKey {
  return `voortgang.${v}` as const;
}

/**
 * Evaluatie: one item per teamoverleg — its date, progress per goal (nested), decisions (nested), the
 * actions made in the meeting (ids of actions in Doelen en acties) and the next date.
 *
 * @example
 *   const id = evaluaties.add(doc, author, { datum: '2026-11-20' });
 *   voortgangPerDoel.add(doc, author, id, { doelId, voortgang: 'plus', toelichting: 'Rustiger avonden' });
 */
export const evaluaties = rootList(v2Root('gezamenlijk', 'evaluaties'), {
  datum: dateField('field.evaluatie.datum'),
  perDoel: listField('field.evaluatie.perDoel', {
    doelId: withInput(idField('field.evaluatieDoel.doelId'), { kind: 'ref', to: 'doel' }),
    voortgang: withInput(valueField('field.evaluatieDoel.voortgang', nullable(oneOf(VOORTGANG)), null), enumInput(VOORTGANG, voortgangLabelKey, true)),
    toelichting: textField('field.evaluatieDoel.toelichting'),
  }),
  besluiten: listField('field.evaluatie.besluiten', { tekst: textField('field.besluit.tekst') }),
  nieuweActieIds: withInput(idsField('field.evaluatie.nieuweActieIds'), { kind: 'refs', to: 'actie' }),
  volgendeDatum: dateField('field.evaluatie.volgendeDatum'),
});
export type Evaluatie = Item<typeof evaluaties.spec>;

/** Progress per goal within one evaluation. */
export const voortgangPerDoel = nestedList(evaluaties, 'perDoel');
export type VoortgangPerDoel = Evaluatie['perDoel'][number];

/** Decisions within one evaluation. */
export const besluiten = nestedList(evaluaties, 'besluiten');
export type Besluit = Evaluatie['besluiten'][number];
