import { describe, expect, it } from 'vitest';
import type { Actie } from '../../../../shared/src/schema/blocks/doelenActies';
import { daysOverdue, isOverdue, todayIn } from '../../../../shared/src/schema/overdue';

const due = (datum: string, status: Actie['status'] = { kind: 'open' }): Pick<Actie, 'status' | 'wanneer'> => ({
  status,
  wanneer: { kind: 'datum', datum },
});

describe('"te laat" is computed, never stored', () => {
  it('[O1] today is the Amsterdam calendar day, whatever the zone of the machine', () => {
    expect(todayIn(new Date('2026-03-01T22:59:00Z'))).toBe('2026-03-01'); // 23:59 CET
    expect(todayIn(new Date('2026-03-01T23:00:00Z'))).toBe('2026-03-02'); // 00:00 CET
    expect(todayIn(new Date('2026-07-01T21:59:00Z'))).toBe('2026-07-01'); // 23:59 CEST
    expect(todayIn(new Date('2026-07-01T22:00:00Z'))).toBe('2026-07-02'); // 00:00 CEST
    expect(todayIn(new Date('2026-07-01T22:00:00Z'), 'UTC')).toBe('2026-07-01');
  });

  it('[O2] an open or busy action is late from the day after its due date, in Amsterdam time', () => {
    const a = due('2026-03-01');
    expect(isOverdue(a, new Date('2026-03-01T22:59:00Z'))).toBe(false); // still 1 March in Amsterdam
    expect(isOverdue(a, new Date('2026-03-01T23:00:00Z'))).toBe(true); // 2 March in Amsterdam, 1 March in UTC
    expect(isOverdue(due('2026-03-01', { kind: 'bezig' }), new Date('2026-03-05T12:00:00Z'))).toBe(true);
    expect(daysOverdue(a, new Date('2026-03-05T12:00:00Z'))).toBe(4);
    expect(daysOverdue(a, new Date('2026-02-05T12:00:00Z'))).toBe(0);
  });

  it('[O3] done, lapsed, recurring and undated actions are never late', () => {
    const later = new Date('2027-01-01T12:00:00Z');
    expect(isOverdue(due('2026-03-01', { kind: 'gedaan', op: null }), later)).toBe(false);
    expect(isOverdue(due('2026-03-01', { kind: 'vervallen' }), later)).toBe(false);
    expect(isOverdue({ status: { kind: 'open' }, wanneer: { kind: 'herhaling', tekst: 'elke avond' } }, later)).toBe(false);
    expect(isOverdue({ status: { kind: 'open' }, wanneer: null }, later)).toBe(false);
  });

  it('[O4] across the switch to summer time the day still counts right', () => {
    const a = due('2026-03-28');
    expect(daysOverdue(a, new Date('2026-03-30T09:00:00Z'))).toBe(2);
    expect(isOverdue(a, new Date('2026-03-28T22:59:00Z'))).toBe(false); // 23:59 CET on 28 March
  });
});
