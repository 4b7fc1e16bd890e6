import { createRequire } from 'node:module';
import path from 'node:path';
import { spawnBenchServer, type BenchServer } from './benchServer';
import { freePort } from './freePort';

/**
 * The reference: y-websocket 1.5.4's bundled `bin/server.js` (installed as `y-websocket-reference`), with no
 * persistence (no YPERSISTENCE), so it serves every doc from memory and keeps it after the last client leaves.
 * It resolves yjs, y-protocols and lib0 from the root node_modules (one yjs), and its own ws 6.
 */
export async function startReferenceServer(): Promise<BenchServer> {
  const port = await freePort();
  // The package's `exports` map hides bin/: find it beside the package.json it does export.
  const manifest = createRequire(import.meta.url).resolve('y-websocket-reference/package.json');
  const script = path.join(path.dirname(manifest), 'bin', 'server.js');
  return spawnBenchServer({
    kind: 'reference',
    args: [script],
    env: { HOST: '127.0.0.1', PORT: String(port) },
    // y-websocket 1.x logs the PORT it was given, not the one it got, so the port is chosen here.
    listening: { kind: 'fixed', port },
    ready: async (base) => (await (await fetch(base)).text()) === 'okay',
  });
}
