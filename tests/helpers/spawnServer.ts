import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { waitFor } from './waitFor';

export interface ChildServer {
  base: string;
  dataDir: string;
  proc: ChildProcess;
  output(): string;
  /** SIGKILL: no shutdown code runs, exactly like a crash. */
  kill9(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The real server as its own process (`node --import tsx server/src/main.ts`), for crash tests. `bundle` runs
 * a one-file build of the same source instead (`serverBundle.ts`), which starts faster.
 */
export async function spawnServer(options: { dataDir?: string; env?: Record<string, string>; bundle?: string } = {}): Promise<ChildServer> {
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(tmpdir(), 'gezinsplan-child-')));
  const proc = spawn(process.execPath, options.bundle ? [options.bundle] : ['--import', 'tsx', 'server/src/main.ts'], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  // The server picks its own port and prints it once started: a port chosen here and handed over could be
  // taken meanwhile by another test's server, whose /healthz would then answer for this one.
  const base = await waitFor(() => {
    if (proc.exitCode !== null) throw new Error(`server exited ${proc.exitCode}: ${out.slice(-500)}`);
    return /draait op (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
  }, 'the child server to print its address', 30_000);
  await waitFor(() => fetch(`${base}/healthz`).then((r) => r.status === 200, () => false), 'the child server to answer /healthz', 30_000);
  return {
    base, dataDir, proc,
    output: () => out,
    async kill9() {
      proc.kill('SIGKILL');
      await exited;
    },
    async stop() {
      proc.kill('SIGTERM');
      await exited;
    },
  };
}
