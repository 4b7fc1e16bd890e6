import { GENESIS_HASH, sealAuditRecord } from '../../server/src/audit/auditHash';
import type { AuditInput, AuditRecord } from '../../server/src/audit/auditTypes';

/** A valid hash chain of `count` records for a plan, one minute apart; `fill` varies the inputs. */
export function makeAuditChain(
  planId: string,
  count: number,
  fill: (i: number) => Partial<AuditInput> = () => ({}),
): AuditRecord[] {
  const records: AuditRecord[] = [];
  let prevHash = GENESIS_HASH;
  for (let i = 0; i < count; i++) {
    const record = sealAuditRecord({
      event: 'doc.opened',
      planId,
      memberId: `m${i % 3}`,
      role: 'ouder',
      object: 'gezamenlijk',
      outcome: 'ok',
      ...fill(i),
      seq: i + 1,
      at: new Date(Date.UTC(2026, 10, 23, 13, i)).toISOString(),
      prevHash,
    });
    records.push(record);
    prevHash = record.hash;
  }
  return records;
}
