import { ROLE_COLORS } from '../../../shared/src/permissions/roles';
import type { MemberRecord } from '../storage/records';

/** What other members may see of a member: no timestamps, no tokens. */
export function memberView(member: MemberRecord) {
  return {
    memberId: member.memberId,
    role: member.role,
    name: member.name,
    color: ROLE_COLORS[member.role],
    ...(member.ageBand ? { ageBand: member.ageBand } : {}),
  };
}
