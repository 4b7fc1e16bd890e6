import { spawnSync } from 'node:child_process';

/**
 * The browser tests need the built client; build it once per run, only when the sources changed.
 * `SKIP_CLIENT_BUILD=1` skips it for quick runs of server tests while the client is being changed.
 */
export default function setup(): void {
  if (process.env.SKIP_CLIENT_BUILD === '1') return;
  const r = spawnSync(process.execPath, ['scripts/build-client-if-needed.mjs'], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('client build failed');
}
