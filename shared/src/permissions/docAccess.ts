import { parseDocName } from '../schema/docNames';
import type { MemberRights, PlanRights } from './member';

/** What a member may do with one doc. */
export type Access = 'none' | 'read' | 'write';

/**
 * Decides, for one member, one doc and the plan's state, whether the member may read or write it (DESIGN.md §5).
 * Server (at upgrade and on every message) and client (read-only fields) call this same function.
 * An unknown doc name answers 'none'; callers that must tell "unknown" apart use `parseDocName` first.
 *
 * Rules of the walking skeleton (issue #4; the permissions issue refines them):
 * - [R1] every member reads and writes `gezamenlijk`;
 * - [R2] `professioneel` is read and written by the jeugdbeschermer and gedragswetenschapper only;
 * - [R3] every member reads every `eigen-` doc of the plan; only its owner writes it.
 *
 * @example docAccess({ memberId: 'm1', role: 'ouder' }, 'professioneel', plan) // 'none'
 */
export function docAccess(member: MemberRights, docName: string, plan: PlanRights): Access {
  const parsed = parseDocName(docName);
  if (!parsed) return 'none';
  switch (parsed.kind) {
    case 'gezamenlijk':
      return 'write';
    case 'professioneel':
      return member.role === 'jeugdbeschermer' || member.role === 'gedragswetenschapper' ? 'write' : 'none';
    case 'eigen':
      if (!plan.memberIds.includes(parsed.memberId)) return 'none';
      return parsed.memberId === member.memberId ? 'write' : 'read';
    default: {
      const never: never = parsed;
      return never;
    }
  }
}
