import type { Request, Response } from 'express';
import { can, type Action, type ActionTarget } from '../../../shared/src/permissions/can';
import type { PlanRights } from '../../../shared/src/permissions/member';
import type { Author } from '../../../shared/src/schema/items';
import type { AuditRecorder } from '../audit/auditRecorder';
import { AccessDenied, NotFound } from '../errors';
import type { MemberRecord, PlanRecord } from '../storage/records';
import type { MetaStore } from '../storage/Store';
import { routeParam, viewerOf } from './requestGuards';

/** The signed-in member and the plan of `:planId`; 404 for an unknown plan, 403 for another plan's member. */
export function planOfViewer(meta: MetaStore, req: Request, res: Response): { member: MemberRecord; plan: PlanRecord } {
  const { member } = viewerOf(res.locals);
  const plan = meta.getPlan(routeParam(req.params, 'planId'));
  if (!plan) throw new NotFound('plan');
  if (member.planId !== plan.planId) throw new AccessDenied('plan');
  return { member, plan };
}

/**
 * Checks `can` for a server-mediated action; a refusal is audited and answered 403. Actions that depend on the
 * plan's state (comments) pass `plan`.
 */
export function requireCan(audit: AuditRecorder, member: MemberRecord, action: Action, target: ActionTarget = {}, object?: string, plan?: PlanRights): void {
  if (can(member, action, target, plan)) return;
  void audit.record({
    event: 'access.denied',
    planId: member.planId,
    memberId: member.memberId,
    role: member.role,
    outcome: 'refused',
    reason: action,
    ...(object !== undefined ? { object } : {}),
  });
  throw new AccessDenied(action);
}

/** A member of the same plan named by `:memberId`, or 404. */
export function planMember(meta: MetaStore, plan: PlanRecord, memberId: string): MemberRecord {
  const target = meta.getMember(memberId);
  if (!target || target.planId !== plan.planId) throw new NotFound('member');
  return target;
}

/** The JSON body as an object ({} for anything else, so field checks answer 400). */
export function bodyOf(req: Request): Record<string, unknown> {
  const b: unknown = req.body;
  return typeof b === 'object' && b !== null && !Array.isArray(b) ? (b as Record<string, unknown>) : {};
}

/** The signed-in member as the author stamped on what the server writes for them. */
export function authorOf(member: MemberRecord): Author {
  return { memberId: member.memberId, role: member.role, name: member.name };
}
