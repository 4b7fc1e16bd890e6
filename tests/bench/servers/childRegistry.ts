import type { ChildProcess } from 'node:child_process';

/**
 * Every child process the bench started, so that none outlives it: `killAllChildren` runs on normal exit,
 * on errors and on SIGINT/SIGTERM (installed by run.ts).
 */
const children = new Set<ChildProcess>();

export function trackChild(child: ChildProcess): void {
  children.add(child);
  child.once('exit', () => children.delete(child));
}

/** SIGKILL by pid for each child still running; synchronous so it also works inside process.on('exit'). */
export function killAllChildren(): void {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  children.clear();
}
