import type { DocKind } from './docNames';
import type { Item } from './fields';
import type { AnyListAccessor, ListAccessor } from './lists';
import type { AnyRecordAccessor, RecordAccessor, RecordValue } from './records';
import { bodemeisen, veiligheidsafspraken } from './blocks/afspraken';
import { doelen } from './blocks/doelenActies';
import { betwistingen, eigenDoelen, eigenKrachten, eigenZorgen, scores } from './blocks/eigen';
import { evaluaties } from './blocks/evaluatie';
import { gevaarszinnen } from './blocks/gevaarszinnen';
import { goedGenoeg } from './blocks/goedGenoeg';
import { netwerk, personen } from './blocks/mensen';
import { plankop } from './blocks/plankop';
import { tijdlijn } from './blocks/tijdlijn';
import { kaartOordeel, positieveSignalen, stappenGezet, watWerkt, watWerktNiet, zorgsignalen } from './blocks/veiligheidskaart';
import { krachten, zorgen } from './blocks/zorgenKrachten';

/**
 * Every list of schema v2 by meaning, per doc kind. Templates name lists by these keys (never by root
 * name), and whole-doc reads, template validation and filling walk this table.
 */
export const LISTS_V2 = {
  gezamenlijk: {
    personen,
    netwerk,
    tijdlijn,
    zorgen,
    krachten,
    gevaarszinnen,
    zorgsignalen,
    positieveSignalen,
    stappenGezet,
    watWerkt,
    watWerktNiet,
    goedGenoeg,
    doelen,
    veiligheidsafspraken,
    bodemeisen,
    evaluaties,
  },
  professioneel: {},
  eigen: { doelen: eigenDoelen, zorgen: eigenZorgen, krachten: eigenKrachten, betwistingen, scores },
  // Comment threads are no plan content: not filled from templates nor shown as forms (`blocks/opmerkingen.ts`).
  opmerkingen: {},
} as const satisfies Record<DocKind, Record<string, AnyListAccessor>>;

/** Every single-record block of schema v2, per doc kind. */
export const RECORDS_V2 = {
  gezamenlijk: { plankop, kaartOordeel },
  professioneel: {},
  eigen: {},
  opmerkingen: {},
} as const satisfies Record<DocKind, Record<string, AnyRecordAccessor>>;

/** The list keys of a doc kind, as a type. */
export type ListKeyV2<K extends DocKind> = keyof (typeof LISTS_V2)[K] & string;
/** The record keys of a doc kind, as a type. */
export type RecordKeyV2<K extends DocKind> = keyof (typeof RECORDS_V2)[K] & string;

/** The items of each list of a doc kind, as read. */
export type ListsRead<K extends DocKind> = {
  readonly [L in ListKeyV2<K>]: (typeof LISTS_V2)[K][L] extends ListAccessor<infer S> ? Item<S>[] : never;
};

/** The records of a doc kind, as read. */
export type RecordsRead<K extends DocKind> = {
  readonly [R in RecordKeyV2<K>]: (typeof RECORDS_V2)[K][R] extends RecordAccessor<infer S> ? RecordValue<S> : never;
};

/** The list accessors of a doc kind, loosely typed for code that walks all of them. */
export function listsOf(kind: DocKind): Readonly<Record<string, AnyListAccessor>> {
  return LISTS_V2[kind];
}

/** The record accessors of a doc kind, loosely typed for code that walks all of them. */
export function recordsOf(kind: DocKind): Readonly<Record<string, AnyRecordAccessor>> {
  return RECORDS_V2[kind];
}
