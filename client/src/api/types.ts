import type { AgeBand, Role } from '../../../shared/src/permissions/roles';

/** `GET /api/session` and `POST /api/invitations/<token>/accept`. */
export interface SessionInfo {
  readonly planId: string;
  readonly memberId: string;
  readonly role: Role;
}

/** A member as `GET /api/plans/<planId>` lists it. */
export interface PlanMember {
  readonly memberId: string;
  readonly role: Role;
  readonly name: string;
  readonly color: string;
}

/** The signed-in member, with what the rights function needs. */
export interface PlanMe extends PlanMember {
  readonly ageBand?: AgeBand;
}

/** One doc the member may read. */
export interface PlanDoc {
  readonly docName: string;
  readonly access: 'read' | 'write';
}

/** The plan's state that rights depend on (issue #6): the teamoverleg, the investigation, the grants. */
export interface PlanStateView {
  readonly teamoverleg: { readonly open: boolean; readonly openedAt?: string; readonly aanwezigheid: Readonly<Record<string, string>> };
  readonly raadsonderzoekLopend: boolean;
  readonly professioneelGrants: readonly string[];
  /** Members who count as present in the open teamoverleg now. */
  readonly present: readonly string[];
  readonly childrenUnder12: readonly string[];
}

/** `GET /api/plans/<planId>`. */
export interface PlanView {
  readonly planId: string;
  readonly titel: string;
  readonly me: PlanMe;
  readonly members: readonly PlanMember[];
  readonly docs: readonly PlanDoc[];
  readonly state: PlanStateView;
  /** The server's limits (issue #9); older servers leave it out, so read it with a fallback. */
  readonly limits?: { readonly docMaxBytes?: number };
}

/** One template of `GET /api/templates`: what a new plan can start from. */
export interface TemplateSummary {
  readonly id: string;
  readonly titel: string;
  readonly beschrijving: string;
}

/** `POST /api/plans` (jeugdbeschermer): the new plan and a fresh invitation for its maker. */
export interface CreatedPlan {
  readonly planId: string;
  readonly token: string;
  readonly url: string;
}

/** One record of the plan's audit log as the jeugdbeschermer sees it (no plan content, no tokens). */
export interface AuditRecordView {
  readonly seq: number;
  readonly at: string;
  readonly event: string;
  readonly memberId?: string;
  readonly role?: string;
  readonly object?: string;
  readonly outcome: string;
}

/** One plain-Dutch line of "wie heeft mijn plan bekeken of gewijzigd". */
export interface AuditLineView {
  readonly seq: number;
  readonly at: string;
  readonly kind: string;
  readonly text: string;
}

/** `GET /api/plans/<planId>/audit`: records for the jeugdbeschermer, lines for an ouder or jeugdige 12+. */
export type AuditView = { readonly records: readonly AuditRecordView[] } | { readonly lines: readonly AuditLineView[] };
