import { Router, type Request, type Response } from 'express';
import { summarizeAuditForFamily } from '../../../shared/src/audit/auditSummary';
import { can } from '../../../shared/src/permissions/can';
import { AGE_BANDS, isAgeBand, isRole, mayBeGrantedProfessioneel } from '../../../shared/src/permissions/roles';
import { acties, doelen, isActieStatus } from '../../../shared/src/schema/blocks/doelenActies';
import { eigenDoelen } from '../../../shared/src/schema/blocks/eigen';
import { eigenDocName, GEZAMENLIJK } from '../../../shared/src/schema/docNames';
import { adoptProposal, declineProposal, proposedGoals } from '../../../shared/src/schema/eigenViews';
import { attendanceOf } from '../../../shared/src/versions/attendance';
import type { AuditRecorder } from '../audit/auditRecorder';
import type { AuditEvent } from '../audit/auditTypes';
import { Invalid, NotFound } from '../errors';
import type { Logger } from '../log';
import type { RightsService } from '../rights/rightsService';
import type { Aanwezigheid, MemberRecord, PlanRecord } from '../storage/records';
import type { MetaStore } from '../storage/Store';
import type { RoomRegistry } from '../sync/roomRegistry';
import { authorOf, bodyOf, planMember, planOfViewer, requireCan } from './planGuards';
import { requireViewer, routeParam } from './requestGuards';

const AANWEZIGHEID: readonly Aanwezigheid[] = ['aanwezig', 'afwezig', 'afgemeld'];
const MAX_REASON_LENGTH = 2000;

/**
 * The server-mediated actions of issue #6 (DESIGN.md §4): each is checked with `can`, applied by the server
 * (plan state in the meta store, plan content as the server's own Yjs transaction), audited, and followed by
 * a re-check of every open socket of the plan, so that shrunken rights take effect at once.
 */
