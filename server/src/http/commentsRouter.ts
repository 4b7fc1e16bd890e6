import { Router, type Request, type Response } from 'express';
import { channelDocName, isCommentChannel, type CommentChannel } from '../../../shared/src/comments/channel';
import { commentTextProblem, findMentions, normalizeCommentText } from '../../../shared/src/comments/commentText';
import { parseAnchorInput, readAnchor, type AnchorDoc, type PlanAnchorInput, type ReadAnchor, type VersionThreadAnchor } from '../../../shared/src/comments/threadAnchor';
import type { CommentAction } from '../../../shared/src/permissions/can';
import { docAccess } from '../../../shared/src/permissions/docAccess';
import type { PlanRights } from '../../../shared/src/permissions/member';
import {
  copyThread,
  deleteReaction,
  draden,
  editReaction,
  findReaction,
  reacties,
  setThreadStatus,
  startThread,
  THREAD_STATUSES,
  type Draad,
  type ThreadStatus,
} from '../../../shared/src/schema/blocks/opmerkingen';
import { OPMERKINGEN, parseDocName, PROFESSIONEEL } from '../../../shared/src/schema/docNames';
import { PROFESSIONEEL_SECTION } from '../../../shared/src/versions/versionSections';
import type { AuditRecorder } from '../audit/auditRecorder';
import type { AuditEvent } from '../audit/auditTypes';
import { verifyAnchor, type VerifiedAnchor } from '../comments/verifyAnchor';
import { verifyVersionAnchor } from '../comments/verifyVersionAnchor';
import { AccessDenied, Invalid, NotFound } from '../errors';
import type { RightsService } from '../rights/rightsService';
import type { MemberRecord, PlanRecord } from '../storage/records';
import type { MetaStore } from '../storage/Store';
import type { VersionStore } from '../storage/VersionStore';
import type { RoomRegistry } from '../sync/roomRegistry';
import { authorOf, bodyOf, planOfViewer, requireCan } from './planGuards';
import { requireViewer, routeParam } from './requestGuards';

/** The member, plan, rights and channel of one comment request. */
interface CommentContext {
  readonly member: MemberRecord;
  readonly plan: PlanRecord;
  readonly rights: PlanRights;
  readonly channel: CommentChannel;
  readonly docName: string;
}

/**
 * Comments (issue #7, DESIGN.md §4): clients post over HTTP, the server checks `can`, stamps author and time, and
 * writes into `opmerkingen` or `opmerkingen-intern` as its own Yjs transaction. Clients receive those docs
 * read-only through the normal sync, so a new comment appears live everywhere; a write over a socket is refused
 * like any write to a doc one only reads. Every post, edit, deletion, resolve and copy is audited (no text).
 */
