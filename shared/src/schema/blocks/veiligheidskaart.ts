import type * as Y from 'yjs';
import type { MessageKey } from '../../i18n/nl';
import { dateField, textField, valueField, withInput, type Item } from '../fields';
import { isString } from '../guards';
import { rootList, type ListAccessor } from '../lists';
import { proseV2 } from '../proseV2';
import { rootRecord } from '../records';
import { v2Root } from '../rootsV2';

/** The fields of one line on the veiligheidskaart. */
const kaartRegel = { tekst: textField('field.kaart.tekst') } as const;
export type KaartRegel = Item<typeof kaartRegel>;

/** Zorgsignalen: what tells us things are going wrong. */
export const zorgsignalen = rootList(v2Root('gezamenlijk', 'kaartZorgsignalen'), kaartRegel);
/** Positieve signalen: what tells us things are going well. */
export const positieveSignalen = rootList(v2Root('gezamenlijk', 'kaartPositieveSignalen'), kaartRegel);
/** Stappen gezet: what has been done already. */
export const stappenGezet = rootList(v2Root('gezamenlijk', 'kaartStappenGezet'), kaartRegel);
/** Wat werkt. */
export const watWerkt = rootList(v2Root('gezamenlijk', 'kaartWatWerkt'), kaartRegel);
/** Wat werkt niet. */
export const watWerktNiet = rootList(v2Root('gezamenlijk', 'kaartWatWerktNiet'), kaartRegel);

/** The five lists of the veiligheidskaart in display order, with their headings. */
export const KAART_LIJSTEN: readonly { key: string; labelKey: MessageKey; list: ListAccessor<typeof kaartRegel> }[] = [
  { key: 'zorgsignalen', labelKey: 'kaart.zorgsignalen', list: zorgsignalen },
  { key: 'positieveSignalen', labelKey: 'kaart.positieveSignalen', list: positieveSignalen },
  { key: 'stappenGezet', labelKey: 'kaart.stappenGezet', list: stappenGezet },
  { key: 'watWerkt', labelKey: 'kaart.watWerkt', list: watWerkt },
  { key: 'watWerktNiet', labelKey: 'kaart.watWerktNiet', list: watWerktNiet },
];

/**
 * Who wrote the gewogen oordeel and on which date; the oordeel itself is prose: `gewogenOordeel(doc)`.
 * The scale (every party's latest score) is read from the `eigen` docs with `latestScores`.
 */
export const kaartOordeel = rootRecord(v2Root('gezamenlijk', 'kaartOordeel'), {
  door: withInput(valueField('field.kaartOordeel.door', isString, ''), { kind: 'line' }),
  datum: dateField('field.kaartOordeel.datum'),
});

/** The gewogen oordeel: prose for a Tiptap editor. */
export function gewogenOordeel(doc: Y.Doc): Y.XmlFragment {
  return proseV2(doc, 'gezamenlijk', 'gewogenOordeel');
}
