import { describe, expect, it } from 'vitest';
import { attributionText, whoText } from '../../../../client/src/blocks/attributionText';
import { authorFor, wasChanged } from '../../../../client/src/blocks/author';
import { stamp } from '../../../../shared/src/schema/items';

const sanne = { memberId: 'm0', role: 'jeugdbeschermer', name: 'Sanne Visser' } as const;

describe('authorFor', () => {
  it('stamps the member as themselves in gezamenlijk and in their own doc', () => {
    expect(authorFor(sanne, null)).toEqual(sanne);
    expect(authorFor(sanne, { memberId: 'm0', name: 'Sanne Visser' })).toEqual(sanne);
  });

  it('[issue 5] marks a write in a child’s own doc as "namens" the child', () => {
    const author = authorFor(sanne, { memberId: 'm6', name: 'Mila' });
    expect(author.namens).toEqual({ memberId: 'm6', name: 'Mila' });
    expect(stamp({ ...author, at: '2026-11-23T10:00:00.000Z' }).namens).toEqual({ memberId: 'm6', name: 'Mila' });
  });
});

describe('attribution text', () => {
  const created = stamp({ ...sanne, at: '2026-11-05T10:00:00.000Z' });

  it('says who entered an item, their role and the day', () => {
    expect(attributionText(created, 'door')).toBe('Ingevuld door Sanne Visser (Jeugdbeschermer), 5 november 2026');
  });

  it('says on whose behalf it was written', () => {
    expect(whoText({ ...created, namens: { memberId: 'm6', name: 'Mila' } })).toBe('Sanne Visser namens Mila (Jeugdbeschermer)');
  });

  it('shows "Gewijzigd door" only when someone else changed the item, or its writer on another day', () => {
    expect(wasChanged(created, created)).toBe(false);
    expect(wasChanged(created, { ...created, at: '2026-11-05T15:00:00.000Z' })).toBe(false);
    expect(wasChanged(created, { ...created, at: '2026-11-07T09:00:00.000Z' })).toBe(true);
    const later = stamp({ memberId: 'm2', role: 'ouder', name: 'Lisa de Boer', at: '2026-11-06T09:00:00.000Z' });
    expect(wasChanged(created, later)).toBe(true);
    expect(attributionText(later, 'gewijzigd')).toBe('Gewijzigd door Lisa de Boer (Ouder), 6 november 2026');
  });
});
