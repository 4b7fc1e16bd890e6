import { stat } from 'node:fs/promises';
import path from 'node:path';
import { formatVersionVerdict, verifyVersionsDir } from './verifyVersionsDir';

/**
 * `npm run verify-versions -- [DATA_DIR]` (issue #8): recomputes every plan's chain of frozen versions and
 * checks it against the plan's audit log; names the first version whose content or link does not match.
 * DATA_DIR defaults like the server's. Read-only, so it may run while the server runs. Exits 1 when a
 * chain is broken, 2 when the data cannot be read. An entry point like `main.ts`, so it writes to stdout.
 */
async function main(): Promise<number> {
  const dataDir = path.resolve(process.cwd(), process.argv[2] || process.env.DATA_DIR || './data');
  try {
    if (!(await stat(dataDir)).isDirectory()) throw new Error('not a directory');
    const verdicts = await verifyVersionsDir(dataDir);
    if (verdicts.length === 0) process.stdout.write(`no versions in ${dataDir}\n`);
    for (const verdict of verdicts) process.stdout.write(`${formatVersionVerdict(verdict)}\n`);
    return verdicts.every((v) => v.ok) ? 0 : 1;
  } catch (error) {
    process.stderr.write(`cannot read the versions in ${dataDir}: ${(error as Error).message}\n`);
    return 2;
  }
}

void main().then((code) => {
  process.exitCode = code;
});
