import type { MemberRights } from './member';

/** Actions only the jeugdbeschermer (casusregie) takes. */
const JEUGDBESCHERMER_ACTIONS = [
  'invite',
  'createPlan',
  'changeRole',
  'revoke',
  'openTeamoverleg',
  'closeTeamoverleg',
  'markPresent',
  'grantProfessioneel',
  'closeRaadsonderzoek',
  'adoptProposal',
  'declineProposal',
  'viewAuditLog',
  'freezeVersion',
  'restoreVersion',
  'exportVersion',
] as const;

/** The server-mediated actions of DESIGN.md §4 (issue #6). Each is checked here and applied by the server. */
export const ACTIONS = [...JEUGDBESCHERMER_ACTIONS, 'setActionStatus', 'viewWhoLooked', 'answerVersion'] as const;
export type Action = (typeof ACTIONS)[number];

/** What some actions are about: the owner of the action whose status is set. */
export interface ActionTarget {
  /** The member an action (in Doelen en acties) is assigned to, if it is a member. */
  readonly actionOwnerId?: string | null;
  /** The member an answer on a version (akkoord / niet akkoord) is given for. */
  readonly answerFor?: string;
}

const JEUGDBESCHERMER_ONLY: ReadonlySet<Action> = new Set(JEUGDBESCHERMER_ACTIONS);

/**
 * Decides whether a member may perform an action in their plan (DESIGN.md §5). Server routes and the client's
 * buttons call this one function.
 * - [R10] the jeugdbeschermer invites, changes roles, revokes, opens and closes the teamoverleg, marks who is
 *   present, grants `professioneel`, closes the investigation, adopts or declines proposals, reads the audit log,
 *   and makes new plans.
 * - [R11] the owner of an action sets its status (and the jeugdbeschermer, who writes the plan anyway).
 * - [R12] an ouder and a jeugdige of 12 or older see who looked at or changed their plan.
 * - [R13] the jeugdbeschermer freezes versions, restores from them and exports them (issue #8); every member
 *   answers akkoord / niet akkoord on a version for themselves only.
 *
 * @example can({ memberId: 'm1', role: 'ouder' }, 'invite') // false
 * @example can({ memberId: 'm2', role: 'hulpverlener' }, 'setActionStatus', { actionOwnerId: 'm2' }) // true
 */
export function can(member: MemberRights, action: Action, target: ActionTarget = {}): boolean {
  if (JEUGDBESCHERMER_ONLY.has(action)) return member.role === 'jeugdbeschermer';
  switch (action) {
    case 'setActionStatus':
      return member.role === 'jeugdbeschermer' || (target.actionOwnerId != null && target.actionOwnerId === member.memberId);
    case 'viewWhoLooked':
      return member.role === 'ouder' || (member.role === 'jeugdige' && member.ageBand !== undefined && member.ageBand !== 'under-12');
    case 'answerVersion':
      return target.answerFor !== undefined && target.answerFor === member.memberId;
    default:
      return false;
  }
}
