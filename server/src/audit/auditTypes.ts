import type { Role } from '../../../shared/src/permissions/roles';
import type { AuditEvent, AuditOutcome } from '../../../shared/src/audit/auditEvents';

/**
 * The events of the audit log (issue #6, NEN 7513 spirit). No plan content and no tokens ever go in a record:
 * only who, what kind of thing, which object (a doc name, a member id, a version number), when and the outcome.
 * The list itself lives in `shared/` so the client can show records too.
 */
export { AUDIT_EVENTS, isAuditEvent, type AuditEvent } from '../../../shared/src/audit/auditEvents';

/** What a caller records. */
export interface AuditInput {
  readonly event: AuditEvent;
  readonly planId: string;
  /** The acting member (the server itself acts as `system`). */
  readonly memberId: string;
  readonly role: Role | 'system';
  readonly organisation?: string;
  /** Set when acting on behalf of another member (a child under 12). */
  readonly namens?: string;
  /** What was acted on: a doc name, a member id, an action id, a version number. Never content. */
  readonly object?: string;
  readonly outcome: AuditOutcome;
  /** A short machine reason for a refusal, e.g. `no_write`. */
  readonly reason?: string;
}

/** A stored record: the input plus its place in the plan's hash chain. */
export interface AuditRecord extends AuditInput {
  /** 1, 2, 3 … per plan. */
  readonly seq: number;
  /** UTC, ISO 8601. */
  readonly at: string;
  /** SHA-256 (hex) of the previous record of the plan; 64 zeros for the first. */
  readonly prevHash: string;
  /** SHA-256 (hex) over this record's canonical JSON without `hash`. */
  readonly hash: string;
}
