import { translate } from '../../../shared/src/i18n/translate';
import { GEZAMENLIJK, eigenDocName, planDocNames, PROFESSIONEEL } from '../../../shared/src/schema/docNames';
import type { BlockKey } from '../../../shared/src/schema/blockCatalog';
import type { Author } from '../../../shared/src/schema/items';
import { restoreBlock, type GezamenlijkContent } from '../../../shared/src/schema/restoreV2';
import { planWarnings } from '../../../shared/src/schema/validation';
import { attendanceOf } from '../../../shared/src/versions/attendance';
import { renderPlan } from '../../../shared/src/versions/renderPlan';
import { scoreHistory, type ScoreHistory } from '../../../shared/src/versions/scoreHistory';
import {
  FIRST_PREVIOUS_HASH,
  type PlanRenderings,
  type StoredVersion,
  type VersionAgreement,
  type VersionAttendance,
  type VersionHeader,
  type VersionMember,
  type VersionWarning,
} from '../../../shared/src/versions/versionTypes';
import type { AuditRecorder } from '../audit/auditRecorder';
import { Invalid, NotFound, StorageCorrupt } from '../errors';
import type { RightsService } from '../rights/rightsService';
import type { MemberRecord, PlanRecord } from '../storage/records';
import type { MetaStore } from '../storage/Store';
import type { VersionStore } from '../storage/VersionStore';
import type { RoomRegistry } from '../sync/roomRegistry';
import { docFromState, snapshotPlan } from './planSnapshot';
import { frozenAuditObject, parseFrozenAuditObject, renderingHashes, sealHeader } from './versionHash';
import { verifyVersionChain, type VersionChainVerdict } from './verifyVersionChain';

/** What the jeugdbeschermer sees before freezing: the next number, the warnings, the attendance to record. */
export interface FreezePreview {
  readonly nummer: number;
  readonly waarschuwingen: readonly VersionWarning[];
  readonly aanwezigheid: readonly VersionAttendance[];
}

/** How a freeze is asked for. */
export interface FreezeRequest {
  readonly label: string;
  /** The jeugdbeschermer saw the warnings and freezes anyway; they are recorded in the version. */
  readonly ondanksWaarschuwingen: boolean;
}

/**
 * Frozen versions of a plan (issue #8): freeze the live plan atomically into an immutable, hash-chained
 * version; read, chart, verify and answer versions; copy a block of a version back into the live plan.
 * Rights are the routes' (`http/versionsRouter.ts`); this service does the work and the audit records.
 */
export class VersionService {
  /** One freeze at a time per plan, so numbers and links never fork. */
  private readonly freezes = new Map<string, Promise<unknown>>();

  constructor(
    private readonly deps: { meta: MetaStore; versions: VersionStore; rooms: RoomRegistry; rights: RightsService; audit: AuditRecorder },
  ) {}

  /** Both renderings of the live plan, taken atomically over all its docs. */
  async live(planId: string): Promise<PlanRenderings> {
    const members = this.members(planId);
    const states = await snapshotPlan(this.deps.rooms, planId, planDocNames(members.map((m) => m.memberId)));
    return renderPlan({
      leden: members,
      gezamenlijk: docFromState(states.get(GEZAMENLIJK)),
      professioneel: docFromState(states.get(PROFESSIONEEL)),
      eigen: new Map(members.map((m) => [m.memberId, docFromState(states.get(eigenDocName(m.memberId)))])),
    });
  }

  /** The next number, the warnings of the live plan and the attendance a freeze now would record. */
  async preview(plan: PlanRecord): Promise<FreezePreview> {
    const versions = await this.deps.versions.list(plan.planId);
    const renderings = await this.live(plan.planId);
    return { nummer: nextNumber(versions), waarschuwingen: warningsOf(renderings), aanwezigheid: this.attendance(plan, versions) };
  }

  /**
   * Freezes the live plan as the next version. Throws `Invalid('waarschuwingen')` when the plan has
   * warnings and the request does not say to freeze anyway. Audited as `version.frozen` with the number
   * and hash, so the audit log witnesses the head of the chain.
   */
  freeze(plan: PlanRecord, by: MemberRecord, request: FreezeRequest): Promise<VersionHeader> {
    const previous = this.freezes.get(plan.planId) ?? Promise.resolve();
    const run = previous.catch(() => undefined).then(() => this.freezeNow(plan, by, request));
    this.freezes.set(plan.planId, run);
    void run.finally(() => {
      if (this.freezes.get(plan.planId) === run) this.freezes.delete(plan.planId);
    }).catch(() => undefined);
    return run;
  }

  private async freezeNow(plan: PlanRecord, by: MemberRecord, request: FreezeRequest): Promise<VersionHeader> {
    const versions = await this.deps.versions.list(plan.planId);
    // A version that cannot be read would leave the new one without a true link: refuse, and let verify name it.
    if ((await this.deps.versions.raw(plan.planId)).length !== versions.length) throw new StorageCorrupt('a stored version cannot be read', plan.planId);
    const renderings = await this.live(plan.planId);
    const waarschuwingen = warningsOf(renderings);
    if (waarschuwingen.length > 0 && !request.ondanksWaarschuwingen) throw new Invalid('waarschuwingen');
    const nummer = nextNumber(versions);
    const header = sealHeader({
      planId: plan.planId,
      nummer,
      label: request.label.trim() || translate('versies.standaardLabel', { nummer }),
      vastgesteldOp: new Date().toISOString(),
      vastgesteldDoor: memberOf(by),
      aanwezigheid: this.attendance(plan, versions),
      waarschuwingen,
      hashes: renderingHashes(renderings),
      vorigeHash: versions.at(-1)?.header.hash ?? FIRST_PREVIOUS_HASH,
    });
    await this.deps.versions.add({ header, renderings });
    await this.deps.audit.recordOrThrow({ ...auditBy(by), event: 'version.frozen', object: frozenAuditObject(header), outcome: 'ok' });
    return header;
  }

