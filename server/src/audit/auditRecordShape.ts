import { isAuditEvent } from '../../../shared/src/audit/auditEvents';
import { isRole } from '../../../shared/src/permissions/roles';
import type { AuditRecord } from './auditTypes';

const HEX64 = /^[0-9a-f]{64}$/;

/**
 * What is wrong with the shape of a value read back as an audit record, or undefined when it has the shape
 * of one (its hash is checked elsewhere). Names the first bad field, for the verify command's report.
 */
export function auditShapeProblem(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return 'not a JSON object';
  const r = value as Record<string, unknown>;
  const checks: [string, boolean][] = [
    ['seq', Number.isSafeInteger(r.seq) && (r.seq as number) >= 1],
    ['at', typeof r.at === 'string' && !Number.isNaN(Date.parse(r.at))],
    ['prevHash', typeof r.prevHash === 'string' && HEX64.test(r.prevHash)],
    ['hash', typeof r.hash === 'string' && HEX64.test(r.hash)],
    ['event', isAuditEvent(r.event)],
    ['planId', typeof r.planId === 'string' && r.planId.length > 0],
    ['memberId', typeof r.memberId === 'string' && r.memberId.length > 0],
    ['role', r.role === 'system' || isRole(r.role)],
    ['outcome', r.outcome === 'ok' || r.outcome === 'refused'],
    ['organisation', optionalString(r.organisation)],
    ['namens', optionalString(r.namens)],
    ['object', optionalString(r.object)],
    ['reason', optionalString(r.reason)],
  ];
  const bad = checks.find(([, ok]) => !ok);
  return bad ? `field "${bad[0]}" is missing or invalid` : undefined;
}

/** True when a parsed value has the shape of an `AuditRecord`. */
export function isAuditRecord(value: unknown): value is AuditRecord {
  return auditShapeProblem(value) === undefined;
}

function optionalString(value: unknown): boolean {
  return value === undefined || typeof value === 'string';
}
