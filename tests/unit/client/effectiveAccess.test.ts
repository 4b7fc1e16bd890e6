import { describe, expect, it } from 'vitest';
import type { PlanView } from '../../../client/src/api/types';
import { effectiveAccess } from '../../../client/src/pages/effectiveAccess';

function plan(role: PlanView['me']['role'], docs: PlanView['docs'], state: Partial<PlanView['state']> = {}): PlanView {
  return {
    planId: 'p1',
    titel: 'Plan',
    me: { memberId: 'm1', role, name: 'Anouk', color: '#1d4ed8' },
    members: [
      { memberId: 'm1', role, name: 'Anouk', color: '#1d4ed8' },
      { memberId: 'm2', role: 'ouder', name: 'Bas', color: '#b91c1c' },
    ],
    docs,
    state: { teamoverleg: { open: false, aanwezigheid: {} }, raadsonderzoekLopend: true, professioneelGrants: [], present: [], childrenUnder12: [], ...state },
  };
}

describe('effectiveAccess', () => {
  it('lets a member write their own view and only read another’s', () => {
    const p = plan('ouder', [
      { docName: 'eigen-m1', access: 'write' },
      { docName: 'eigen-m2', access: 'read' },
    ]);
    expect(effectiveAccess(p, 'eigen-m1')).toBe('write');
    expect(effectiveAccess(p, 'eigen-m2')).toBe('read');
  });

  it('never goes beyond what the server listed', () => {
    const p = plan('jeugdbeschermer', [{ docName: 'gezamenlijk', access: 'read' }]);
    expect(effectiveAccess(p, 'gezamenlijk')).toBe('read');
    expect(effectiveAccess(p, 'professioneel')).toBe('none');
  });

  it('lets a parent write the common plan only while present in an open teamoverleg', () => {
    const listed = [{ docName: 'gezamenlijk', access: 'write' as const }];
    expect(effectiveAccess(plan('ouder', listed), 'gezamenlijk')).toBe('read');
    const open = { teamoverleg: { open: true, aanwezigheid: {} }, present: ['m1'] };
    expect(effectiveAccess(plan('ouder', listed, open), 'gezamenlijk')).toBe('write');
  });

  it('never goes beyond the shared rights function', () => {
    const p = plan('ouder', [{ docName: 'professioneel', access: 'write' }]);
    expect(effectiveAccess(p, 'professioneel')).toBe('none');
  });
});
