import { dateField, textField, type Item } from '../fields';
import { rootList } from '../lists';
import { v2Root } from '../rootsV2';

/**
 * Veiligheidsafspraken: "als … dan …" — the signal, who does what, who is called, valid until, and who
 * watches over the agreement.
 *
 * @example veiligheidsafspraken.add(doc, author, { signaal: 'Als de spanning oploopt', wieDoetWat: 'dan belt Lisa oma Truus' })
 */
export const veiligheidsafspraken = rootList(v2Root('gezamenlijk', 'veiligheidsafspraken'), {
  signaal: textField('field.afspraak.signaal'),
  wieDoetWat: textField('field.afspraak.wieDoetWat'),
  wieWordtGebeld: textField('field.afspraak.wieWordtGebeld'),
  geldigTot: dateField('field.afspraak.geldigTot'),
  wieWaaktErover: textField('field.afspraak.wieWaaktErover'),
});
export type Veiligheidsafspraak = Item<typeof veiligheidsafspraken.spec>;

/** Bodemeisen: the bottom lines, with the consequence when one is not met and who watches over it. */
export const bodemeisen = rootList(v2Root('gezamenlijk', 'bodemeisen'), {
  eis: textField('field.bodemeis.eis'),
  gevolg: textField('field.bodemeis.gevolg'),
  wieWaaktErover: textField('field.bodemeis.wieWaaktErover'),
});
export type Bodemeis = Item<typeof bodemeisen.spec>;
