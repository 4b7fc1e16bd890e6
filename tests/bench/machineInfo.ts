import { execFileSync } from 'node:child_process';
import os from 'node:os';

/** The machine a run was made on, kept with the results (figures mean little without it). */
export interface MachineInfo {
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  kernel: string;
  /** File system of the temporary data dirs: fsync cost depends on it. */
  tempFileSystem: string;
}

export function machineInfo(tempDir: string): MachineInfo {
  let tempFileSystem = 'unknown';
  try {
    const line = execFileSync('df', ['-T', tempDir], { encoding: 'utf8' }).trim().split('\n')[1] ?? '';
    tempFileSystem = line.split(/\s+/)[1] ?? 'unknown';
  } catch {
    // df missing: the figure stays unknown.
  }
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    kernel: `${os.type()} ${os.release()}`,
    tempFileSystem,
  };
}
