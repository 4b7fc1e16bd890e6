import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { actiesOverview, ownerOptions, toActieFilter } from '../../../../client/src/blocks/actiesOverview';
import { acties, doelen } from '../../../../shared/src/schema/blocks/doelenActies';

const sanne = { memberId: 'm0', role: 'jeugdbeschermer', name: 'Sanne Visser', at: '2026-11-01T10:00:00.000Z' } as const;
const leden = [
  { memberId: 'm0', role: 'jeugdbeschermer', name: 'Sanne Visser' },
  { memberId: 'm1', role: 'hulpverlener', name: 'Eva Mulder' },
] as const;
// 23 November 2026, noon in Amsterdam.
const now = new Date('2026-11-23T11:00:00Z');

function plan() {
  const doc = new Y.Doc();
  const d1 = doelen.add(doc, sanne, { titel: 'Rustige avonden' });
  const d2 = doelen.add(doc, sanne, { titel: 'Op tijd op school' });
  acties.add(doc, sanne, d1, { wat: 'Oma bellen', wie: { kind: 'netwerk', naam: 'Truus' }, wanneer: { kind: 'datum', datum: '2026-11-20' } });
  acties.add(doc, sanne, d1, { wat: 'Gesprek plannen', wie: { kind: 'lid', memberId: 'm1' }, wanneer: { kind: 'datum', datum: '2026-11-22' } });
  acties.add(doc, sanne, d2, { wat: 'Agenda ophangen', wie: null });
  acties.add(doc, sanne, d2, { wat: 'Huisbezoek', wie: { kind: 'lid', memberId: 'm1' }, wanneer: { kind: 'datum', datum: '2026-11-23' } });
  return doelen.read(doc);
}

describe('the Acties view', () => {
  it('puts the member’s own actions first and keeps the rest in goal order', () => {
    const { rows, total } = actiesOverview(plan(), now, toActieFilter('alle', 'm1', ''), 'm1');
    expect(total).toBe(4);
    expect(rows.map((r) => r.actie.wat)).toEqual(['Gesprek plannen', 'Huisbezoek', 'Oma bellen', 'Agenda ophangen']);
  });

  it('filters "mijn acties", "te laat" (computed, due before today) and per owner', () => {
    const doelenRead = plan();
    expect(actiesOverview(doelenRead, now, toActieFilter('mijn', 'm1', ''), 'm1').rows.map((r) => r.actie.wat)).toEqual(['Gesprek plannen', 'Huisbezoek']);
    expect(actiesOverview(doelenRead, now, toActieFilter('teLaat', 'm1', ''), 'm1').rows.map((r) => r.actie.wat)).toEqual(['Gesprek plannen', 'Oma bellen']);
    expect(actiesOverview(doelenRead, now, toActieFilter('eigenaar', 'm1', 'netwerk:Truus'), 'm1').rows.map((r) => r.actie.wat)).toEqual(['Oma bellen']);
  });

  it('offers every owner by name, with "Nog niemand" last', () => {
    expect(ownerOptions(plan(), leden)).toEqual([
      { value: 'lid:m1', label: 'Eva Mulder' },
      { value: 'netwerk:Truus', label: 'Truus' },
      { value: 'niemand', label: 'Nog niemand' },
    ]);
  });
});
