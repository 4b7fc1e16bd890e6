import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { errnoCode } from '../storage/embedded/durableFs';
import { parseAuditLog } from '../storage/embedded/auditLogFormat';
import { verifyChain, type ChainVerdict } from './verifyChain';

/** The verdict on one plan's audit log file. */
export type PlanAuditVerdict = { planId: string } & ChainVerdict;

const LOG_FILE = /^([A-Za-z0-9_-]{1,128})\.jsonl$/;

/**
 * Verifies every plan's audit log under `dataDir/audit/` (issue #6), sorted by planId. Only reads: it takes
 * no lock and cuts nothing, so it works while the server runs. Bytes after the last newline are a write in
 * progress (or a crash leftover the server cuts on its next open) and are not part of the chain.
 * An empty list when there is no audit directory yet.
 */
export async function verifyAuditDir(dataDir: string): Promise<PlanAuditVerdict[]> {
  const auditDir = join(dataDir, 'audit');
  const names = await readdir(auditDir).catch((error: unknown) => {
    if (errnoCode(error) === 'ENOENT') return [] as string[];
    throw error;
  });
  const planIds = names.flatMap((name) => LOG_FILE.exec(name)?.[1] ?? []).sort();
  const verdicts: PlanAuditVerdict[] = [];
  for (const planId of planIds) {
    const { values } = parseAuditLog(await readFile(join(auditDir, `${planId}.jsonl`)));
    verdicts.push({ planId, ...verifyChain(values, { planId }) });
  }
  return verdicts;
}

/** One line of the verify command's report. */
export function formatVerdict(verdict: PlanAuditVerdict): string {
  if (verdict.ok) return `${verdict.planId}: ok, ${verdict.count} ${verdict.count === 1 ? 'record' : 'records'}`;
  return `${verdict.planId}: broken at record ${verdict.seq}: ${verdict.reason}`;
}
