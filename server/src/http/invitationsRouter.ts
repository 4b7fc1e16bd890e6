import { Router } from 'express';
import { can } from '../../../shared/src/permissions/can';
import { isAgeBand, isRole } from '../../../shared/src/permissions/roles';
import { eigenDocName } from '../../../shared/src/schema/docNames';
import type { PlanTemplateV2 } from '../../../shared/src/schema/templateV2';
import { acceptInvitation, invitationUrl, inviteMember } from '../auth/invitations';
import { sessionCookie } from '../auth/sessionCookie';
import { startSession } from '../auth/sessions';
import type { Config } from '../config';
import { AccessDenied, Invalid, NotFound } from '../errors';
import type { Logger } from '../log';
import { fillNewOwnDoc } from '../plans/createPlan';
import type { MetaStore } from '../storage/Store';
import type { RoomRegistry } from '../sync/roomRegistry';
import { requestOrigin } from './requestOrigin';
import { requireViewer, routeParam, viewerOf } from './requestGuards';

/** Accepting invitations (anyone with the link) and creating them (the jeugdbeschermer), DESIGN.md §7. */
export function invitationsRouter(deps: {
  config: Config;
  meta: MetaStore;
  rooms: RoomRegistry;
  templates: ReadonlyMap<string, PlanTemplateV2>;
  log: Logger;
}): Router {
  const { config, meta, rooms, templates, log } = deps;
  const router = Router();

  router.post('/api/invitations/:token/accept', async (req, res) => {
    const now = new Date();
    const member = await acceptInvitation(meta, routeParam(req.params, 'token'), now);
    const sessionId = await startSession(meta, member, now, config.sessionTtlDays);
    const secure = config.publicOrigin?.startsWith('https://') ?? req.secure;
    res.setHeader('Set-Cookie', sessionCookie(sessionId, config.sessionTtlDays * 86_400, secure));
    res.setHeader('Cache-Control', 'no-store');
    log.info('invitation.accepted', { planId: member.planId, memberId: member.memberId, role: member.role });
    res.json({ planId: member.planId, memberId: member.memberId, role: member.role });
  });

  router.post('/api/plans/:planId/invitations', requireViewer(meta), async (req, res) => {
    const viewer = viewerOf(res.locals);
    const planId = routeParam(req.params, 'planId');
    const plan = meta.getPlan(planId);
    if (!plan) throw new NotFound('plan');
    if (viewer.member.planId !== planId || !can(viewer.member, 'invite')) throw new AccessDenied('invite');
    const input = parseInvitationInput(req.body);
    const { member, token } = await inviteMember(meta, { planId, ...input }, new Date(), config.invitationTtlDays);
    const template = templates.get(plan.templateId);
    // Through the room, as the server's own change: someone may already have the (empty) doc open.
    if (template) await rooms.change(planId, eigenDocName(member.memberId), (doc) => fillNewOwnDoc(doc, template, member, new Date()));
    log.info('invitation.created', { planId, memberId: member.memberId, role: member.role, by: viewer.member.memberId });
    res.status(201).json({ token, url: invitationUrl(requestOrigin(config, req), token), memberId: member.memberId });
  });

  return router;
}

function parseInvitationInput(body: unknown) {
  const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  if (!isRole(b.role)) throw new Invalid('role');
  const name = typeof b.name === 'string' ? b.name.trim() : '';
  if (name.length === 0 || name.length > 100) throw new Invalid('name');
  if (b.role === 'jeugdige') {
    if (!isAgeBand(b.ageBand)) throw new Invalid('ageBand');
    return { role: b.role, name, ageBand: b.ageBand };
  }
  if (b.ageBand !== undefined) throw new Invalid('ageBand');
  return { role: b.role, name };
}
