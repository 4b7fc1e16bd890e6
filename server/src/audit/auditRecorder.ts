import type { AuditInput, AuditRecord } from './auditTypes';

/**
 * What the HTTP routes and the sync server need of the audit log. Hot paths call it without awaiting; the
 * implementation logs its own failures.
 */
export interface AuditRecorder {
  record(input: AuditInput): Promise<void>;
  /** Records one event and resolves once it is durable; rejects when it cannot be stored (for acts that must not go unaudited, e.g. an export). */
  recordOrThrow(input: AuditInput): Promise<AuditRecord>;
  /** `doc.changed`, at most once per member per doc per minute. */
  recordDocChange(input: Omit<AuditInput, 'event' | 'outcome'>): Promise<void> | void;
  /** Every record of a plan, oldest first. */
  list(planId: string): Promise<AuditRecord[]>;
}
