import { dirname } from 'node:path';
import { AppError, StorageUnavailable } from '../../errors';
import { nodeFileOps, type FileOps, type StoreFileHandle } from './fileOps';

/**
 * Small file-system steps that make a change survive a crash (DESIGN.md §6: "a kill -9 at any moment leaves a
 * store that loads with every acknowledged update"). Shared by the doc logs, the metadata file and the lock.
 * Each takes the file operations to use (`fileOps.ts`), the real ones unless a test injects faults.
 */

/**
 * Fsyncs a directory, so that a file created, renamed or removed in it is itself durable: without it a
 * renamed file's data can be on disk while its new name is not.
 */
export async function fsyncDir(dir: string, fs: FileOps = nodeFileOps): Promise<void> {
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Creates `dir` (not its parents) when it is missing and, when it was created, fsyncs its parent so the new
 * entry survives a crash. Returns whether it was created.
 */
export async function ensureDirDurably(dir: string, fs: FileOps = nodeFileOps): Promise<boolean> {
  try {
    await fs.mkdir(dir);
  } catch (error) {
    if (errnoCode(error) === 'EEXIST') return false;
    throw error;
  }
  await fsyncDir(dirname(dir), fs);
  return true;
}

/**
 * Replaces `target` with `data` atomically: write a temp file in the same directory, fsync it, rename it over
 * the target, fsync the directory. A crash leaves either the old or the new content, never a mix; a failed
 * write (a full disk) removes its temp file, so no half file stays behind.
 * `tempPath` must be in the same directory as `target` (rename is only atomic within one file system).
 */
export async function replaceFileDurably(target: string, tempPath: string, data: Uint8Array | string, fs: FileOps = nodeFileOps): Promise<void> {
  try {
    const handle = await fs.open(tempPath, 'w', 0o600);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch (error) {
    await fs.unlink(tempPath).catch(() => undefined);
    throw error;
  }
  await fs.rename(tempPath, target);
  await fsyncDir(dirname(target), fs);
}

/** The errno code of an error, if it has one. */
export function errnoCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Writes all of `bytes` at `position`, however many calls that takes. */
export async function writeFully(handle: StoreFileHandle, bytes: Buffer, position: number): Promise<void> {
  let written = 0;
  while (written < bytes.length) {
    const { bytesWritten } = await handle.write(bytes, written, bytes.length - written, position + written);
    written += bytesWritten;
  }
}

/** Typed errors pass through; a file-system error becomes `StorageUnavailable` (STYLE.md, Errors). */
export function toStorageError(error: unknown, what: string): Error {
  if (error instanceof AppError) return error;
  const code = errnoCode(error);
  return new StorageUnavailable(`${what} failed${code ? ` (${code})` : ''}`);
}
