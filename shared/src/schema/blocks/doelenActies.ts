import type * as Y from 'yjs';
import { dateField, idField, idsField, listField, textField, valueField, withInput, type Item } from '../fields';
import { intIn, nullable } from '../guards';
import { nestedList, rootList } from '../lists';
import { proseV2 } from '../proseV2';
import { v2Root } from '../rootsV2';
import { isActieStatus, isDoelStatus, isVoorstelRef, isWanneer, isWie, mapWieIds, type VoorstelRef } from './doelStatus';

export * from './doelStatus';

/** Priority 1 is safety (DESIGN.md §1: acute safety first). */
export const PRIORITEIT_VEILIGHEID = 1;

/**
 * Doelen en acties. A goal: title (in positive words), outcome, how it is measured, which children,
 * priority (1 = safety), proposed by, status, start and target date, the gevaarszin pair it answers, the own
 * goal it came from, and its actions (a nested list; see `acties`).
 *
 * @example
 *   const id = doelen.add(doc, author, { titel: 'De kinderen zijn ’s avonds veilig thuis', prioriteit: 1 });
 *   doelen.update(doc, author, id, { status: { kind: 'afgewezen', reden: 'Past niet bij de maatregel' } });
 */
export const doelen = rootList(v2Root('gezamenlijk', 'doelen'), {
  titel: textField('field.doel.titel'),
  uitkomst: textField('field.doel.uitkomst'),
  meetbaar: textField('field.doel.meetbaar'),
  kinderen: withInput(idsField('field.doel.kinderen'), { kind: 'refs', to: 'persoon' }),
  prioriteit: withInput(valueField('field.doel.prioriteit', nullable(intIn(1, 9)), null), { kind: 'prioriteit' }),
  voorgesteldDoor: withInput(valueField('field.doel.voorgesteldDoor', nullable(isWie), null, mapWieIds), { kind: 'wie' }),
  status: withInput(valueField('field.doel.status', isDoelStatus, { kind: 'actief' }), { kind: 'doelStatus' }),
  startdatum: dateField('field.doel.startdatum'),
  streefdatum: dateField('field.doel.streefdatum'),
  gevaarszinId: withInput(idField('field.doel.gevaarszinId'), { kind: 'ref', to: 'gevaarszin' }),
  voorstel: withInput(valueField('field.doel.voorstel', nullable(isVoorstelRef), null, mapVoorstelIds), { kind: 'voorstel' }),
  acties: listField('field.doel.acties', {
    wie: withInput(valueField('field.actie.wie', nullable(isWie), null, mapWieIds), { kind: 'wie' }),
    wat: textField('field.actie.wat'),
    wanneer: withInput(valueField('field.actie.wanneer', nullable(isWanneer), null), { kind: 'wanneer' }),
    status: withInput(valueField('field.actie.status', isActieStatus, { kind: 'open' }), { kind: 'actieStatus' }),
    notitie: textField('field.actie.notitie'),
  }),
});
export type Doel = Item<typeof doelen.spec>;

/**
 * The actions under one goal: wie (member or named network person), wat, wanneer (date or recurrence),
 * status (`gedaan` with the day), note. "Te laat" is computed (`overdue.ts`), never stored.
 *
 * @example acties.add(doc, author, doelId, { wie: { kind: 'lid', memberId }, wat: 'Oma bellen', wanneer: { kind: 'herhaling', tekst: 'elke avond' } })
 */
export const acties = nestedList(doelen, 'acties');
export type Actie = Doel['acties'][number];

/** The free-text note of Doelen en acties (the v1 section "Doelen en acties"). */
export function doelenToelichting(doc: Y.Doc): Y.XmlFragment {
  return proseV2(doc, 'gezamenlijk', 'doelenToelichting');
}

function mapVoorstelIds(v: VoorstelRef | null, resolve: (ref: string) => string): VoorstelRef | null {
  return v === null ? null : { memberId: resolve(v.memberId), doelId: resolve(v.doelId) };
}
