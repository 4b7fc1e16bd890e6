import type { PlanRights } from '../../../shared/src/permissions/member';
import { isChildUnder12 } from '../../../shared/src/permissions/roles';
import type { MemberRecord, PlanRecord } from '../storage/records';

/**
 * The plan's rights state (shared `PlanRights`) from its stored record, its members and who is connected now.
 * Present in an open teamoverleg: marked "aanwezig" by the jeugdbeschermer, or connected to the plan — unless
 * marked "afwezig" or "afgemeld", which the jeugdbeschermer decides.
 */
export function planRightsOf(plan: PlanRecord, members: readonly MemberRecord[], connected: ReadonlySet<string>): PlanRights {
  const active = members.filter((m) => !m.revokedAt);
  const overleg = plan.teamoverleg;
  const open = overleg?.open === true;
  const present = open
    ? active
        .map((m) => m.memberId)
        .filter((id) => {
          const mark = overleg.aanwezigheid[id];
          return mark === 'aanwezig' || (mark === undefined && connected.has(id));
        })
    : [];
  return {
    memberIds: active.map((m) => m.memberId),
    childrenUnder12: active.filter(isChildUnder12).map((m) => m.memberId),
    teamoverleg: { open, present },
    raadsonderzoekLopend: plan.raadsonderzoekGeslotenAt === undefined,
    professioneelGrants: plan.professioneelGrants ?? [],
  };
}
