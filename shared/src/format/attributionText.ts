import { translate } from '../i18n/translate';
import type { Attribution } from '../schema/items';
import { formatInstantDay } from './formatDate';

/** "Sanne Visser (Jeugdbeschermer)", or "Sanne Visser namens Mila (Jeugdbeschermer)" for a write on someone's behalf. */
export function whoText(a: Pick<Attribution, 'name' | 'role' | 'namens'>): string {
  const who = a.namens ? translate('attribution.namens', { name: a.name, namens: a.namens.name }) : a.name;
  return `${who} (${translate(`role.${a.role}`)})`;
}

/**
 * The line under every item (DESIGN.md §1: every item says who entered it).
 *
 * @example attributionText(item.created, 'door') // 'Ingevuld door Lisa de Boer (Ouder), 5 november 2026'
 */
export function attributionText(a: Attribution, kind: 'door' | 'gewijzigd'): string {
  const key = kind === 'door' ? 'attribution.door' : 'attribution.gewijzigd';
  return `${translate(key, { name: whoText(a) })}, ${formatInstantDay(a.at)}`;
}
