import type { MemberRights } from './member';

/** The server-mediated actions of DESIGN.md §4 that exist so far. */
export const ACTIONS = ['invite', 'createPlan'] as const;
export type Action = (typeof ACTIONS)[number];

/**
 * Decides whether a member may perform an action in their plan (DESIGN.md §5). Server routes and the client's
 * buttons call this one function.
 * - [R10] only the jeugdbeschermer invites members.
 * - [R11] only a jeugdbeschermer makes a new plan (from a template); they become its jeugdbeschermer.
 *
 * @example can({ memberId: 'm1', role: 'ouder' }, 'invite') // false
 */
export function can(member: MemberRights, action: Action): boolean {
  switch (action) {
    case 'invite':
    case 'createPlan':
      return member.role === 'jeugdbeschermer';
    default: {
      const never: never = action;
      return never;
    }
  }
}
