import { spawn, type ChildProcess } from 'node:child_process';
import { trackChild } from './childRegistry';

/** Which server a run drives: the project's, or the reference y-websocket 1.x server. */
export type TargetKind = 'project' | 'reference';

/** A server under test, running as its own child process on 127.0.0.1. */
export interface BenchServer {
  kind: TargetKind;
  /** The pid of the process that listens: its /proc counters are the server's. */
  pid: number;
  port: number;
  /** http://127.0.0.1:<port> */
  base: string;
  /** The last part of the server's output, for error messages. */
  output(): string;
  /** SIGTERM (graceful: the project flushes and compacts), SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

const OUTPUT_KEPT = 20_000;

/**
 * Where the server listens: a port chosen beforehand, or one the server picked itself (PORT=0) and printed,
 * read from its output with `printed` (group 1 is the port). The second leaves no window in which another
 * process on the machine can take the port between choosing and listening.
 */
export type Listening = { kind: 'fixed'; port: number } | { kind: 'printed'; pattern: RegExp };

/**
 * Spawns `node <args>` with the environment given and waits until `ready` answers true (polled with a
 * deadline) while the child is still alive. Output is kept only as a short tail so a long run does not grow
 * the generator's memory.
 */
export async function spawnBenchServer(options: {
  kind: TargetKind;
  args: string[];
  env: Record<string, string>;
  listening: Listening;
  ready: (base: string) => Promise<boolean>;
  startTimeoutMs?: number;
}): Promise<BenchServer> {
  const child: ChildProcess = spawn(process.execPath, options.args, {
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  trackChild(child);
  let tail = '';
  const { listening } = options;
  let port = listening.kind === 'fixed' ? listening.port : undefined;
  const keep = (d: Buffer) => {
    tail = (tail + d.toString()).slice(-OUTPUT_KEPT);
    if (port === undefined && listening.kind === 'printed') {
      const printed = listening.pattern.exec(tail)?.[1];
      if (printed) port = Number(printed);
    }
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + (options.startTimeoutMs ?? 60_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${options.kind} server exited with ${child.exitCode}: ${tail.slice(-1000)}`);
    // Ready counts only while our child lives: an answer could otherwise come from another process on the port.
    if (port !== undefined && (await options.ready(`http://127.0.0.1:${port}`).catch(() => false)) && child.exitCode === null) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${options.kind} server did not start in time: ${tail.slice(-1000)}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  if (child.pid === undefined || port === undefined) throw new Error(`${options.kind} server has no pid or port`);
  return {
    kind: options.kind,
    pid: child.pid,
    port,
    base: `http://127.0.0.1:${port}`,
    output: () => tail,
    async stop(graceMs = 30_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}
