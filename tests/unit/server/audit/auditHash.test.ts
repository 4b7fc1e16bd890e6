import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson, GENESIS_HASH, hashAuditRecord, sealAuditRecord } from '../../../../server/src/audit/auditHash';
import type { AuditRecord } from '../../../../server/src/audit/auditTypes';

const base: Omit<AuditRecord, 'hash'> = {
  event: 'doc.opened',
  planId: 'p1',
  memberId: 'm1',
  role: 'ouder',
  object: 'gezamenlijk',
  outcome: 'ok',
  seq: 1,
  at: '2026-11-23T13:05:00.000Z',
  prevHash: GENESIS_HASH,
};

describe('canonical hashing of audit records', () => {
  it('[AU1] canonical JSON sorts keys at every level and leaves undefined members out', () => {
    expect(canonicalJson({ b: 1, a: 'x', c: undefined })).toBe('{"a":"x","b":1}');
    expect(canonicalJson({ z: [{ y: 2, x: 1 }], a: null })).toBe('{"a":null,"z":[{"x":1,"y":2}]}');
    expect(canonicalJson('line\nbreak\u0000')).toBe('"line\\nbreak\\u0000"');
  });

  it('[AU1] the hash is SHA-256 hex over the canonical JSON without `hash`, whatever the key order', () => {
    const expected = createHash('sha256').update(canonicalJson(base)).digest('hex');
    expect(hashAuditRecord(base)).toBe(expected);
    expect(hashAuditRecord(base)).toMatch(/^[0-9a-f]{64}$/);
    const reordered = Object.fromEntries(Object.entries(base).reverse()) as Omit<AuditRecord, 'hash'>;
    expect(hashAuditRecord(reordered)).toBe(expected);
    const sealed = sealAuditRecord(base);
    expect(sealed.hash).toBe(expected);
    expect(hashAuditRecord(sealed)).toBe(expected); // the stored hash itself is not hashed
    expect(hashAuditRecord({ ...base, object: undefined })).toBe(hashAuditRecord((({ object: _o, ...rest }) => rest)(base)));
  });

  it('[AU1] every field, and a field added later, changes the hash', () => {
    const hash = hashAuditRecord(base);
    expect(hashAuditRecord({ ...base, seq: 2 })).not.toBe(hash);
    expect(hashAuditRecord({ ...base, at: '2026-11-23T13:05:00.001Z' })).not.toBe(hash);
    expect(hashAuditRecord({ ...base, outcome: 'refused' })).not.toBe(hash);
    expect(hashAuditRecord({ ...base, ...{ extra: 'x' } })).not.toBe(hash);
  });
});
