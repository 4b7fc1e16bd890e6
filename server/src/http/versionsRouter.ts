import { Router, type Request, type Response } from 'express';
import { docAccess } from '../../../shared/src/permissions/docAccess';
import { isBlockKey } from '../../../shared/src/schema/blockCatalog';
import { GEZAMENLIJK, PROFESSIONEEL } from '../../../shared/src/schema/docNames';
import { agreementSummary } from '../../../shared/src/versions/agreementSummary';
import type { AuditRecorder } from '../audit/auditRecorder';
import { AccessDenied, Invalid } from '../errors';
import type { RightsService } from '../rights/rightsService';
import type { MemberRecord, PlanRecord } from '../storage/records';
import type { MetaStore } from '../storage/Store';
import type { VersionStore } from '../storage/VersionStore';
import type { RoomRegistry } from '../sync/roomRegistry';
import { versionPdf } from '../versions/versionPdf';
import { VersionService } from '../versions/versionService';
import { bodyOf, planMember, planOfViewer, requireCan } from './planGuards';
import { requireViewer, routeParam } from './requestGuards';

const MAX_LABEL_LENGTH = 120;
const MAX_REASON_LENGTH = 2000;

/**
 * Frozen versions (issue #8), under `/api/plans/<planId>/versies`. Every member of the plan reads the
 * versions' family scope; the professional scope only who may read `professioneel` (DESIGN.md §5, the same
 * `docAccess`), everyone else gets 403. The jeugdbeschermer freezes, restores and exports; each member
 * answers akkoord / niet akkoord for themselves only.
 */
