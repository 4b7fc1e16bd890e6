import { describe, expect, it } from 'vitest';
import { can } from '../../../../shared/src/permissions/can';
import { docAccess, writesOnBehalf } from '../../../../shared/src/permissions/docAccess';
import { initialPlanRights, type PlanRights } from '../../../../shared/src/permissions/member';
import { ROLES, type Role } from '../../../../shared/src/permissions/roles';

// The expected tables are written by hand here, not read from the rights function (STYLE.md, Tests).
type Row = { gezamenlijk: string; gezamenlijkInOverleg: string; professioneel: string; own: string; other: string };
const EXPECTED: Record<Role, Row> = {
  jeugdbeschermer: { gezamenlijk: 'write', gezamenlijkInOverleg: 'write', professioneel: 'write', own: 'write', other: 'read' },
  gedragswetenschapper: { gezamenlijk: 'write', gezamenlijkInOverleg: 'write', professioneel: 'write', own: 'write', other: 'read' },
  hulpverlener: { gezamenlijk: 'write', gezamenlijkInOverleg: 'write', professioneel: 'none', own: 'write', other: 'read' },
  raadsonderzoeker: { gezamenlijk: 'read', gezamenlijkInOverleg: 'read', professioneel: 'none', own: 'write', other: 'read' },
  ouder: { gezamenlijk: 'read', gezamenlijkInOverleg: 'write', professioneel: 'none', own: 'write', other: 'read' },
  jeugdige: { gezamenlijk: 'read', gezamenlijkInOverleg: 'write', professioneel: 'none', own: 'write', other: 'read' },
  netwerk: { gezamenlijk: 'read', gezamenlijkInOverleg: 'write', professioneel: 'none', own: 'write', other: 'read' },
};

const base = initialPlanRights(['me', 'other', 'kind']);
const inOverleg: PlanRights = { ...base, teamoverleg: { open: true, present: ['me'] } };

describe('docAccess (issue #6 rules)', () => {
  for (const role of ROLES) {
    it(`[R1-R3] ${role}`, () => {
      const me = { memberId: 'me', role, ...(role === 'jeugdige' ? { ageBand: '12-15' as const } : {}) };
      expect(docAccess(me, 'gezamenlijk', base)).toBe(EXPECTED[role].gezamenlijk);
      expect(docAccess(me, 'gezamenlijk', inOverleg)).toBe(EXPECTED[role].gezamenlijkInOverleg);
      expect(docAccess(me, 'professioneel', base)).toBe(EXPECTED[role].professioneel);
      expect(docAccess(me, 'eigen-me', base)).toBe(EXPECTED[role].own);
      expect(docAccess(me, 'eigen-other', base)).toBe(EXPECTED[role].other);
    });
  }

  it('[R1] family not present in an open teamoverleg only read the common plan', () => {
    const absent: PlanRights = { ...base, teamoverleg: { open: true, present: ['other'] } };
    expect(docAccess({ memberId: 'me', role: 'ouder' }, 'gezamenlijk', absent)).toBe('read');
  });

  it('[R2] a grant lets a hulpverlener write and a raadsonderzoeker read professioneel', () => {
    const granted: PlanRights = { ...base, professioneelGrants: ['me'] };
    expect(docAccess({ memberId: 'me', role: 'hulpverlener' }, 'professioneel', granted)).toBe('write');
    expect(docAccess({ memberId: 'me', role: 'raadsonderzoeker' }, 'professioneel', granted)).toBe('read');
    expect(docAccess({ memberId: 'me', role: 'ouder' }, 'professioneel', granted)).toBe('none');
  });

  it('[R3] the jeugdbeschermer writes the own doc of a child under 12, marked as on behalf', () => {
    const plan: PlanRights = { ...base, childrenUnder12: ['kind'] };
    const jb = { memberId: 'me', role: 'jeugdbeschermer' as const };
    expect(docAccess(jb, 'eigen-kind', plan)).toBe('write');
    expect(writesOnBehalf(jb, 'eigen-kind', plan)).toBe(true);
    expect(writesOnBehalf(jb, 'eigen-me', plan)).toBe(false);
    expect(docAccess({ memberId: 'me', role: 'hulpverlener' }, 'eigen-kind', plan)).toBe('read');
    expect(docAccess(jb, 'eigen-kind', base)).toBe('read');
  });

  it('[R4] a raadsonderzoeker has no access once the investigation is closed', () => {
    const closed: PlanRights = { ...base, raadsonderzoekLopend: false, professioneelGrants: ['me'] };
    for (const doc of ['gezamenlijk', 'professioneel', 'eigen-me', 'eigen-other']) {
      expect(docAccess({ memberId: 'me', role: 'raadsonderzoeker' }, doc, closed)).toBe('none');
    }
    expect(docAccess({ memberId: 'me', role: 'hulpverlener' }, 'gezamenlijk', closed)).toBe('write');
  });

  it('[R5] unknown docs and the own doc of a non-member are closed', () => {
    const me = { memberId: 'me', role: 'jeugdbeschermer' as const };
    expect(docAccess(me, 'eigen-stranger', base)).toBe('none');
    expect(docAccess(me, 'notulen', base)).toBe('none');
  });
});

describe('can (issue #6 actions)', () => {
  const JB_ONLY = ['invite', 'createPlan', 'changeRole', 'revoke', 'openTeamoverleg', 'closeTeamoverleg', 'markPresent', 'grantProfessioneel', 'closeRaadsonderzoek', 'adoptProposal', 'declineProposal', 'viewAuditLog'] as const;
  for (const role of ROLES) {
    it(`[R10-R12] ${role}`, () => {
      const me = { memberId: 'me', role, ...(role === 'jeugdige' ? { ageBand: '12-15' as const } : {}) };
      for (const action of JB_ONLY) expect(can(me, action)).toBe(role === 'jeugdbeschermer');
      expect(can(me, 'setActionStatus', { actionOwnerId: 'me' })).toBe(true);
      expect(can(me, 'setActionStatus', { actionOwnerId: 'other' })).toBe(role === 'jeugdbeschermer');
      expect(can(me, 'viewWhoLooked')).toBe(role === 'ouder' || role === 'jeugdige');
    });
  }

  it('[R12] a child under 12 does not get the audit view', () => {
    expect(can({ memberId: 'k', role: 'jeugdige', ageBand: 'under-12' }, 'viewWhoLooked')).toBe(false);
  });
});
