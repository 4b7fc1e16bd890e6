import { parseDocName } from '../schema/docNames';
import type { MemberRights, PlanRights } from './member';
import { isFamilyOrNetwork, isProfessional } from './roles';

/** What a member may do with one doc. */
export type Access = 'none' | 'read' | 'write';

/**
 * Decides, for one member, one doc and the plan's state, whether the member may read or write it (DESIGN.md §5,
 * issue #6). Server (at upgrade and on every message) and client (read-only fields) call this same function.
 * An unknown doc name answers 'none'; callers that must tell "unknown" apart use `parseDocName` first.
 *
 * - [R1] `gezamenlijk`: the jeugdbeschermer, gedragswetenschapper and hulpverlener write; the raadsonderzoeker
 *   reads; ouder, jeugdige and netwerk read, and write only while a teamoverleg is open and they are present.
 * - [R2] `professioneel`: jeugdbeschermer and gedragswetenschapper write; a hulpverlener the jeugdbeschermer
 *   granted it writes, a granted raadsonderzoeker reads; family and netwerk never.
 * - [R3] `eigen-<id>`: every member reads; only its owner writes — and the jeugdbeschermer for a child under 12.
 * - [R4] a raadsonderzoeker has no access at all once the investigation is closed.
 * - [R20] `opmerkingen`: every member reads; `opmerkingen-intern`: professionals read, family and netwerk never
 *   (issue #7). Nobody writes either over a socket: comments are posted over HTTP and written by the server
 *   (`can`, 'postComment' and the other comment actions), so authorship cannot be forged.
 *
 * @example docAccess({ memberId: 'm1', role: 'ouder' }, 'professioneel', plan) // 'none'
 */
export function docAccess(member: MemberRights, docName: string, plan: PlanRights): Access {
  const parsed = parseDocName(docName);
  if (!parsed) return 'none';
  if (member.role === 'raadsonderzoeker' && !plan.raadsonderzoekLopend) return 'none';
  switch (parsed.kind) {
    case 'gezamenlijk':
      return gezamenlijkAccess(member, plan);
    case 'professioneel':
      return professioneelAccess(member, plan);
    case 'eigen':
      if (!plan.memberIds.includes(parsed.memberId)) return 'none';
      if (parsed.memberId === member.memberId) return 'write';
      if (member.role === 'jeugdbeschermer' && plan.childrenUnder12.includes(parsed.memberId)) return 'write';
      return 'read';
    case 'opmerkingen':
      return !parsed.intern || isProfessional(member.role) ? 'read' : 'none';
    default: {
      const never: never = parsed;
      return never;
    }
  }
}

function gezamenlijkAccess(member: MemberRights, plan: PlanRights): Access {
  if (member.role === 'raadsonderzoeker') return 'read';
  if (!isFamilyOrNetwork(member.role)) return 'write';
  const { open, present } = plan.teamoverleg;
  return open && present.includes(member.memberId) ? 'write' : 'read';
}

function professioneelAccess(member: MemberRights, plan: PlanRights): Access {
  switch (member.role) {
    case 'jeugdbeschermer':
    case 'gedragswetenschapper':
      return 'write';
    case 'hulpverlener':
      return plan.professioneelGrants.includes(member.memberId) ? 'write' : 'none';
    case 'raadsonderzoeker':
      return plan.professioneelGrants.includes(member.memberId) ? 'read' : 'none';
    default:
      return 'none';
  }
}

/** True when the member writes this doc on behalf of its owner (a child under 12): their items are marked "namens". */
export function writesOnBehalf(member: MemberRights, docName: string, plan: PlanRights): boolean {
  const parsed = parseDocName(docName);
  return parsed?.kind === 'eigen' && parsed.memberId !== member.memberId && docAccess(member, docName, plan) === 'write';
}
