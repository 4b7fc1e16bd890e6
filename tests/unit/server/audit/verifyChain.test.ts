import { describe, expect, it } from 'vitest';
import { hashAuditRecord } from '../../../../server/src/audit/auditHash';
import type { AuditRecord } from '../../../../server/src/audit/auditTypes';
import { UNPARSEABLE, verifyChain } from '../../../../server/src/audit/verifyChain';
import { makeAuditChain } from '../../../helpers/auditChain';

/** Every field filled, so each can be tampered with. */
const full = () =>
  makeAuditChain('p1', 6, (i) => ({
    organisation: 'Jeugdbescherming Regio',
    namens: `kind${i}`,
    reason: 'no_write',
    outcome: i % 2 ? 'refused' : 'ok',
    event: i % 2 ? 'write.rejected' : 'doc.changed',
  }));

function tampered(value: unknown): unknown {
  if (typeof value === 'number') return value + 1;
  if (value === 'ok') return 'refused';
  if (value === 'refused') return 'ok';
  if (value === 'doc.changed') return 'doc.opened';
  if (value === 'write.rejected') return 'access.denied';
  if (value === 'ouder') return 'jeugdbeschermer';
  if (typeof value === 'string' && /^[0-9a-f]{64}$/.test(value)) return `${value.slice(0, 63)}${value.endsWith('0') ? '1' : '0'}`;
  if (typeof value === 'string' && !Number.isNaN(Date.parse(value))) return new Date(Date.parse(value) + 1000).toISOString();
  return `${String(value)}x`;
}

describe('verifyChain', () => {
  it('[AU2] an intact chain is ok, and so is an empty one', () => {
    expect(verifyChain(full())).toEqual({ ok: true, count: 6 });
    expect(verifyChain([])).toEqual({ ok: true, count: 0 });
    expect(verifyChain(full(), { planId: 'p1' })).toEqual({ ok: true, count: 6 });
  });

  const fields = Object.keys(full()[0] as AuditRecord) as (keyof AuditRecord)[];
  it.each(fields)('[AU2] changing "%s" of one record is detected and names that record', (field) => {
    for (const at of [0, 3, 5]) {
      const records = full();
      const original = records[at] as AuditRecord;
      records[at] = { ...original, [field]: tampered(original[field]) } as AuditRecord;
      const verdict = verifyChain(records);
      expect(verdict, `${field} of record ${at + 1}`).toMatchObject({ ok: false, seq: at + 1 });
    }
  });

  it('[AU2] a changed record whose own hash was recomputed is caught at the next record', () => {
    const records = full();
    const changed = { ...(records[2] as AuditRecord), memberId: 'someone-else' };
    records[2] = { ...changed, hash: hashAuditRecord(changed) };
    expect(verifyChain(records)).toEqual({ ok: false, seq: 4, reason: 'prevHash does not match the hash of record 3' });
  });

  it('[AU2] adding a field to a record is detected', () => {
    const records = full();
    records[1] = { ...(records[1] as AuditRecord), ...{ note: 'added later' } };
    expect(verifyChain(records)).toMatchObject({ ok: false, seq: 2, reason: expect.stringContaining('hash does not match') });
  });

  it('[AU3] a deleted record is named: the chain breaks where it was', () => {
    const records = full();
    records.splice(2, 1);
    expect(verifyChain(records)).toEqual({ ok: false, seq: 3, reason: expect.stringContaining('seq is 4, expected 3') });
    expect(verifyChain(full().slice(1))).toMatchObject({ ok: false, seq: 1 });
  });

  it('[AU3] a deleted record with the later ones renumbered is caught by the hash link', () => {
    const records = full();
    records.splice(2, 1);
    const renumbered = records.map((r, i) => (i >= 2 ? { ...r, seq: i + 1 } : r)).map((r) => ({ ...r, hash: hashAuditRecord(r) }));
    expect(verifyChain(renumbered)).toEqual({ ok: false, seq: 3, reason: 'prevHash does not match the hash of record 2' });
  });

  it('[AU3] reordered records are named at the first one out of place', () => {
    const records = full();
    [records[3], records[4]] = [records[4] as AuditRecord, records[3] as AuditRecord];
    expect(verifyChain(records)).toEqual({ ok: false, seq: 4, reason: expect.stringContaining('seq is 5, expected 4') });
  });

  it('[AU3] a record copied in from another plan, or a line that is no record, is named', () => {
    const other = makeAuditChain('p2', 2);
    expect(verifyChain(other, { planId: 'p1' })).toEqual({ ok: false, seq: 1, reason: 'belongs to plan p2, not p1' });
    const records: unknown[] = full();
    records[1] = UNPARSEABLE;
    expect(verifyChain(records)).toEqual({ ok: false, seq: 2, reason: 'not valid JSON' });
    records[1] = { seq: 2 };
    expect(verifyChain(records)).toMatchObject({ ok: false, seq: 2, reason: expect.stringContaining('not an audit record') });
  });
});
