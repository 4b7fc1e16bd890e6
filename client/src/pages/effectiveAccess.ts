import type { PlanView } from '../api/types';
import { docAccess, type Access } from '../../../shared/src/permissions/docAccess';
import type { PlanRights } from '../../../shared/src/permissions/member';

const RANK: Readonly<Record<Access, number>> = { none: 0, read: 1, write: 2 };

/**
 * What the member may do with a doc: the shared rights function (DESIGN.md §5), capped by what the server
 * listed for this member, so a grant or a revocation the client cannot know about never shows a field
 * that would only be refused.
 */
export function effectiveAccess(plan: PlanView, docName: string): Access {
  const listed = plan.docs.find((d) => d.docName === docName)?.access ?? 'none';
  const shared = docAccess({ memberId: plan.me.memberId, role: plan.me.role, ageBand: plan.me.ageBand }, docName, planRightsOfView(plan));
  return RANK[listed] <= RANK[shared] ? listed : shared;
}

/** The plan's rights state as the server last sent it, for the shared `docAccess` and `can`. */
export function planRightsOfView(plan: PlanView): PlanRights {
  return {
    memberIds: plan.members.map((m) => m.memberId),
    childrenUnder12: plan.state.childrenUnder12,
    teamoverleg: { open: plan.state.teamoverleg.open, present: plan.state.present },
    raadsonderzoekLopend: plan.state.raadsonderzoekLopend,
    professioneelGrants: plan.state.professioneelGrants,
  };
}
