import type { Role } from '../permissions/roles';

/**
 * The events of the audit log (issue #6, NEN 7513 spirit), here in `shared/` because both the server (which
 * writes them) and the client (which shows them to the jeugdbeschermer and the family) need the list.
 */
export const AUDIT_EVENTS = [
  'plan.opened',
  'doc.opened',
  'doc.changed',
  'write.rejected',
  'access.denied',
  /** A socket sent a message the server refused outright (malformed, too large) and was closed: a security event. */
  'message.refused',
  'member.invited',
  'member.revoked',
  'member.role_changed',
  'teamoverleg.opened',
  'teamoverleg.closed',
  'teamoverleg.attendance',
  'raadsonderzoek.closed',
  'access.granted',
  'access.withdrawn',
  'actie.status_set',
  'voorstel.adopted',
  'voorstel.declined',
  'plan.exported',
  'version.frozen',
  'version.answered',
  'version.restored',
  // Comments (issue #7): the object is `<comment doc>:<thread id>[:<comment id>]`, never the text.
  'opmerking.posted',
  'opmerking.edited',
  'opmerking.deleted',
  'draad.resolved',
  'draad.reopened',
  'draad.copied',
] as const;
export type AuditEvent = (typeof AUDIT_EVENTS)[number];

/** Whether the act went through (`ok`) or was refused by the rights. */
export type AuditOutcome = 'ok' | 'refused';

/** True for a known audit event name. */
export function isAuditEvent(value: unknown): value is AuditEvent {
  return typeof value === 'string' && (AUDIT_EVENTS as readonly string[]).includes(value);
}

/**
 * One audit record as a reader sees it (the server's stored record has these fields and more). Holds no plan
 * content: only who, what kind of act, which object (a doc name, a member id, an action id, a version number),
 * when and the outcome.
 */
export interface AuditEntry {
  /** 1, 2, 3 … per plan. */
  readonly seq: number;
  /** UTC, ISO 8601. */
  readonly at: string;
  readonly event: AuditEvent;
  /** The acting member; the server itself acts as `system`. */
  readonly memberId: string;
  readonly role: Role | 'system';
  /** The member acted for, when acting on behalf of a child under 12. */
  readonly namens?: string;
  readonly object?: string;
  readonly outcome: AuditOutcome;
}
