import * as fs from 'node:fs/promises';
import type { MakeDirectoryOptions, Stats } from 'node:fs';

/** The part of a `FileHandle` the embedded store uses. */
export interface StoreFileHandle {
  write(buffer: Uint8Array, offset: number, length: number, position: number): Promise<{ bytesWritten: number }>;
  read(buffer: Uint8Array, offset: number, length: number, position: number): Promise<{ bytesRead: number }>;
  writeFile(data: Uint8Array | string): Promise<void>;
  truncate(length: number): Promise<void>;
  /** fdatasync: the data and the size, enough for an append. */
  datasync(): Promise<void>;
  /** fsync: data and all metadata. */
  sync(): Promise<void>;
  stat(): Promise<Stats>;
  close(): Promise<void>;
}

/**
 * Every file operation the doc logs, the audit logs and the metadata file make, behind one small interface
 * (issue #9), so that a test can make the disk full, failing or slow without touching the code under test.
 * The server always uses `nodeFileOps`; a fault injector (tests/helpers/faultyFileOps.ts) wraps it in tests.
 */
export interface FileOps {
  open(path: string, flags: string, mode?: number): Promise<StoreFileHandle>;
  readFile(path: string): Promise<Buffer>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  mkdir(path: string, options?: MakeDirectoryOptions): Promise<string | undefined>;
  readdir(path: string): Promise<string[]>;
}

/** The real file system. */
export const nodeFileOps: FileOps = {
  open: (path, flags, mode) => fs.open(path, flags, mode),
  readFile: (path) => fs.readFile(path),
  rename: (from, to) => fs.rename(from, to),
  unlink: (path) => fs.unlink(path),
  mkdir: (path, options) => fs.mkdir(path, options),
  readdir: (path) => fs.readdir(path),
};
