import { mkdir, open, rename } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Small file-system steps that make a change survive a crash (DESIGN.md §6: "a kill -9 at any moment leaves a
 * store that loads with every acknowledged update"). Shared by the doc logs, the metadata file and the lock.
 */

/**
 * Fsyncs a directory, so that a file created, renamed or removed in it is itself durable: without it a
 * renamed file's data can be on disk while its new name is not.
 */
export async function fsyncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
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
export async function ensureDirDurably(dir: string): Promise<boolean> {
  try {
    await mkdir(dir);
  } catch (error) {
    if (errnoCode(error) === 'EEXIST') return false;
    throw error;
  }
  await fsyncDir(dirname(dir));
  return true;
}

/**
 * Replaces `target` with `data` atomically: write a temp file in the same directory, fsync it, rename it over
 * the target, fsync the directory. A crash leaves either the old or the new content, never a mix.
 * `tempPath` must be in the same directory as `target` (rename is only atomic within one file system).
 */
export async function replaceFileDurably(target: string, tempPath: string, data: Uint8Array | string): Promise<void> {
  const handle = await open(tempPath, 'w', 0o600);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(tempPath, target);
  await fsyncDir(dirname(target));
}

/** The errno code of an error, if it has one. */
export function errnoCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}
