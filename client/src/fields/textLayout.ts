import type { MessageKey } from '../../../shared/src/i18n/nl';

/**
 * Text fields that hold a few words (a name, a source, a role) get a one-line input; every other text
 * field is a textarea that grows with its text. Keyed by the field's label key, which is unique per field.
 */
const SHORT_TEXT: ReadonlySet<MessageKey> = new Set<MessageKey>([
  'field.persoon.naam',
  'field.persoon.relatie',
  'field.persoon.woont',
  'field.persoon.taal',
  'field.netwerk.naam',
  'field.netwerk.rol',
  'field.netwerk.organisatie',
  'field.netwerk.contactvoorkeur',
  'field.tijdlijn.bron',
  'field.zorg.wie',
  'field.zorg.bron',
  'field.kracht.wie',
  'field.kracht.bron',
  'field.afspraak.wieWordtGebeld',
  'field.afspraak.wieWaaktErover',
  'field.bodemeis.wieWaaktErover',
]);

/** True when a text field with this label is a one-line input. */
export function isShortText(labelKey: MessageKey): boolean {
  return SHORT_TEXT.has(labelKey);
}
