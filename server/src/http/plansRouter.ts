import { Router } from 'express';
import { docAccess } from '../../../shared/src/permissions/docAccess';
import { planDocNames } from '../../../shared/src/schema/docNames';
import { AccessDenied, NotFound } from '../errors';
import type { MetaStore } from '../storage/Store';
import { memberView } from './memberView';
import { requireViewer, routeParam, viewerOf } from './requestGuards';

/** `GET /api/plans/<planId>`: the plan's title, members, and the docs this member may open. */
export function plansRouter(deps: { meta: MetaStore }): Router {
  const { meta } = deps;
  const router = Router();
  router.get('/api/plans/:planId', requireViewer(meta), (req, res) => {
    const { member } = viewerOf(res.locals);
    const plan = meta.getPlan(routeParam(req.params, 'planId'));
    if (!plan) throw new NotFound('plan');
    if (member.planId !== plan.planId) throw new AccessDenied('plan');
    const members = meta.listMembers(plan.planId).filter((m) => !m.revokedAt);
    const memberIds = members.map((m) => m.memberId);
    const docs = planDocNames(memberIds).flatMap((docName) => {
      const access = docAccess(member, docName, { memberIds });
      return access === 'none' ? [] : [{ docName, access }];
    });
    res.setHeader('Cache-Control', 'no-store');
    res.json({ planId: plan.planId, titel: plan.titel, me: memberView(member), members: members.map(memberView), docs });
  });
  return router;
}