export function commentsRouter(deps: { meta: MetaStore; rooms: RoomRegistry; rights: RightsService; audit: AuditRecorder; versions: VersionStore }): Router {
  const { meta, rooms, audit } = deps;
  const router = Router();
  const viewer = requireViewer(meta);
  const base = '/api/plans/:planId/opmerkingen';
  const thread = `${base}/:kanaal/:draadId`;

  /** The request's member and plan, the plan's rights now, and the channel (from the path or the body). */
  const contextOf = (req: Request, res: Response, channel: unknown): CommentContext => {
    const { member, plan } = planOfViewer(meta, req, res);
    const rights = deps.rights.rights(plan.planId);
    if (!rights) throw new NotFound('plan');
    if (!isCommentChannel(channel)) throw new Invalid('kanaal', 'opmerking.fout.kanaal');
    return { member, plan, rights, channel, docName: channelDocName(channel) };
  };
  const check = (ctx: CommentContext, action: CommentAction, target: { threadStarterId?: string; commentAuthorId?: string }, object: string) =>
    requireCan(audit, ctx.member, action, { intern: ctx.channel === 'professionals', ...target }, object, ctx.rights);
  const done = (ctx: CommentContext, event: AuditEvent, object: string) =>
    audit.record({ event, planId: ctx.plan.planId, memberId: ctx.member.memberId, role: ctx.member.role, object, outcome: 'ok' });
  /** The text of a post or edit, normalized, and the members it mentions who can read the channel. */
  const textOf = (ctx: CommentContext, req: Request) => {
    const raw = bodyOf(req).tekst;
    const tekst = normalizeCommentText(typeof raw === 'string' ? raw : '');
    const problem = commentTextProblem(tekst);
    if (problem) throw new Invalid('tekst', problem);
    const readers = meta.listMembers(ctx.plan.planId).filter((m) => !m.revokedAt && docAccess(m, ctx.docName, ctx.rights) !== 'none');
    return { tekst, vermeldingen: findMentions(tekst, readers) };
  };
  /** Runs `fn` on the thread of the path in the channel's doc, as the server's transaction; 404 when it is gone. */
  const onThread = <T>(ctx: CommentContext, draadId: string, fn: (doc: Parameters<Parameters<RoomRegistry['change']>[2]>[0], draad: Draad) => T) =>
    rooms.change(ctx.plan.planId, ctx.docName, (doc) => {
      const draad = draden.get(doc, draadId);
      if (!draad) throw new NotFound('draad');
      return fn(doc, draad);
    });

  const refuseAnchor = (ctx: CommentContext, object: string): never => {
    void audit.record({ event: 'access.denied', planId: ctx.plan.planId, memberId: ctx.member.memberId, role: ctx.member.role, object, outcome: 'refused', reason: 'startThread' });
    throw new AccessDenied('anchor doc');
  };
  /** An anchor into a live plan doc, checked against the server's copy of that doc. */
  const planAnchorOf = async (ctx: CommentContext, anchor: PlanAnchorInput, target: AnchorDoc): Promise<VerifiedAnchor> => {
    // The professionals' part never shows in the channel the family reads, not even as a place.
    if (target.kind === 'professioneel' && ctx.channel !== 'professionals') throw new Invalid('kanaal', 'opmerking.fout.alleenProfessionals');
    if (docAccess(ctx.member, anchor.docName, ctx.rights) === 'none') refuseAnchor(ctx, anchor.docName);
    return rooms.change(ctx.plan.planId, anchor.docName, (doc) => verifyAnchor(doc, anchor, target));
  };
  /** An anchor on a section of a frozen version (issue #8), checked against the stored version. */
  const versionAnchorOf = async (ctx: CommentContext, anchor: VersionThreadAnchor): Promise<VerifiedAnchor> => {
    const poster = { intern: ctx.channel === 'professionals', readsProfessioneel: docAccess(ctx.member, PROFESSIONEEL, ctx.rights) !== 'none' };
    const verified = await verifyVersionAnchor(deps.versions, ctx.plan.planId, anchor, poster);
    return verified === 'forbidden' ? refuseAnchor(ctx, `versie:${anchor.versionNumber}:${anchor.blockPath.join('/')}`) : verified;
  };

  router.post(base, viewer, async (req, res) => {
    const body = bodyOf(req);
    const ctx = contextOf(req, res, body.kanaal);
    check(ctx, 'startThread', {}, ctx.docName);
    const { tekst, vermeldingen } = textOf(ctx, req);
    const checked = parseAnchorInput(body.anker);
    if (!checked.ok) throw new Invalid('anker', checked.problem);
    const verified = checked.doc === null ? await versionAnchorOf(ctx, checked.anchor) : await planAnchorOf(ctx, checked.anchor, checked.doc);
    const ids = await rooms.change(ctx.plan.planId, ctx.docName, (doc) => startThread(doc, authorOf(ctx.member), { ...verified, tekst, vermeldingen }));
    await done(ctx, 'opmerking.posted', `${ctx.docName}:${ids.draadId}:${ids.reactieId}`);
    res.status(201).json({ kanaal: ctx.channel, ...ids });
  });

  router.post(`${thread}/reacties`, viewer, async (req, res) => {
    const ctx = contextOf(req, res, req.params.kanaal);
    const draadId = routeParam(req.params, 'draadId');
    check(ctx, 'replyToThread', {}, `${ctx.docName}:${draadId}`);
    const { tekst, vermeldingen } = textOf(ctx, req);
    const reactieId = await onThread(ctx, draadId, (doc) => reacties.add(doc, authorOf(ctx.member), draadId, { tekst, vermeldingen }) as string);
    await done(ctx, 'opmerking.posted', `${ctx.docName}:${draadId}:${reactieId}`);
    res.status(201).json({ reactieId });
  });

  router.put(`${thread}/reacties/:reactieId`, viewer, async (req, res) => {
    const ctx = contextOf(req, res, req.params.kanaal);
    const draadId = routeParam(req.params, 'draadId');
    const reactieId = routeParam(req.params, 'reactieId');
    const object = `${ctx.docName}:${draadId}:${reactieId}`;
    const { tekst, vermeldingen } = textOf(ctx, req);
    await onThread(ctx, draadId, (doc) => {
      const reactie = findReaction(doc, draadId, reactieId);
      if (!reactie) throw new NotFound('reactie');
      check(ctx, 'editComment', { commentAuthorId: reactie.created.memberId }, object);
      if (!editReaction(doc, authorOf(ctx.member), draadId, reactieId, tekst, vermeldingen)) throw new Invalid('reactie', 'opmerking.fout.verwijderd');
    });
    await done(ctx, 'opmerking.edited', object);
    res.status(204).end();
  });

  router.delete(`${thread}/reacties/:reactieId`, viewer, async (req, res) => {
    const ctx = contextOf(req, res, req.params.kanaal);
    const draadId = routeParam(req.params, 'draadId');
    const reactieId = routeParam(req.params, 'reactieId');
    const object = `${ctx.docName}:${draadId}:${reactieId}`;
    const deleted = await onThread(ctx, draadId, (doc) => {
      const reactie = findReaction(doc, draadId, reactieId);
      if (!reactie) throw new NotFound('reactie');
      check(ctx, 'deleteComment', { commentAuthorId: reactie.created.memberId }, object);
      return deleteReaction(doc, authorOf(ctx.member), draadId, reactieId);
    });
    // Deleting twice is no error; only the deletion itself is an event.
    if (deleted) await done(ctx, 'opmerking.deleted', object);
    res.status(204).end();
  });

  router.put(`${thread}/status`, viewer, async (req, res) => {
    const ctx = contextOf(req, res, req.params.kanaal);
    const draadId = routeParam(req.params, 'draadId');
    const status = bodyOf(req).status;
    if (!THREAD_STATUSES.includes(status as ThreadStatus)) throw new Invalid('status', 'opmerking.fout.status');
    const changed = await onThread(ctx, draadId, (doc, draad) => {
      check(ctx, 'resolveThread', { threadStarterId: draad.created.memberId }, `${ctx.docName}:${draadId}`);
      return draad.status !== status && setThreadStatus(doc, authorOf(ctx.member), draadId, status as ThreadStatus);
    });
    if (changed) await done(ctx, status === 'opgelost' ? 'draad.resolved' : 'draad.reopened', `${ctx.docName}:${draadId}`);
    res.status(204).end();
  });

  /** Copies an "alleen professionals" thread to everyone: the only way such a thread becomes public (issue #7). */
  router.post(`${thread}/kopie`, viewer, async (req, res) => {
    const ctx = contextOf(req, res, req.params.kanaal);
    const draadId = routeParam(req.params, 'draadId');
    if (ctx.channel !== 'professionals') throw new Invalid('kanaal', 'opmerking.fout.nietIntern');
    const source = await onThread(ctx, draadId, (_doc, draad) => {
      check(ctx, 'copyThreadToAll', { threadStarterId: draad.created.memberId }, `${ctx.docName}:${draadId}`);
      return draad;
    });
    const anchor = readAnchor(source.anker);
    if (isProfessionalPlace(anchor)) throw new Invalid('anker', 'opmerking.fout.alleenProfessionals');
    const copyId = await rooms.change(ctx.plan.planId, OPMERKINGEN, (doc) => copyThread(doc, source, authorOf(ctx.member)));
    await done(ctx, 'draad.copied', `${ctx.docName}:${draadId}`);
    res.status(201).json({ kanaal: 'iedereen', draadId: copyId });
  });

  return router;
}

/** Whether an anchor points into the professionals' part, live or of a version: such a thread stays intern. */
function isProfessionalPlace(anchor: ReadAnchor): boolean {
  if (anchor.kind === 'unknown') return false;
  if (anchor.kind === 'version') return anchor.blockPath[0] === PROFESSIONEEL_SECTION;
  return parseDocName(anchor.docName)?.kind === 'professioneel';
}
