import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../server/src/config';
import { startServer as start, type StartOptions } from '../../server/src/createServer';
import { createLogger, type LogFields } from '../../server/src/log';
import type { DemoInvitation } from '../../server/src/seed/seedDemoPlan';

export interface TestServer {
  base: string;
  dataDir: string;
  invitations: DemoInvitation[];
  /** Log records so far, parsed (assert on events, not text). */
  logs: LogFields[];
  /** Stops the server; keeps the data dir (pass `{ remove: true }` to delete it). */
  close(options?: { remove?: boolean }): Promise<void>;
}

/**
 * The real server, in this process, on 127.0.0.1 and a free port, with a temp data dir and the demo plan
 * seeded. `env` sets config variables as `npm start` would read them; `clientDist` serves another built client;
 * `fileOps` injects disk faults.
 */
export async function startServer(
  options: { dataDir?: string; env?: Record<string, string>; clientDist?: string } & Pick<StartOptions, 'fileOps' | 'retryTiming'> = {},
): Promise<TestServer> {
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(tmpdir(), 'gezinsplan-test-')));
  const result = loadConfig({ HOST: '127.0.0.1', PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'debug', ...options.env }, process.cwd());
  if (!result.ok) throw new Error(result.problems.join('; '));
  const logs: LogFields[] = [];
  const log = createLogger({ level: 'debug', write: (line) => logs.push(JSON.parse(line) as LogFields) });
  const server = await start(result.config, log, {
    ...(options.clientDist ? { clientDist: options.clientDist } : {}),
    ...(options.fileOps ? { fileOps: options.fileOps } : {}),
    ...(options.retryTiming ? { retryTiming: options.retryTiming } : {}),
  });
  const invitations = server.demoInvitations.length > 0 ? server.demoInvitations : await readDemoInvitations(dataDir).catch(() => []);
  return {
    base: server.origin,
    dataDir,
    invitations,
    logs,
    async close(closeOptions = {}) {
      await server.close();
      if (closeOptions.remove) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** The demo invitations a server wrote on its first start. */
export async function readDemoInvitations(dataDir: string): Promise<DemoInvitation[]> {
  return JSON.parse(await readFile(path.join(dataDir, 'demo-invitations.json'), 'utf8')) as DemoInvitation[];
}
