import type { BlockKey } from '../../../shared/src/schema/blockCatalog';
import type { ScoreHistory } from '../../../shared/src/versions/scoreHistory';
import type {
  FamilieRendering,
  ProfessioneelRendering,
  VersionAgreement,
  VersionAttendance,
  VersionHeader,
  VersionMember,
  VersionWarning,
} from '../../../shared/src/versions/versionTypes';
import { request } from './apiClient';

/** Which state of the plan: a version's number, or `nu` for the live plan. */
export type VersionRef = number | 'nu';

const base = (planId: string) => `/api/plans/${encodeURIComponent(planId)}/versies`;

/** `GET …/versies`: the headers, every answer, the members, and whether this member may see the professional scope. */
export interface VersionsList {
  readonly versies: readonly VersionHeader[];
  readonly antwoorden: readonly VersionAgreement[];
  readonly leden: readonly VersionMember[];
  readonly professioneel: boolean;
}

/** The chain check (issue #8, "Verify"). */
export type ChainVerdict = { readonly ok: true; readonly count: number } | { readonly ok: false; readonly nummer: number; readonly problem: string };

/** What the jeugdbeschermer sees before freezing. */
export interface FreezePreview {
  readonly nummer: number;
  readonly waarschuwingen: readonly VersionWarning[];
  readonly aanwezigheid: readonly VersionAttendance[];
}

export function getVersions(planId: string): Promise<VersionsList> {
  return request('GET', base(planId));
}

export function getFreezePreview(planId: string): Promise<FreezePreview> {
  return request('GET', `${base(planId)}/voorbereiding`);
}

/** Freezes the live plan (jeugdbeschermer); `ondanksWaarschuwingen` after the warnings were shown. */
export function freezeVersion(planId: string, label: string, ondanksWaarschuwingen: boolean): Promise<VersionHeader> {
  return request('POST', base(planId), { label, ondanksWaarschuwingen });
}

/** A version's header and family scope; `nu` gives the live plan (header null). */
export function getVersion(planId: string, ref: VersionRef): Promise<{ header: VersionHeader | null; familie: FamilieRendering }> {
  return request('GET', `${base(planId)}/${ref}`);
}

/** The professional scope (403 for whoever may not read `professioneel`). */
export function getProfessional(planId: string, ref: VersionRef): Promise<{ professioneel: ProfessioneelRendering }> {
  return request('GET', `${base(planId)}/${ref}/professioneel`);
}

export function verifyVersions(planId: string): Promise<ChainVerdict> {
  return request('GET', `${base(planId)}/controle`);
}

export function getScoreHistory(planId: string): Promise<ScoreHistory> {
  return request('GET', `${base(planId)}/cijfers`);
}

/** The member's own answer on a version. */
export function answerVersion(planId: string, nummer: number, memberId: string, akkoord: boolean, reden: string): Promise<VersionAgreement> {
  return request('PUT', `${base(planId)}/${nummer}/akkoord/${encodeURIComponent(memberId)}`, { akkoord, reden });
}

/** Copies a block (or, without one, the whole common plan) from a version into the live plan (jeugdbeschermer). */
export function restoreVersion(planId: string, nummer: number, blok?: BlockKey): Promise<void> {
  return request('POST', `${base(planId)}/${nummer}/terugzetten`, blok ? { blok } : {});
}

/** Where the PDF of a version downloads from (jeugdbeschermer). */
export function versionPdfUrl(planId: string, nummer: number): string {
  return `${base(planId)}/${nummer}/pdf`;
}
