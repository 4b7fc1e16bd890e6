import { stat } from 'node:fs/promises';
import path from 'node:path';
import { formatVerdict, verifyAuditDir } from './verifyAuditDir';

/**
 * `npm run audit:verify -- [DATA_DIR]` (issue #6): checks the hash chain of every plan's audit log and names
 * the first broken record. DATA_DIR defaults to the environment's `DATA_DIR`, then `./data`, resolved like
 * the server does (`config.ts`). Read-only, so it may run while the server runs. Prints one line per plan;
 * exits 1 when any chain is broken, 2 when the logs cannot be read. An entry point like `main.ts`, so it
 * writes to stdout itself.
 */
async function main(): Promise<number> {
  const dataDir = path.resolve(process.cwd(), process.argv[2] || process.env.DATA_DIR || './data');
  let verdicts;
  try {
    if (!(await stat(dataDir)).isDirectory()) throw new Error('not a directory');
    verdicts = await verifyAuditDir(dataDir);
  } catch (error) {
    process.stderr.write(`cannot read the audit logs in ${dataDir}: ${(error as Error).message}\n`);
    return 2;
  }
  if (verdicts.length === 0) process.stdout.write(`no audit logs in ${dataDir}\n`);
  for (const verdict of verdicts) process.stdout.write(`${formatVerdict(verdict)}\n`);
  return verdicts.every((verdict) => verdict.ok) ? 0 : 1;
}

void main().then((code) => {
  process.exitCode = code;
});
