import { constants } from 'node:fs';
import { open, readdir, readFile, readlink } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { vi, type MockInstance } from 'vitest';

type Write = (buffer: Uint8Array, offset: number, length: number, position: number) => Promise<{ bytesWritten: number }>;

/** `FileHandle.prototype` of this thread: the store's logs write through its `write`. */
async function fileHandleProto(): Promise<{ write: Write }> {
  const probe = await open(fileURLToPath(import.meta.url), 'r');
  const proto = Object.getPrototypeOf(probe) as { write: Write };
  await probe.close();
  return proto;
}

/**
 * Spies on `write` of every `FileHandle` of this thread (whole-file writes such as meta.json go through
 * `writeFile`, which does not call it). Restore it after.
 */
export async function spyOnFileHandleWrites(): Promise<MockInstance<Write>> {
  return vi.spyOn(await fileHandleProto(), 'write');
}

/**
 * Makes the next file-handle write store its bytes and then run `after` before it returns (or throws what
 * `after` throws): the part of an O_DSYNC write where the bytes are in the file but not yet on disk.
 * Returns the spy; restore it after.
 */
export async function interceptNextWrite(after: () => Promise<void>): Promise<MockInstance<Write>> {
  const proto = await fileHandleProto();
  const original = proto.write;
  return vi.spyOn(proto, 'write').mockImplementationOnce(async function (this: unknown, ...args: Parameters<Write>) {
    const result = await original.apply(this, args);
    await after();
    return result;
  });
}

/** The next file-handle write stores its bytes, then fails with `code`, as an O_DSYNC write on a failing disk. */
export function failNextWriteAfterLanding(code: string): Promise<MockInstance<Write>> {
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
