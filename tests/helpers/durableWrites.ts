import fs, { constants } from 'node:fs';
import { readdir, readFile, readlink } from 'node:fs/promises';
import { vi, type MockInstance } from 'vitest';

type WriteCallback = (error: NodeJS.ErrnoException | null, bytesWritten: number, buffer: Uint8Array) => void;

/**
 * Spies on `fs.write`, through which the store's file handles write at an offset (`fileOps.ts`); whole-file
 * writes such as meta.json go through `FileHandle.writeFile`, which does not call it. Restore it after.
 */
export function spyOnFileWrites(): MockInstance<typeof fs.write> {
  return vi.spyOn(fs, 'write');
}

/**
 * Makes the next `fs.write` store its bytes and then run `after` before it calls back (or fail with what
 * `after` throws): the part of an O_DSYNC write where the bytes are in the file but not yet on disk.
 * Returns the spy; restore it after.
 */
export function interceptNextWrite(after: () => Promise<void>): MockInstance<typeof fs.write> {
  const original = fs.write;
  const intercepted = (fd: number, buffer: Uint8Array, offset: number, length: number, position: number, callback: WriteCallback): void => {
    original(fd, buffer, offset, length, position, (error, bytesWritten, written) => {
      if (error) return callback(error, bytesWritten, written);
      after().then(
        () => callback(null, bytesWritten, written),
        (failure: NodeJS.ErrnoException) => callback(failure, 0, written),
      );
    });
  };
  return vi.spyOn(fs, 'write').mockImplementationOnce(intercepted as typeof fs.write);
}

/** The next `fs.write` stores its bytes, then fails with `code`, as an O_DSYNC write on a failing disk. */
export function failNextWriteAfterLanding(code: string): MockInstance<typeof fs.write> {
  return interceptNextWrite(async () => {
    throw Object.assign(new Error(`${code}: injected after the bytes landed`), { code });
  });
}

/**
 * The open flags of this process's file descriptors on `path`, as the kernel holds them (Linux:
 * `/proc/self/fdinfo`), so a test can check how a file really is open, whatever the code says it asked for.
 */
export async function openFlagsOf(path: string): Promise<number[]> {
  const flags: number[] = [];
  for (const fd of await readdir('/proc/self/fd')) {
    const target = await readlink(`/proc/self/fd/${fd}`).catch(() => undefined);
    if (target !== path) continue;
    const info = await readFile(`/proc/self/fdinfo/${fd}`, 'utf8').catch(() => undefined);
    const octal = info?.match(/^flags:\s*([0-7]+)$/m)?.[1];
    if (octal) flags.push(parseInt(octal, 8));
  }
  return flags;
}

/** Whether open flags make every write durable when it returns. */
export const isDsync = (flags: number): boolean => (flags & constants.O_DSYNC) === constants.O_DSYNC;
