import type { MessageKey } from '../../../shared/src/i18n/nl';

/** How the cards of one list name an item ("Zorg 2") and their add button ("Zorg toevoegen"). */
export interface ListWords {
  readonly item: MessageKey;
  readonly add: MessageKey;
}

/**
 * The words of every list the plan page shows, by list key: the root lists of `gezamenlijk` (keys of
 * `LISTS_V2.gezamenlijk`), the nested lists (by field name) and the own-doc blocks (keys of `EIGEN_BLOCKS`).
 */
export const LIST_WORDS = {
  personen: { item: 'list.personen.item', add: 'list.personen.add' },
  netwerk: { item: 'list.netwerk.item', add: 'list.netwerk.add' },
  tijdlijn: { item: 'list.tijdlijn.item', add: 'list.tijdlijn.add' },
  zorgen: { item: 'list.zorgen.item', add: 'list.zorgen.add' },
  krachten: { item: 'list.krachten.item', add: 'list.krachten.add' },
  gevaarszinnen: { item: 'list.gevaarszinnen.item', add: 'list.gevaarszinnen.add' },
  zorgsignalen: { item: 'list.zorgsignalen.item', add: 'list.zorgsignalen.add' },
  positieveSignalen: { item: 'list.positieveSignalen.item', add: 'list.positieveSignalen.add' },
  stappenGezet: { item: 'list.stappenGezet.item', add: 'list.stappenGezet.add' },
  watWerkt: { item: 'list.watWerkt.item', add: 'list.watWerkt.add' },
  watWerktNiet: { item: 'list.watWerktNiet.item', add: 'list.watWerktNiet.add' },
  goedGenoeg: { item: 'list.goedGenoeg.item', add: 'list.goedGenoeg.add' },
  doelen: { item: 'list.doelen.item', add: 'list.doelen.add' },
  veiligheidsafspraken: { item: 'list.veiligheidsafspraken.item', add: 'list.veiligheidsafspraken.add' },
  bodemeisen: { item: 'list.bodemeisen.item', add: 'list.bodemeisen.add' },
  evaluaties: { item: 'list.evaluaties.item', add: 'list.evaluaties.add' },
  acties: { item: 'list.acties.item', add: 'list.acties.add' },
  bewijs: { item: 'list.bewijs.item', add: 'list.bewijs.add' },
  perDoel: { item: 'list.perDoel.item', add: 'list.perDoel.add' },
  besluiten: { item: 'list.besluiten.item', add: 'list.besluiten.add' },
  eigenDoelen: { item: 'list.eigenDoelen.item', add: 'list.eigenDoelen.add' },
  eigenZorgen: { item: 'list.eigenZorgen.item', add: 'list.eigenZorgen.add' },
  eigenKrachten: { item: 'list.eigenKrachten.item', add: 'list.eigenKrachten.add' },
  betwistingen: { item: 'list.betwistingen.item', add: 'list.betwistingen.add' },
  scores: { item: 'list.scores.item', add: 'list.scores.add' },
} as const satisfies Record<string, ListWords>;

export type ListWordsKey = keyof typeof LIST_WORDS;

/** The words of a list, or generic ones for a list this table does not know yet. */
export function listWords(key: string): ListWords {
  return (LIST_WORDS as Record<string, ListWords>)[key] ?? { item: 'list.zorgsignalen.item', add: 'list.zorgsignalen.add' };
}
