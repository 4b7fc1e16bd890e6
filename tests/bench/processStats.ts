import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** CPU time and resident memory of one process, read from `/proc/<pid>/stat` and `/proc/<pid>/status`. */
export interface ProcessSample {
  /** User + system CPU seconds since the process started, all threads. */
  cpuSeconds: number;
  /** The same for the main (JavaScript) thread alone; the rest is libuv's file-system pool, GC helpers, the tsx loader. */
  mainThreadCpuSeconds: number;
  rssBytes: number;
}

let clockTicks: number | undefined;

/** Clock ticks per second of `/proc/<pid>/stat` (almost always 100; asked once rather than assumed). */
function ticksPerSecond(): number {
  if (clockTicks === undefined) {
    try {
      clockTicks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      clockTicks = 100;
    }
  }
  return clockTicks;
}

/** Reads the server process's own counters: the process that listens, not a wrapper around it. */
export function readProcessStats(pid: number): ProcessSample {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const rssKb = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1] ?? NaN);
  return {
    cpuSeconds: cpuTicks(`/proc/${pid}/stat`) / ticksPerSecond(),
    mainThreadCpuSeconds: cpuTicks(`/proc/${pid}/task/${pid}/stat`) / ticksPerSecond(),
    rssBytes: rssKb * 1024,
  };
}

/** utime + stime of a `stat` file, in clock ticks. */
function cpuTicks(file: string): number {
  const stat = readFileSync(file, 'utf8');
  // The command name (field 2) may hold spaces and parentheses: count fields after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // After ')': field 3 (state) is index 0, so utime (14) is index 11 and stime (15) index 12.
  return Number(fields[11]) + Number(fields[12]);
}

/** CPU seconds spent between two samples. */
export function cpuBetween(before: ProcessSample, after: ProcessSample): number {
  return after.cpuSeconds - before.cpuSeconds;
}

/** Main-thread CPU seconds spent between two samples. */
export function mainThreadCpuBetween(before: ProcessSample, after: ProcessSample): number {
  return after.mainThreadCpuSeconds - before.mainThreadCpuSeconds;
}

/** The median RSS of `count` samples taken `intervalMs` apart: one sample can catch a GC half done. */
export async function settledRss(pid: number, count: number, intervalMs: number): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < count; i += 1) {
    if (i > 0) await new Promise((r) => setTimeout(r, intervalMs));
    samples.push(readProcessStats(pid).rssBytes);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)] as number;
}
