import { build } from 'esbuild';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A one-file build of `server/src/main.ts` for tests that start the server many times. */
export interface ServerBundle {
  /** The file to run with `node`. */
  file: string;
  remove(): Promise<void>;
}

/**
 * Builds the server from the current source into one ES module (packages stay imports), so a child process
 * starts in a fraction of the time `node --import tsx` needs to load every module through its hooks: the crash
 * loop starts the server dozens of times. It is the same code: tsx compiles with esbuild too. The file lies in
 * `node_modules/.cache/` so that the packages resolve; `repoPaths.ts` keeps pointing at the repository.
 */
export async function buildServerBundle(): Promise<ServerBundle> {
  const file = path.join(REPO_ROOT, 'node_modules', '.cache', 'gezinsplan-tests', `server-${process.pid}-${Date.now()}.mjs`);
  await build({
    entryPoints: [path.join(REPO_ROOT, 'server/src/main.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outfile: file,
    logLevel: 'error',
    // The only `import.meta.url` in the server: where the repository's folders and the worker are (repoPaths.ts).
    define: { 'import.meta.url': JSON.stringify(pathToFileURL(path.join(REPO_ROOT, 'server/src/repoPaths.ts')).href) },
  });
  return { file, remove: () => rm(file, { force: true }) };
}
