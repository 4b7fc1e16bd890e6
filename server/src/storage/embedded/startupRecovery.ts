import { join } from 'node:path';
import type { Logger } from '../../log';
import { docNamesIn } from './docLogFiles';
import { errnoCode } from './durableFs';
import type { FileOps } from './fileOps';

/** What startup recovery found. */
export interface RecoveryReport {
  /** Docs whose every record was read and checked. */
  docs: number;
  records: number;
  /** Torn last records (writes a crash cut off, never acknowledged) that were cut away. */
  tornTails: number;
  /** Docs found damaged or missing: moved aside and refused (`quarantine.ts`). */
  quarantined: number;
}

/** One doc's check, as the doc log registry runs it. */
export type VerifyDoc = (planId: string, docName: string) => Promise<{ records: number; tornTail: boolean; quarantined: boolean }>;

const SAFE_NAME = /^[A-Za-z0-9_-]{1,128}$/;

/**
 * Startup recovery (issue #9): before the server answers anyone, reads every doc log under `plansDir` and
 * checks every record, so that a torn tail is cut and a damaged doc is quarantined and listed on `/healthz`
 * from the first moment, not only when someone happens to open it.
 */
export async function recoverAllDocs(plansDir: string, fs: FileOps, verify: VerifyDoc, log: Logger): Promise<RecoveryReport> {
  const report: RecoveryReport = { docs: 0, records: 0, tornTails: 0, quarantined: 0 };
  for (const planId of (await listDir(plansDir, fs)).filter((name) => SAFE_NAME.test(name))) {
    for (const docName of docNamesIn(await listDir(join(plansDir, planId), fs))) {
      const result = await verify(planId, docName);
      report.docs += 1;
      report.records += result.records;
      if (result.tornTail) report.tornTails += 1;
      if (result.quarantined) report.quarantined += 1;
    }
  }
  log[report.quarantined > 0 ? 'error' : 'info']('storage.recovered', { ...report });
  return report;
}

async function listDir(dir: string, fs: FileOps): Promise<string[]> {
  try {
    return await fs.readdir(dir);
  } catch (error) {
    // A stray file where a plan directory was expected holds no doc.
    if (errnoCode(error) === 'ENOTDIR' || errnoCode(error) === 'ENOENT') return [];
    throw error;
  }
}