  /** Every version's header, oldest first. */
  async headers(planId: string): Promise<VersionHeader[]> {
    return (await this.deps.versions.list(planId)).map((v) => v.header);
  }

  /** One stored version; `NotFound` when there is none with that number. */
  async get(planId: string, nummer: number): Promise<StoredVersion> {
    const version = await this.deps.versions.get(planId, nummer);
    if (!version) throw new NotFound('versie');
    return version;
  }

  /** Recomputes the chain and checks it against the audit log's `version.frozen` records. */
  async verify(planId: string): Promise<VersionChainVerdict> {
    const records = await this.deps.audit.list(planId);
    const frozen = records.flatMap((r) => (r.event === 'version.frozen' && r.outcome === 'ok' ? (parseFrozenAuditObject(r.object) ?? []) : []));
    return verifyVersionChain(await this.deps.versions.raw(planId), frozen);
  }

  /** Each party's score per version and in the live plan. */
  async scores(planId: string): Promise<ScoreHistory> {
    const versions = await this.deps.versions.list(planId);
    const live = await this.live(planId);
    return scoreHistory(
      versions.map((v) => ({ nummer: v.header.nummer, label: translate('versies.kort', { nummer: v.header.nummer }), familie: v.renderings.familie })),
      { label: translate('versies.nu'), familie: live.familie },
    );
  }

  /** Records a member's own answer on a version (the route checks it is their own). */
  async answer(member: MemberRecord, nummer: number, akkoord: boolean, reden: string): Promise<VersionAgreement> {
    await this.get(member.planId, nummer);
    const agreement: VersionAgreement = { nummer, memberId: member.memberId, akkoord, reden, op: new Date().toISOString() };
    await this.deps.versions.addAgreement(member.planId, agreement);
    await this.deps.audit.recordOrThrow({ ...auditBy(member), event: 'version.answered', object: `${nummer}`, reason: akkoord ? 'akkoord' : 'niet_akkoord', outcome: 'ok' });
    return agreement;
  }

  /** Every answer on the plan's versions, in the order given. */
  agreements(planId: string): Promise<VersionAgreement[]> {
    return this.deps.versions.agreements(planId);
  }

  /**
   * Copies one block, or every block, of a version's common plan into the live plan as the server's own
   * change (issue #8, "Restore"); the own docs and the professionals' doc are not touched.
   */
  async restore(member: MemberRecord, nummer: number, blok: BlockKey | null): Promise<void> {
    const version = await this.get(member.planId, nummer);
    const content = version.renderings.familie.gezamenlijk as unknown as GezamenlijkContent;
    const blokken = blok === null ? version.renderings.familie.gezamenlijk.blokken : [blok];
    const author: Author = { memberId: member.memberId, role: member.role, name: member.name };
    await this.deps.rooms.change(member.planId, GEZAMENLIJK, (doc) => {
      for (const b of blokken) restoreBlock(doc, author, content, b);
    });
    await this.deps.audit.recordOrThrow({ ...auditBy(member), event: 'version.restored', object: `${nummer}:${blok ?? 'plan'}`, outcome: 'ok' });
  }

  /** The active members as versions name them. */
  members(planId: string): VersionMember[] {
    return this.deps.meta
      .listMembers(planId)
      .filter((m) => !m.revokedAt)
      .map(memberOf);
  }

  /**
   * The attendance a freeze records: of the open teamoverleg (marks, and who is connected for the rest), or
   * of the last one when it closed after the newest version; none when the plan had no teamoverleg since.
   */
  private attendance(plan: PlanRecord, versions: readonly StoredVersion[]): VersionAttendance[] {
    const overleg = plan.teamoverleg;
    if (!overleg) return [];
    const lastFrozen = versions.at(-1)?.header.vastgesteldOp ?? '';
    if (!overleg.open && (overleg.closedAt ?? '') < lastFrozen) return [];
    const present = overleg.open ? (this.deps.rights.rights(plan.planId)?.teamoverleg.present ?? []) : [];
    return attendanceOf(this.members(plan.planId), overleg.aanwezigheid, present);
  }
}

function nextNumber(versions: readonly StoredVersion[]): number {
  return (versions.at(-1)?.header.nummer ?? 0) + 1;
}

function warningsOf(r: PlanRenderings): VersionWarning[] {
  return planWarnings({
    doelen: r.familie.gezamenlijk.lists.doelen,
    gevaarszinnen: r.familie.gezamenlijk.lists.gevaarszinnen,
    scores: r.familie.eigen.map((e) => ({ memberId: e.memberId, scores: e.doc.lists.scores })),
  }).map((w) => ({ code: w.code, messageKey: w.messageKey, params: w.params, target: w.target }));
}

function memberOf(m: MemberRecord): VersionMember {
  return { memberId: m.memberId, name: m.name, role: m.role };
}

function auditBy(m: MemberRecord) {
  return { planId: m.planId, memberId: m.memberId, role: m.role } as const;
}
