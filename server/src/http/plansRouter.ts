import { Router } from 'express';
import { can } from '../../../shared/src/permissions/can';
import { docAccess } from '../../../shared/src/permissions/docAccess';
import type { AuditRecorder } from '../audit/auditRecorder';
import type { RightsService } from '../rights/rightsService';
import { planDocNames } from '../../../shared/src/schema/docNames';
import type { PlanTemplateV2 } from '../../../shared/src/schema/templateV2';
import { createInvitation, invitationUrl } from '../auth/invitations';
import type { Config } from '../config';
import { AccessDenied, Invalid, NotFound } from '../errors';
import type { Logger } from '../log';
import { createPlanFromTemplate } from '../plans/createPlan';
import type { Store } from '../storage/Store';
import { memberView } from './memberView';
import { planStateView } from './planActionsRouter';
import { planOfViewer } from './planGuards';
import { requestOrigin } from './requestOrigin';
import { requireViewer, routeParam, viewerOf } from './requestGuards';

const MAX_TITLE_LENGTH = 120;

/**
 * `GET /api/plans/<planId>`: the plan's title, members, the docs this member may open, and the doc size cap.
 * `POST /api/plans` `{ templateId, titel }`: a jeugdbeschermer makes a new plan from a template; they get a
 * fresh invitation to it, so opening the new plan never signs them out of the plan they came from by surprise.
 */
export function plansRouter(deps: {
  config: Config;
  store: Store;
  templates: ReadonlyMap<string, PlanTemplateV2>;
  rights: RightsService;
  audit: AuditRecorder;
  log: Logger;
}): Router {
  const { config, store, templates, rights, audit, log } = deps;
  const { meta } = store;
  const router = Router();
  router.get('/api/plans/:planId', requireViewer(meta), (req, res) => {
    const { member, plan } = planOfViewer(meta, req, res);
    const members = meta.listMembers(plan.planId).filter((m) => !m.revokedAt);
    // The page opens sockets right after this: count the member as connecting, as the upgrade gate does.
    const state = rights.rights(plan.planId, member.memberId);
    if (!state) throw new NotFound('plan');
    const docs = planDocNames(state.memberIds).flatMap((docName) => {
      const access = docAccess(member, docName, state);
      return access === 'none' ? [] : [{ docName, access }];
    });
    void audit.record({ event: 'plan.opened', planId: plan.planId, memberId: member.memberId, role: member.role, outcome: 'ok' });
    res.setHeader('Cache-Control', 'no-store');
    res.json({
      planId: plan.planId,
      titel: plan.titel,
      me: memberView(member),
      members: members.map(memberView),
      docs,
      state: { ...planStateView(plan), present: state.teamoverleg.present, childrenUnder12: state.childrenUnder12 },
      // The client warns before a doc reaches the cap; past it the server closes the socket with 4413.
      limits: { docMaxBytes: config.limits.docSizeCapBytes },
    });
  });

  router.post('/api/plans', requireViewer(meta), async (req, res) => {
    const { member } = viewerOf(res.locals);
    if (!can(member, 'createPlan')) throw new AccessDenied('createPlan');
    const { templateId, titel } = parseNewPlan(req.body);
    const template = templates.get(templateId);
    if (!template) throw new Invalid('templateId');
    const now = new Date();
    const { plan, members } = await createPlanFromTemplate(store, template, titel, member, now);
    const maker = members[0];
    if (!maker) throw new Error('a new plan has its maker as first member');
    const token = await createInvitation(meta, maker, now, config.invitationTtlDays);
    log.info('plan.created', { planId: plan.planId, templateId, by: member.memberId });
    res.status(201).json({ planId: plan.planId, token, url: invitationUrl(requestOrigin(config, req), token) });
  });
  return router;
}

function parseNewPlan(body: unknown): { templateId: string; titel: string } {
  const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  if (typeof b.templateId !== 'string') throw new Invalid('templateId');
  const titel = typeof b.titel === 'string' ? b.titel.trim() : '';
  if (titel.length === 0 || titel.length > MAX_TITLE_LENGTH) throw new Invalid('titel');
  return { templateId: b.templateId, titel };
}
