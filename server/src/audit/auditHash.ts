import { createHash } from 'node:crypto';
import type { AuditRecord } from './auditTypes';

/** The `prevHash` of a plan's first record: 64 zeros. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * JSON with the keys of every object sorted and `undefined` members left out, so that the same record always
 * gives the same bytes (and the same hash) however it was built or parsed.
 *
 * @example canonicalJson({ b: 1, a: 'x' }) // '{"a":"x","b":1}'
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item ?? null)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  const json = JSON.stringify(value);
  if (json === undefined) throw new TypeError(`cannot put a ${typeof value} in canonical JSON`);
  return json;
}

/**
 * SHA-256 (hex) over the canonical JSON of a record without its `hash` field. Every other field, also one a
 * tamperer adds, is covered.
 */
export function hashAuditRecord(record: Omit<AuditRecord, 'hash'> | AuditRecord): string {
  const { hash: _ignored, ...rest } = record as AuditRecord;
  return createHash('sha256').update(canonicalJson(rest)).digest('hex');
}

/** The record with its `hash` filled in. */
export function sealAuditRecord(record: Omit<AuditRecord, 'hash'>): AuditRecord {
  return { ...record, hash: hashAuditRecord(record) };
}
