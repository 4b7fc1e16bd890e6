import type { AgeBand, Role } from '../../../shared/src/permissions/roles';

/** Metadata records kept by the store (DESIGN.md §6: small metadata, not Yjs updates). */
export interface PlanRecord {
  planId: string;
  titel: string;
  templateId: string;
  createdAt: string;
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