export function planActionsRouter(deps: { meta: MetaStore; rooms: RoomRegistry; rights: RightsService; audit: AuditRecorder; log: Logger }): Router {
  const { meta, rooms, rights, audit } = deps;
  const router = Router();
  const viewer = requireViewer(meta);

  /** Audits an action that succeeded. */
  const done = (member: MemberRecord, event: AuditEvent, object?: string) =>
    audit.record({ event, planId: member.planId, memberId: member.memberId, role: member.role, outcome: 'ok', ...(object !== undefined ? { object } : {}) });

  /** Stores a plan change, then closes the sockets whose access it changed. */
  const changePlan = async (plan: PlanRecord, patch: Parameters<MetaStore['updatePlan']>[1]) => {
    const updated = await meta.updatePlan(plan.planId, patch);
    rights.reevaluate(plan.planId);
    return updated;
  };

  router.post('/api/plans/:planId/teamoverleg', viewer, async (req, res) => {
    const { member, plan } = planOfViewer(meta, req, res);
    const open = bodyOf(req).open;
    if (typeof open !== 'boolean') throw new Invalid('open');
    requireCan(audit, member, open ? 'openTeamoverleg' : 'closeTeamoverleg');
    const now = new Date().toISOString();
    // Closing settles the attendance: who was present unmarked is then marked, as the version records it (issue #8).
    const teamoverleg = open
      ? { open: true, openedAt: now, aanwezigheid: {} }
      : { ...(plan.teamoverleg ?? { openedAt: now }), aanwezigheid: settledAttendance(plan, meta, rights), open: false, closedAt: now };
    const updated = await changePlan(plan, { teamoverleg });
    await done(member, open ? 'teamoverleg.opened' : 'teamoverleg.closed');
    res.json(planStateView(updated));
  });

  router.put('/api/plans/:planId/teamoverleg/aanwezigheid/:memberId', viewer, async (req, res) => {
    const { member, plan } = planOfViewer(meta, req, res);
    requireCan(audit, member, 'markPresent');
    const target = planMember(meta, plan, routeParam(req.params, 'memberId'));
    const mark = bodyOf(req).aanwezigheid;
    if (!AANWEZIGHEID.includes(mark as Aanwezigheid)) throw new Invalid('aanwezigheid');
    if (!plan.teamoverleg?.open) throw new Invalid('teamoverleg');
    const teamoverleg = { ...plan.teamoverleg, aanwezigheid: { ...plan.teamoverleg.aanwezigheid, [target.memberId]: mark as Aanwezigheid } };
    const updated = await changePlan(plan, { teamoverleg });
    await done(member, 'teamoverleg.attendance', target.memberId);
    res.json(planStateView(updated));
  });

  router.post('/api/plans/:planId/raadsonderzoek/sluiten', viewer, async (req, res) => {
    const { member, plan } = planOfViewer(meta, req, res);
    requireCan(audit, member, 'closeRaadsonderzoek');
    const updated = plan.raadsonderzoekGeslotenAt ? plan : await changePlan(plan, { raadsonderzoekGeslotenAt: new Date().toISOString() });
    await done(member, 'raadsonderzoek.closed');
    res.json(planStateView(updated));
  });

  router.put('/api/plans/:planId/toegang/professioneel/:memberId', viewer, async (req, res) => {
    const { member, plan } = planOfViewer(meta, req, res);
    requireCan(audit, member, 'grantProfessioneel');
    const target = planMember(meta, plan, routeParam(req.params, 'memberId'));
    const granted = bodyOf(req).toegang;
    if (typeof granted !== 'boolean') throw new Invalid('toegang');
    if (!mayBeGrantedProfessioneel(target.role)) throw new Invalid('role');
    const others = (plan.professioneelGrants ?? []).filter((id) => id !== target.memberId);
    const updated = await changePlan(plan, { professioneelGrants: granted ? [...others, target.memberId] : others });
    await done(member, granted ? 'access.granted' : 'access.withdrawn', target.memberId);
    res.json(planStateView(updated));
  });

  router.put('/api/plans/:planId/members/:memberId/rol', viewer, async (req, res) => {
    const { member, plan } = planOfViewer(meta, req, res);
    requireCan(audit, member, 'changeRole');
    const target = planMember(meta, plan, routeParam(req.params, 'memberId'));
    if (target.revokedAt) throw new NotFound('member');
    const { role, ageBand } = bodyOf(req);
    if (!isRole(role)) throw new Invalid('role');
    if (role === 'jeugdige' ? !isAgeBand(ageBand) : ageBand !== undefined) throw new Invalid(`ageBand (${AGE_BANDS.join(', ')})`);
    const updated = await meta.updateMember(target.memberId, { role, ...(isAgeBand(ageBand) ? { ageBand } : { ageBand: undefined }) });
    rights.reevaluate(plan.planId);
    await done(member, 'member.role_changed', target.memberId);
    res.json({ memberId: updated.memberId, role: updated.role, ...(updated.ageBand ? { ageBand: updated.ageBand } : {}) });
  });

  router.delete('/api/plans/:planId/members/:memberId', viewer, async (req, res) => {
    const { member, plan } = planOfViewer(meta, req, res);
    requireCan(audit, member, 'revoke');
    const target = planMember(meta, plan, routeParam(req.params, 'memberId'));
    if (target.memberId === member.memberId) throw new Invalid('self');
    const now = new Date();
    if (!target.revokedAt) {
      await meta.updateMember(target.memberId, { revokedAt: now.toISOString() });
      await meta.endAccessOf(target.memberId, now);
    }
    rights.reevaluate(plan.planId);
    await done(member, 'member.revoked', target.memberId);
    res.status(204).end();
  });

  router.post('/api/plans/:planId/acties/:actieId/status', viewer, async (req, res) => {
    const { member, plan } = planOfViewer(meta, req, res);
    const actieId = routeParam(req.params, 'actieId');
    const { doelId, status } = bodyOf(req);
    if (typeof doelId !== 'string') throw new Invalid('doelId');
    if (!isActieStatus(status)) throw new Invalid('status');
    await rooms.change(plan.planId, GEZAMENLIJK, (doc) => {
      const actie = acties.read(doc, doelId).find((a) => a.id === actieId);
      if (!actie) throw new NotFound('actie');
      const owner = actie.wie?.kind === 'lid' ? actie.wie.memberId : null;
      requireCan(audit, member, 'setActionStatus', { actionOwnerId: owner }, actieId);
      acties.update(doc, authorOf(member), doelId, actieId, { status });
    });
    await done(member, 'actie.status_set', actieId);
    res.status(204).end();
  });

  const decideProposal = (decision: 'adopt' | 'decline') => async (req: Request, res: Response) => {
    const { member, plan } = planOfViewer(meta, req, res);
    requireCan(audit, member, decision === 'adopt' ? 'adoptProposal' : 'declineProposal');
    const proposer = planMember(meta, plan, routeParam(req.params, 'memberId'));
    const doelId = routeParam(req.params, 'doelId');
    const reden = bodyOf(req).reden;
    if (decision === 'decline' && (typeof reden !== 'string' || reden.trim() === '' || reden.length > MAX_REASON_LENGTH)) throw new Invalid('reden');
    const own = await rooms.change(plan.planId, eigenDocName(proposer.memberId), (doc) => eigenDoelen.get(doc, doelId));
    if (!own) throw new NotFound('voorstel');
    const proposerRef = { memberId: proposer.memberId, role: proposer.role, name: proposer.name };
    const id = await rooms.change(plan.planId, GEZAMENLIJK, (doc) => {
      const open = proposedGoals(doelen.read(doc), [{ member: proposerRef, doelen: [own] }]);
      const voorstel = open[0];
      if (!voorstel) throw new Invalid('al besloten');
      return decision === 'adopt' ? adoptProposal(doc, authorOf(member), voorstel) : declineProposal(doc, authorOf(member), voorstel, (reden as string).trim());
    });
    await done(member, decision === 'adopt' ? 'voorstel.adopted' : 'voorstel.declined', `${proposer.memberId}/${doelId}`);
    res.status(201).json({ doelId: id });
  };
  router.post('/api/plans/:planId/voorstellen/:memberId/:doelId/overnemen', viewer, decideProposal('adopt'));
  router.post('/api/plans/:planId/voorstellen/:memberId/:doelId/afwijzen', viewer, decideProposal('decline'));

  /**
   * The audit log: the jeugdbeschermer gets every record; an ouder or a jeugdige of 12 or older gets
   * "wie heeft mijn plan bekeken of gewijzigd" in plain Dutch. Looking at the log is not itself logged.
   */
  router.get('/api/plans/:planId/audit', viewer, async (req, res) => {
    const { member, plan } = planOfViewer(meta, req, res);
    res.setHeader('Cache-Control', 'no-store');
    if (can(member, 'viewAuditLog')) {
      res.json({ records: await audit.list(plan.planId) });
      return;
    }
    requireCan(audit, member, 'viewWhoLooked');
    const members = meta.listMembers(plan.planId).map((m) => ({ memberId: m.memberId, name: m.name }));
    res.json({ lines: summarizeAuditForFamily(await audit.list(plan.planId), { viewerMemberId: member.memberId, members }) });
  });

  return router;
}

/** The marks of the teamoverleg, with every unmarked member marked by whether they are present now. */
function settledAttendance(plan: PlanRecord, meta: MetaStore, rights: RightsService): Record<string, Aanwezigheid> {
  const members = meta.listMembers(plan.planId).filter((m) => !m.revokedAt);
  const present = rights.rights(plan.planId)?.teamoverleg.present ?? [];
  return Object.fromEntries(attendanceOf(members, plan.teamoverleg?.aanwezigheid ?? {}, present).map((a) => [a.memberId, a.aanwezigheid]));
}

/** The plan state the client shows: the teamoverleg banner, the investigation, the grants. */
export function planStateView(plan: PlanRecord) {
  return {
    teamoverleg: plan.teamoverleg ? { open: plan.teamoverleg.open, openedAt: plan.teamoverleg.openedAt, aanwezigheid: plan.teamoverleg.aanwezigheid } : { open: false, aanwezigheid: {} },
    raadsonderzoekLopend: plan.raadsonderzoekGeslotenAt === undefined,
    professioneelGrants: plan.professioneelGrants ?? [],
  };
}

