import { GENESIS_HASH, hashAuditRecord } from './auditHash';
import { auditShapeProblem } from './auditRecordShape';
import type { AuditRecord } from './auditTypes';

/** The verdict on one plan's chain. `seq` names the first broken record: the n-th record of the plan. */
export type ChainVerdict = { ok: true; count: number } | { ok: false; seq: number; reason: string };

/** Stands for a line that is not JSON at all, so the verdict can say so. */
export const UNPARSEABLE: unique symbol = Symbol('unparseable audit line');

/**
 * Checks a plan's records as read back, in file order (issue #6: "a verify command checks the chain and
 * names the first broken record"). Pure. The n-th record must have `seq` n, have the shape of a record,
 * carry the previous record's `hash` as its `prevHash` (64 zeros for the first) and a `hash` that matches its
 * own content. So a changed field, a deleted or reordered record and a record moved in from another plan
 * (with `planId` given) are all named at the first record where the chain no longer holds.
 *
 * What a hash chain alone cannot show: records cut off at the end, or a chain rewritten and re-hashed
 * from some record on. Anchoring the head elsewhere (a frozen version) is what catches those.
 *
 * @example verifyChain(records) // { ok: false, seq: 3, reason: 'seq is 4, expected 3 (…)' }
 */
export function verifyChain(records: readonly unknown[], options: { planId?: string } = {}): ChainVerdict {
  let prevHash = GENESIS_HASH;
  for (let index = 0; index < records.length; index++) {
    const seq = index + 1;
    const reason = recordProblem(records[index], seq, prevHash, options.planId);
    if (reason !== undefined) return { ok: false, seq, reason };
    prevHash = (records[index] as AuditRecord).hash;
  }
  return { ok: true, count: records.length };
}

function recordProblem(value: unknown, seq: number, prevHash: string, planId: string | undefined): string | undefined {
  if (value === UNPARSEABLE) return 'not valid JSON';
  const shape = auditShapeProblem(value);
  if (shape !== undefined) return `not an audit record: ${shape}`;
  const record = value as AuditRecord;
  if (record.seq !== seq) return `seq is ${record.seq}, expected ${seq} (a record is missing, added or out of order)`;
  if (planId !== undefined && record.planId !== planId) return `belongs to plan ${record.planId}, not ${planId}`;
  if (record.prevHash !== prevHash) {
    return seq === 1 ? 'prevHash of the first record is not 64 zeros' : `prevHash does not match the hash of record ${seq - 1}`;
  }
  if (hashAuditRecord(record) !== record.hash) return 'hash does not match the content: the record was changed after it was written';
  return undefined;
}
