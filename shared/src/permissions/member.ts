import type { AgeBand, Role } from './roles';

/** What the rights function needs to know about a member. */
export interface MemberRights {
  memberId: string;
  role: Role;
  /** Only for a jeugdige. */
  ageBand?: AgeBand;
}

/** What the rights function needs to know about a plan. */
export interface PlanRights {
  /** All member ids of the plan; an `eigen-` doc exists only for these. */
  memberIds: readonly string[];
}
