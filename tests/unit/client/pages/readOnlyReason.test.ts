import { describe, expect, it } from 'vitest';
import type { PlanView } from '../../../../client/src/api/types';
import { gezamenlijkReadOnlyReason } from '../../../../client/src/pages/readOnlyReason';

function plan(role: PlanView['me']['role'], state: Partial<PlanView['state']> = {}): PlanView {
  return {
    planId: 'p1',
    titel: 'Plan',
    me: { memberId: 'm1', role, name: 'Anouk', color: '#1d4ed8' },
    members: [{ memberId: 'm1', role, name: 'Anouk', color: '#1d4ed8' }],
    docs: [],
    state: { teamoverleg: { open: false, aanwezigheid: {} }, raadsonderzoekLopend: true, professioneelGrants: [], present: [], childrenUnder12: [], ...state },
  };
}

describe('gezamenlijkReadOnlyReason', () => {
  it('gives no reason to a member who may write', () => {
    expect(gezamenlijkReadOnlyReason(plan('ouder'), true)).toBeNull();
  });

  it('tells family outside a teamoverleg that it opens during the teamoverleg', () => {
    for (const role of ['ouder', 'jeugdige', 'netwerk'] as const) {
      expect(gezamenlijkReadOnlyReason(plan(role), false)).toContain('Alleen tijdens het teamoverleg');
    }
  });

  it('tells family in an open teamoverleg who are not present that it is for those present', () => {
    const open = { teamoverleg: { open: true, aanwezigheid: {} }, present: ['m2'] };
    expect(gezamenlijkReadOnlyReason(plan('ouder', open), false)).toContain('aanwezig');
  });

  it('tells a raadsonderzoeker only that they may read', () => {
    expect(gezamenlijkReadOnlyReason(plan('raadsonderzoeker'), false)).toBe('U mag dit lezen, maar niet veranderen.');
  });
});
