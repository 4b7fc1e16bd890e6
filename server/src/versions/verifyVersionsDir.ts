import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { isAuditRecord } from '../audit/auditRecordShape';
import { verifyAuditDir } from '../audit/verifyAuditDir';
import { parseAuditLog } from '../storage/embedded/auditLogFormat';
import { errnoCode } from '../storage/embedded/durableFs';
import { createEmbeddedVersionStore } from '../storage/embedded/embeddedVersionStore';
import { parseFrozenAuditObject } from './versionHash';
import { verifyVersionChain, type VersionChainVerdict } from './verifyVersionChain';

/** The verdict on one plan's versions. */
export type PlanVersionsVerdict = { planId: string } & VersionChainVerdict;

/** Verifies every plan under `dataDir/versions/`, and every plan whose audit log says a version was frozen. */
export async function verifyVersionsDir(dataDir: string): Promise<PlanVersionsVerdict[]> {
  const versionsDir = path.join(dataDir, 'versions');
  const store = createEmbeddedVersionStore(versionsDir);
  const withFiles = await readdir(versionsDir).catch((error: unknown) => (errnoCode(error) === 'ENOENT' ? [] : Promise.reject(error)));
  const audited = (await verifyAuditDir(dataDir)).map((v) => v.planId);
  const planIds = [...new Set([...withFiles.filter((n) => /^[A-Za-z0-9_-]{1,128}$/.test(n)), ...audited])].sort();
  const verdicts: PlanVersionsVerdict[] = [];
  for (const planId of planIds) {
    const frozen = await frozenInAudit(dataDir, planId);
    const files = await store.raw(planId);
    if (files.length === 0 && frozen.length === 0) continue;
    verdicts.push({ planId, ...verifyVersionChain(files, frozen) });
  }
  return verdicts;
}

async function frozenInAudit(dataDir: string, planId: string): Promise<{ nummer: number; hash: string }[]> {
  const bytes = await readFile(path.join(dataDir, 'audit', `${planId}.jsonl`)).catch(() => undefined);
  if (!bytes) return [];
  return parseAuditLog(bytes).values.flatMap((v) => (isAuditRecord(v) && v.event === 'version.frozen' && v.outcome === 'ok' ? (parseFrozenAuditObject(v.object) ?? []) : []));
}

/** One line of the report. */
export function formatVersionVerdict(v: PlanVersionsVerdict): string {
  if (v.ok) return `${v.planId}: ok, ${v.count} ${v.count === 1 ? 'version' : 'versions'}`;
  return `${v.planId}: version ${v.nummer} does not match (${v.problem})`;
}

