import { describe, expect, it } from 'vitest';
import { docAccess } from '../../../../shared/src/permissions/docAccess';
import { ROLES, type Role } from '../../../../shared/src/permissions/roles';

// The expected table is written by hand here, not read from the rights function (STYLE.md, Tests).
const EXPECTED: Record<Role, { gezamenlijk: string; professioneel: string; own: string; other: string }> = {
  jeugdbeschermer: { gezamenlijk: 'write', professioneel: 'write', own: 'write', other: 'read' },
  gedragswetenschapper: { gezamenlijk: 'write', professioneel: 'write', own: 'write', other: 'read' },
  hulpverlener: { gezamenlijk: 'write', professioneel: 'none', own: 'write', other: 'read' },
  raadsonderzoeker: { gezamenlijk: 'write', professioneel: 'none', own: 'write', other: 'read' },
  ouder: { gezamenlijk: 'write', professioneel: 'none', own: 'write', other: 'read' },
  jeugdige: { gezamenlijk: 'write', professioneel: 'none', own: 'write', other: 'read' },
  netwerk: { gezamenlijk: 'write', professioneel: 'none', own: 'write', other: 'read' },
};

describe('docAccess (walking-skeleton rules)', () => {
  const plan = { memberIds: ['me', 'other'] };
  for (const role of ROLES) {
    it(`[R1-R3] ${role}`, () => {
      const me = { memberId: 'me', role };
      expect(docAccess(me, 'gezamenlijk', plan)).toBe(EXPECTED[role].gezamenlijk);
      expect(docAccess(me, 'professioneel', plan)).toBe(EXPECTED[role].professioneel);
      expect(docAccess(me, 'eigen-me', plan)).toBe(EXPECTED[role].own);
      expect(docAccess(me, 'eigen-other', plan)).toBe(EXPECTED[role].other);
    });
  }

  it('[R4] unknown docs and the own doc of a non-member are closed', () => {
    const me = { memberId: 'me', role: 'jeugdbeschermer' as const };
    expect(docAccess(me, 'eigen-stranger', plan)).toBe('none');
    expect(docAccess(me, 'notulen', plan)).toBe('none');
  });
});
