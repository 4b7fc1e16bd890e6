import { commentDocName } from '../schema/docNames';
import { docAccess } from './docAccess';
import type { MemberRights, PlanRights } from './member';
import { isChildUnder12 } from './roles';

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

/** The comment actions of issue #7: posted over HTTP, written by the server into a comment doc. */
export const COMMENT_ACTIONS = ['startThread', 'replyToThread', 'editComment', 'deleteComment', 'resolveThread', 'copyThreadToAll'] as const;
export type CommentAction = (typeof COMMENT_ACTIONS)[number];

/** The server-mediated actions of DESIGN.md §4 (issue #6). Each is checked here and applied by the server. */
export const ACTIONS = [...JEUGDBESCHERMER_ACTIONS, 'setActionStatus', 'viewWhoLooked', 'answerVersion', ...COMMENT_ACTIONS] as const;
export type Action = (typeof ACTIONS)[number];

/** What some actions are about: the owner of the action whose status is set; the thread or comment acted on. */
export interface ActionTarget {
  /** The member an action (in Doelen en acties) is assigned to, if it is a member. */
  readonly actionOwnerId?: string | null;
  /** The member an answer on a version (akkoord / niet akkoord) is given for. */
  readonly answerFor?: string;
  /** The comment channel: true for `opmerkingen-intern` ("alleen professionals"). Default: everyone's. */
  readonly intern?: boolean;
  /** Who started the thread acted on. */
  readonly threadStarterId?: string | null;
  /** Who wrote the comment acted on. */
  readonly commentAuthorId?: string | null;
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
 * - [R21] comments need the plan's state (`plan`): only a member who reads a channel's doc acts in it, so
 *   family and netwerk never act in `opmerkingen-intern`, and a raadsonderzoeker stops when the investigation ends.
 * - [R22] whoever reads a channel starts threads and replies in it — except a child under 12, for whom the
 *   jeugdbeschermer speaks (DESIGN.md §2).
 * - [R23] only its author edits or deletes a comment: nobody deletes another's comment, the jeugdbeschermer neither.
 * - [R24] the thread's starter or the jeugdbeschermer resolves and reopens it.
 * - [R25] the same two copy an "alleen professionals" thread to everyone; it never becomes public any other way.
 *
 * @example can({ memberId: 'm1', role: 'ouder' }, 'invite') // false
 * @example can({ memberId: 'm2', role: 'hulpverlener' }, 'setActionStatus', { actionOwnerId: 'm2' }) // true
 * @example can({ memberId: 'm1', role: 'ouder' }, 'startThread', { intern: true }, plan) // false
 */
export function can(member: MemberRights, action: Action, target: ActionTarget = {}, plan?: PlanRights): boolean {
  if (JEUGDBESCHERMER_ONLY.has(action)) return member.role === 'jeugdbeschermer';
  switch (action) {
    case 'setActionStatus':
      return member.role === 'jeugdbeschermer' || (target.actionOwnerId != null && target.actionOwnerId === member.memberId);
    case 'viewWhoLooked':
      return member.role === 'ouder' || (member.role === 'jeugdige' && member.ageBand !== undefined && member.ageBand !== 'under-12');
    case 'answerVersion':
      return target.answerFor !== undefined && target.answerFor === member.memberId;
    case 'startThread':
    case 'replyToThread':
    case 'editComment':
    case 'deleteComment':
    case 'resolveThread':
    case 'copyThreadToAll':
      return plan !== undefined && canComment(member, action, target, plan);
    default:
      return false;
  }
}

function canComment(member: MemberRights, action: CommentAction, target: ActionTarget, plan: PlanRights): boolean {
  if (docAccess(member, commentDocName(target.intern === true), plan) === 'none') return false;
  const jeugdbeschermer = member.role === 'jeugdbeschermer';
  switch (action) {
    case 'startThread':
    case 'replyToThread':
      return !isChildUnder12(member);
    case 'editComment':
    case 'deleteComment':
      return target.commentAuthorId != null && target.commentAuthorId === member.memberId;
    case 'resolveThread':
      return jeugdbeschermer || (target.threadStarterId != null && target.threadStarterId === member.memberId);
    case 'copyThreadToAll':
      return target.intern === true && (jeugdbeschermer || (target.threadStarterId != null && target.threadStarterId === member.memberId));
    default: {
      const never: never = action;
      return never;
    }
  }
}
