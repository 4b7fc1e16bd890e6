import { describe, expect, it } from 'vitest';
import { shareStructure } from '../../../../client/src/sync/shareStructure';

describe('shareStructure', () => {
  it('returns the old value when nothing changed', () => {
    const prev = { lists: { zorgen: [{ id: 'a', tekst: 'x', kinderen: ['k1'] }] }, blokken: ['plankop'] };
    const next = JSON.parse(JSON.stringify(prev)) as typeof prev;
    expect(shareStructure(prev, next)).toBe(prev);
  });

  it('keeps unchanged items and lists, and gives changed ones anew', () => {
    const prev = { zorgen: [{ id: 'a', tekst: 'x' }, { id: 'b', tekst: 'y' }], krachten: [{ id: 'c', tekst: 'z' }] };
    const next = { zorgen: [{ id: 'a', tekst: 'x' }, { id: 'b', tekst: 'y!' }], krachten: [{ id: 'c', tekst: 'z' }] };
    const out = shareStructure(prev, next);
    expect(out).toEqual(next);
    expect(out).not.toBe(prev);
    expect(out.krachten).toBe(prev.krachten);
    expect(out.zorgen[0]).toBe(prev.zorgen[0]);
    expect(out.zorgen[1]).not.toBe(prev.zorgen[1]);
  });

  it('matches items by id, so a moved item keeps its identity', () => {
    const a = { id: 'a', tekst: 'x' };
    const b = { id: 'b', tekst: 'y' };
    const out = shareStructure([a, b], [{ id: 'b', tekst: 'y' }, { id: 'a', tekst: 'x' }]);
    expect(out[0]).toBe(b);
    expect(out[1]).toBe(a);
  });

  it('notices removed keys and items', () => {
    expect(shareStructure({ a: 1, b: 2 } as Record<string, number>, { a: 1 })).toEqual({ a: 1 });
    expect(shareStructure([{ id: 'a' }, { id: 'b' }], [{ id: 'a' }])).toHaveLength(1);
  });
});
