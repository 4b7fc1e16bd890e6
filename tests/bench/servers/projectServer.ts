import { projectLimitEnv } from '../limits';
import { spawnBenchServer, type BenchServer } from './benchServer';

/**
 * The project's server exactly as `npm start` runs it after the client build: `node --import tsx
 * server/src/main.ts`, one process (tsx's loader runs as a thread of it), so its pid is the listening process.
 * The embedded store keeps everything in `dataDir`. It listens on a port of its own choosing (PORT=0) and
 * prints its origin once ready, after writing `demo-invitations.json` (DESIGN.md §7).
 */
export async function startProjectServer(options: { dataDir: string; demo?: boolean }): Promise<BenchServer> {
  return spawnBenchServer({
    kind: 'project',
    // BENCH_PROJECT_NODE_ARGS adds node flags for finding a cause, e.g. "--cpu-prof --cpu-prof-dir=<dir>".
    args: [...nodeArgs(), '--import', 'tsx', 'server/src/main.ts'],
    env: {
      HOST: '127.0.0.1',
      PORT: '0',
      DATA_DIR: options.dataDir,
      LOG_LEVEL: 'warn',
      DEMO: options.demo ? '1' : '0',
      ...projectLimitEnv(),
    },
    listening: { kind: 'printed', pattern: /http:\/\/127\.0\.0\.1:(\d+)/ },
    ready: async (base) => (await fetch(`${base}/healthz`)).status === 200,
  });
}

/** Extra node flags for the project's server from BENCH_PROJECT_NODE_ARGS (space-separated), for profiling runs. */
function nodeArgs(): string[] {
  return (process.env.BENCH_PROJECT_NODE_ARGS ?? '').split(' ').filter((a) => a.length > 0);
}
