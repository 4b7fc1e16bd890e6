import { describe, expect, it } from 'vitest';
import { can, COMMENT_ACTIONS } from '../../../../shared/src/permissions/can';
import { docAccess } from '../../../../shared/src/permissions/docAccess';
import { initialPlanRights, type PlanRights } from '../../../../shared/src/permissions/member';
import { ROLES, type Role } from '../../../../shared/src/permissions/roles';

// Written by hand (STYLE.md, Tests): who reads each comment doc, and who may start a thread in it.
const READS: Record<Role, { opmerkingen: string; intern: string }> = {
  jeugdbeschermer: { opmerkingen: 'read', intern: 'read' },
  gedragswetenschapper: { opmerkingen: 'read', intern: 'read' },
  hulpverlener: { opmerkingen: 'read', intern: 'read' },
  raadsonderzoeker: { opmerkingen: 'read', intern: 'read' },
  ouder: { opmerkingen: 'read', intern: 'none' },
  jeugdige: { opmerkingen: 'read', intern: 'none' },
  netwerk: { opmerkingen: 'read', intern: 'none' },
};

const plan = initialPlanRights(['me', 'other']);
const memberOf = (role: Role) => ({ memberId: 'me', role, ...(role === 'jeugdige' ? { ageBand: '12-15' as const } : {}) });

describe('comment docs and comment actions (issue #7)', () => {
  for (const role of ROLES) {
    it(`[R20-R25] ${role}`, () => {
      const me = memberOf(role);
      expect(docAccess(me, 'opmerkingen', plan)).toBe(READS[role].opmerkingen);
      expect(docAccess(me, 'opmerkingen-intern', plan)).toBe(READS[role].intern);
      for (const intern of [false, true]) {
        const reads = (intern ? READS[role].intern : READS[role].opmerkingen) === 'read';
        expect(can(me, 'startThread', { intern }, plan)).toBe(reads);
        expect(can(me, 'replyToThread', { intern }, plan)).toBe(reads);
        expect(can(me, 'editComment', { intern, commentAuthorId: 'me' }, plan)).toBe(reads);
        expect(can(me, 'deleteComment', { intern, commentAuthorId: 'other' }, plan)).toBe(false);
        expect(can(me, 'resolveThread', { intern, threadStarterId: 'me' }, plan)).toBe(reads);
        expect(can(me, 'resolveThread', { intern, threadStarterId: 'other' }, plan)).toBe(reads && role === 'jeugdbeschermer');
        expect(can(me, 'copyThreadToAll', { intern, threadStarterId: 'me' }, plan)).toBe(reads && intern);
      }
    });
  }

  it('[R21] without the plan state no comment action is allowed', () => {
    for (const action of COMMENT_ACTIONS) expect(can({ memberId: 'me', role: 'jeugdbeschermer' }, action, { threadStarterId: 'me', commentAuthorId: 'me' })).toBe(false);
  });

  it('[R21] a raadsonderzoeker stops commenting when the investigation ends', () => {
    const closed: PlanRights = { ...plan, raadsonderzoekLopend: false };
    const ro = { memberId: 'me', role: 'raadsonderzoeker' as const };
    expect(docAccess(ro, 'opmerkingen', closed)).toBe('none');
    expect(can(ro, 'startThread', {}, closed)).toBe(false);
  });

  it('[R22] a child under 12 reads the comments but does not post', () => {
    const child = { memberId: 'me', role: 'jeugdige' as const, ageBand: 'under-12' as const };
    expect(docAccess(child, 'opmerkingen', plan)).toBe('read');
    expect(can(child, 'startThread', {}, plan)).toBe(false);
    expect(can(child, 'replyToThread', {}, plan)).toBe(false);
  });

  it('[R20] nobody writes a comment doc over a socket, not even in a teamoverleg', () => {
    const inOverleg: PlanRights = { ...plan, teamoverleg: { open: true, present: ['me'] } };
    for (const role of ROLES) for (const doc of ['opmerkingen', 'opmerkingen-intern']) expect(docAccess(memberOf(role), doc, inOverleg)).not.toBe('write');
  });
});
