import type * as Y from 'yjs';
import { idField, textField, valueField, withInput, yesNoField, type Item } from '../fields';
import { intIn, isRecord, nullable, type Guard } from '../guards';
import { rootList } from '../lists';
import { proseV2 } from '../proseV2';
import { v2Root } from '../rootsV2';

/** A person's age, or the year they were born when that is what people know. */
export type Leeftijd = { readonly kind: 'leeftijd'; readonly jaren: number } | { readonly kind: 'geboortejaar'; readonly jaar: number };

/** True for a well-formed `Leeftijd`. */
export const isLeeftijd: Guard<Leeftijd> = (v): v is Leeftijd =>
  isRecord(v) &&
  ((v.kind === 'leeftijd' && intIn(0, 130)(v.jaren)) || (v.kind === 'geboortejaar' && intIn(1900, 2200)(v.jaar)));

/**
 * Wie zijn de mensen — the family: name, relation, age or birth year, gezag (yes/no/unknown), where they
 * live (in words), language and whether an interpreter is needed.
 *
 * @example personen.add(doc, author, { naam: 'Noah', relatie: 'zoon van Lisa', leeftijd: { kind: 'leeftijd', jaren: 13 } })
 */
export const personen = rootList(v2Root('gezamenlijk', 'personen'), {
  naam: textField('field.persoon.naam'),
  relatie: textField('field.persoon.relatie'),
  leeftijd: withInput(valueField('field.persoon.leeftijd', nullable(isLeeftijd), null), { kind: 'leeftijd' }),
  gezag: yesNoField('field.persoon.gezag'),
  woont: textField('field.persoon.woont'),
  taal: textField('field.persoon.taal'),
  tolkNodig: yesNoField('field.persoon.tolkNodig'),
});
export type Persoon = Item<typeof personen.spec>;

/**
 * Wie zijn de mensen — the team and the netwerk: person, role, organisation, task in the plan, contact
 * preference, and the plan member this is (when they have been invited), so "mijn acties" can find them.
 */
export const netwerk = rootList(v2Root('gezamenlijk', 'netwerk'), {
  naam: textField('field.netwerk.naam'),
  rol: textField('field.netwerk.rol'),
  organisatie: textField('field.netwerk.organisatie'),
  taak: textField('field.netwerk.taak'),
  contactvoorkeur: textField('field.netwerk.contactvoorkeur'),
  lidId: withInput(idField('field.netwerk.lidId'), { kind: 'ref', to: 'lid' }),
});
export type NetwerkLid = Item<typeof netwerk.spec>;

/** The free-text note of the people block (the v1 section "Wie zijn de mensen?"). */
export function gezinToelichting(doc: Y.Doc): Y.XmlFragment {
  return proseV2(doc, 'gezamenlijk', 'gezinToelichting');
}
