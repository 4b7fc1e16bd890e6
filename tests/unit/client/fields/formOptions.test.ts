import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { excerpt, formOptions, parseWieValue, wieLabel, wieValue } from '../../../../client/src/fields/formOptions';
import { readGezamenlijk } from '../../../../client/src/blocks/planSnapshot';
import { acties, doelen } from '../../../../shared/src/schema/blocks/doelenActies';
import { gevaarszinnen } from '../../../../shared/src/schema/blocks/gevaarszinnen';
import { netwerk, personen } from '../../../../shared/src/schema/blocks/mensen';

const sanne = { memberId: 'm0', role: 'jeugdbeschermer', name: 'Sanne Visser', at: '2026-11-01T10:00:00.000Z' } as const;
const leden = [
  { memberId: 'm0', role: 'jeugdbeschermer', name: 'Sanne Visser' },
  { memberId: 'm1', role: 'hulpverlener', name: 'Eva Mulder' },
] as const;

describe('excerpt', () => {
  it('cuts long text at a word and keeps short text whole', () => {
    expect(excerpt('kort')).toBe('kort');
    expect(excerpt('Een hele lange zin over de avonden thuis', 20)).toBe('Een hele lange zin…');
    expect(excerpt('  veel   spaties\nen regels ')).toBe('veel spaties en regels');
  });
});

describe('formOptions', () => {
  it('labels every reference by what people wrote, or by number when it is empty', () => {
    const doc = new Y.Doc();
    personen.add(doc, sanne, { naam: 'Noah' });
    personen.add(doc, sanne, {});
    gevaarszinnen.add(doc, sanne, { watIsErGebeurd: 'Harde ruzie in de avond' });
    gevaarszinnen.add(doc, sanne, {});
    const doelId = doelen.add(doc, sanne, { titel: 'Rustige avonden' });
    acties.add(doc, sanne, doelId, { wat: 'Oma bellen', wie: { kind: 'lid', memberId: 'm1' } });
    netwerk.add(doc, sanne, { naam: 'Truus' });
    netwerk.add(doc, sanne, { naam: 'Eva Mulder', lidId: 'm1' });
    netwerk.add(doc, sanne, { naam: ' ' });
    const options = formOptions(readGezamenlijk(doc).lists, leden);
    expect(options.personen.map((o) => o.label)).toEqual(['Noah', 'Persoon 2']);
    expect(options.gevaarszinnen.map((o) => o.label)).toEqual(['Gevaarszin 1: Harde ruzie in de avond', 'Gevaarszin 2']);
    expect(options.doelen.map((o) => o.label)).toEqual(['Rustige avonden']);
    expect(options.acties.map((o) => o.label)).toEqual(['Oma bellen (Eva Mulder)']);
    // Network people with an account are members already; empty names are no choice.
    expect(options.netwerkNamen).toEqual(['Truus']);
  });
});

describe('wie as a select value', () => {
  it('round-trips members and network people, and "" is nobody', () => {
    for (const wie of [{ kind: 'lid', memberId: 'm1' } as const, { kind: 'netwerk', naam: 'Oma Truus' } as const, null]) {
      expect(parseWieValue(wieValue(wie))).toEqual(wie);
    }
  });

  it('names the owner in words', () => {
    expect(wieLabel({ kind: 'lid', memberId: 'm1' }, leden)).toBe('Eva Mulder');
    expect(wieLabel({ kind: 'lid', memberId: 'weg' }, leden)).toBe('Iemand die niet meer in het plan zit');
    expect(wieLabel({ kind: 'netwerk', naam: 'Truus' }, leden)).toBe('Truus');
    expect(wieLabel(null, leden)).toBe('Nog niemand');
  });
});
