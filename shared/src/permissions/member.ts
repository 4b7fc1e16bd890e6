import type { AgeBand, Role } from './roles';

/** What the rights function needs to know about a member. */
export interface MemberRights {
  memberId: string;
  role: Role;
  /** Only for a jeugdige. */
  ageBand?: AgeBand;
}

/** The teamoverleg as the rights see it: open or not, and who is present in it. */
export interface TeamoverlegRights {
  readonly open: boolean;
  /** Members present: connected to the plan while it is open, or marked present by the jeugdbeschermer. */
  readonly present: readonly string[];
}

/** What the rights function needs to know about a plan (DESIGN.md §5: rights follow the plan's state). */
export interface PlanRights {
  /** All member ids of the plan; an `eigen-` doc exists only for these. */
  readonly memberIds: readonly string[];
  /** Members who are a jeugdige under 12: the jeugdbeschermer writes their own doc for them. */
  readonly childrenUnder12: readonly string[];
  readonly teamoverleg: TeamoverlegRights;
  /** While the Raad voor de Kinderbescherming investigates; a raadsonderzoeker's access ends with it. */
  readonly raadsonderzoekLopend: boolean;
  /** Members (hulpverlener, raadsonderzoeker) the jeugdbeschermer let into `professioneel`. */
  readonly professioneelGrants: readonly string[];
}

/** A plan with no teamoverleg, no grants and the investigation running: the state of a new plan. */
export function initialPlanRights(memberIds: readonly string[], childrenUnder12: readonly string[] = []): PlanRights {
  return { memberIds, childrenUnder12, teamoverleg: { open: false, present: [] }, raadsonderzoekLopend: true, professioneelGrants: [] };
}
