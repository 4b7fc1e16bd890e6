import type { AgeBand, Role } from '../../../shared/src/permissions/roles';

/** Metadata records kept by the store (DESIGN.md §6: small metadata, not Yjs updates). */
export interface PlanRecord {
  planId: string;
  titel: string;
  templateId: string;
  createdAt: string;
  /** The teamoverleg, while one is open or since the last one; absent before the first. */
  teamoverleg?: TeamoverlegRecord;
  /** When the jeugdbeschermer closed the Raad's investigation; absent while it runs. */
  raadsonderzoekGeslotenAt?: string;
  /** Members let into `professioneel` by the jeugdbeschermer (hulpverlener, raadsonderzoeker). */
  professioneelGrants?: string[];
}

/** Attendance as the jeugdbeschermer marks it (issue #6; the versions issue edits the full list). */
export type Aanwezigheid = 'aanwezig' | 'afwezig' | 'afgemeld';

export interface TeamoverlegRecord {
  open: boolean;
  openedAt: string;
  closedAt?: string;
  /** Marked by the jeugdbeschermer, by member id. Connected members count as present while it is open. */
  aanwezigheid: Record<string, Aanwezigheid>;
}

export interface MemberRecord {
  memberId: string;
  planId: string;
  role: Role;
  /** Display name; personal data: never logged. */
  name: string;
  ageBand?: AgeBand;
  createdAt: string;
  revokedAt?: string;
}

/** An invitation; only the SHA-256 of its token is stored. */
export interface InvitationRecord {
  tokenHash: string;
  planId: string;
  memberId: string;
  createdAt: string;
  expiresAt: string;
  usedAt?: string;
  revokedAt?: string;
}

/** A signed-in browser; only the SHA-256 of its session id is stored. */
export interface SessionRecord {
  sessionHash: string;
  planId: string;
  memberId: string;
  createdAt: string;
  expiresAt: string;
}