export function versionsRouter(deps: { meta: MetaStore; versions: VersionStore; rooms: RoomRegistry; rights: RightsService; audit: AuditRecorder }): Router {
  const { meta, versions, rights, audit } = deps;
  const service = new VersionService({ meta, versions, rooms: deps.rooms, rights, audit });
  const router = Router();
  const viewer = requireViewer(meta);
  const base = '/api/plans/:planId/versies';

  /** The viewer and plan, after checking they may read the plan at all (the common plan's access). */
  const reader = (req: Request, res: Response) => {
    const found = planOfViewer(meta, req, res);
    requireDoc(found.member, found.plan, GEZAMENLIJK);
    res.setHeader('Cache-Control', 'no-store');
    return found;
  };
  /** 403 (audited) unless the member may read `docName` now. */
  const requireDoc = (member: MemberRecord, plan: PlanRecord, docName: string) => {
    const state = rights.rights(plan.planId);
    if (state && docAccess(member, docName, state) !== 'none') return;
    void audit.record({ event: 'access.denied', planId: plan.planId, memberId: member.memberId, role: member.role, outcome: 'refused', reason: 'version_scope', object: docName });
    throw new AccessDenied(docName);
  };
  const mayReadProfessioneel = (member: MemberRecord, plan: PlanRecord) => {
    const state = rights.rights(plan.planId);
    return state !== undefined && docAccess(member, PROFESSIONEEL, state) !== 'none';
  };

  router.get(base, viewer, async (req, res) => {
    const { member, plan } = reader(req, res);
    res.json({
      versies: await service.headers(plan.planId),
      antwoorden: await service.agreements(plan.planId),
      leden: service.members(plan.planId),
      professioneel: mayReadProfessioneel(member, plan),
    });
  });

  router.get(`${base}/voorbereiding`, viewer, async (req, res) => {
    const { member, plan } = reader(req, res);
    requireCan(audit, member, 'freezeVersion');
    res.json(await service.preview(plan));
  });

  router.post(base, viewer, async (req, res) => {
    const { member, plan } = reader(req, res);
    requireCan(audit, member, 'freezeVersion');
    const { label, ondanksWaarschuwingen } = bodyOf(req);
    if (label !== undefined && (typeof label !== 'string' || label.length > MAX_LABEL_LENGTH)) throw new Invalid('label');
    if (ondanksWaarschuwingen !== undefined && typeof ondanksWaarschuwingen !== 'boolean') throw new Invalid('ondanksWaarschuwingen');
    const header = await service.freeze(plan, member, { label: label ?? '', ondanksWaarschuwingen: ondanksWaarschuwingen === true });
    res.status(201).json(header);
  });

  router.get(`${base}/controle`, viewer, async (req, res) => {
    const { plan } = reader(req, res);
    res.json(await service.verify(plan.planId));
  });

  router.get(`${base}/cijfers`, viewer, async (req, res) => {
    const { plan } = reader(req, res);
    res.json(await service.scores(plan.planId));
  });

  router.get(`${base}/:nummer`, viewer, async (req, res) => {
    const { plan } = reader(req, res);
    const nummer = versionParam(req);
    if (nummer === 'nu') {
      res.json({ header: null, familie: (await service.live(plan.planId)).familie });
      return;
    }
    const version = await service.get(plan.planId, nummer);
    res.json({ header: version.header, familie: version.renderings.familie });
  });

  router.get(`${base}/:nummer/professioneel`, viewer, async (req, res) => {
    const { member, plan } = reader(req, res);
    requireDoc(member, plan, PROFESSIONEEL);
    const nummer = versionParam(req);
    const renderings = nummer === 'nu' ? await service.live(plan.planId) : (await service.get(plan.planId, nummer)).renderings;
    res.json({ professioneel: renderings.professioneel });
  });

  router.put(`${base}/:nummer/akkoord/:memberId`, viewer, async (req, res) => {
    const { member, plan } = reader(req, res);
    const target = planMember(meta, plan, routeParam(req.params, 'memberId'));
    requireCan(audit, member, 'answerVersion', { answerFor: target.memberId });
    const nummer = storedVersionParam(req);
    const { akkoord, reden } = bodyOf(req);
    if (typeof akkoord !== 'boolean') throw new Invalid('akkoord');
    const text = typeof reden === 'string' ? reden.trim() : '';
    if ((reden !== undefined && typeof reden !== 'string') || text.length > MAX_REASON_LENGTH || (!akkoord && text === '')) throw new Invalid('reden');
    res.json(await service.answer(member, nummer, akkoord, text));
  });

  router.post(`${base}/:nummer/terugzetten`, viewer, async (req, res) => {
    const { member } = reader(req, res);
    requireCan(audit, member, 'restoreVersion');
    const nummer = storedVersionParam(req);
    const blok = bodyOf(req).blok;
    if (blok !== undefined && !isBlockKey(blok)) throw new Invalid('blok');
    await service.restore(member, nummer, blok ?? null);
    res.status(204).end();
  });

  router.get(`${base}/:nummer/pdf`, viewer, async (req, res) => {
    const { member, plan } = reader(req, res);
    requireCan(audit, member, 'exportVersion');
    const version = await service.get(plan.planId, storedVersionParam(req));
    const members = service.members(plan.planId);
    const answers = agreementSummary(version.header.nummer, await service.agreements(plan.planId), members);
    const pdf = await versionPdf(version, answers, { professioneel: mayReadProfessioneel(member, plan), titel: plan.titel });
    // Audited before anything leaves the server: an export that cannot be logged is not made.
    await audit.recordOrThrow({ event: 'plan.exported', planId: plan.planId, memberId: member.memberId, role: member.role, object: `${version.header.nummer}`, outcome: 'ok' });
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Content-Disposition', `attachment; filename="gezinsplan-versie-${version.header.nummer}.pdf"`);
    res.end(Buffer.from(pdf));
  });

  return router;
}

/** `:nummer` as a version number, or `nu` for the live plan. */
function versionParam(req: Request): number | 'nu' {
  const raw = routeParam(req.params, 'nummer');
  if (raw === 'nu') return 'nu';
  if (!/^[1-9]\d{0,8}$/.test(raw)) throw new Invalid('nummer');
  return Number(raw);
}

/** `:nummer` as a stored version's number (not `nu`). */
function storedVersionParam(req: Request): number {
  const nummer = versionParam(req);
  if (nummer === 'nu') throw new Invalid('nummer');
  return nummer;
}
