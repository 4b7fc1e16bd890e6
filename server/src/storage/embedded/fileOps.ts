import * as fs from 'node:fs/promises';
import fsCallbacks, { constants, type MakeDirectoryOptions, type Stats } from 'node:fs';

/**
 * O_DSYNC: every write returns only once its data, and the file size it needs, is on disk, as if an fdatasync
 * followed it. The logs open their files with it so that an append is one trip to the thread pool instead of
 * two (a write, then an fdatasync), with the same guarantee. Without it the store cannot keep DESIGN.md §6.
 */
const O_DSYNC: number = (() => {
  if (typeof constants.O_DSYNC !== 'number') throw new Error('this platform has no O_DSYNC: the embedded store cannot make appends durable');
  return constants.O_DSYNC;
})();

/** Open flags: an existing file, read and written at explicit offsets, every write durable when it returns. */
export const DURABLE_READ_WRITE = constants.O_RDWR | O_DSYNC;
/** Open flags: a new file (fails if it exists), read and written, every write durable when it returns. */
export const DURABLE_CREATE_NEW = constants.O_RDWR | constants.O_CREAT | constants.O_EXCL | O_DSYNC;

/** Whether a file opened with `flags` stores each write durably before the write returns. */
export function writesAreDurable(flags: string | number): boolean {
  return typeof flags === 'number' && (flags & O_DSYNC) === O_DSYNC;
}

/** The part of a `FileHandle` the embedded store uses. */
export interface StoreFileHandle {
  /** On a file opened with `DURABLE_READ_WRITE` or `DURABLE_CREATE_NEW`, resolves once the bytes are on disk. */
  write(buffer: Uint8Array, offset: number, length: number, position: number): Promise<{ bytesWritten: number }>;
  read(buffer: Uint8Array, offset: number, length: number, position: number): Promise<{ bytesRead: number }>;
  writeFile(data: Uint8Array | string): Promise<void>;
  truncate(length: number): Promise<void>;
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
  /** `flags` as `fs.open` takes them: a string such as 'r', or numeric flags such as `DURABLE_READ_WRITE`. */
  open(path: string, flags: string | number, mode?: number): Promise<StoreFileHandle>;
  readFile(path: string): Promise<Buffer>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  mkdir(path: string, options?: MakeDirectoryOptions): Promise<string | undefined>;
  readdir(path: string): Promise<string[]>;
}

/**
 * A real file handle whose `write` goes through the callback API on its descriptor: every doc append pays it,
 * and it costs less main-thread CPU than `FileHandle.write` (measured per 40-byte O_DSYNC append: 33–38 µs
 * against 45–50 µs). Everything else is the `FileHandle`'s own, which also owns the descriptor: the store
 * queues its work per file, so no write is in flight when it closes the handle.
 */
class NodeFileHandle implements StoreFileHandle {
  constructor(private readonly handle: fs.FileHandle) {}

  write(buffer: Uint8Array, offset: number, length: number, position: number): Promise<{ bytesWritten: number }> {
    return new Promise((resolve, reject) => {
      fsCallbacks.write(this.handle.fd, buffer, offset, length, position, (error, bytesWritten) => (error ? reject(error) : resolve({ bytesWritten })));
    });
  }

  read(buffer: Uint8Array, offset: number, length: number, position: number): Promise<{ bytesRead: number }> {
    return this.handle.read(buffer, offset, length, position);
  }

  writeFile(data: Uint8Array | string): Promise<void> {
    return this.handle.writeFile(data);
  }

  truncate(length: number): Promise<void> {
    return this.handle.truncate(length);
  }

  sync(): Promise<void> {
    return this.handle.sync();
  }

  stat(): Promise<Stats> {
    return this.handle.stat();
  }

  close(): Promise<void> {
    return this.handle.close();
  }
}

/** The real file system. */
export const nodeFileOps: FileOps = {
  open: async (path, flags, mode) => new NodeFileHandle(await fs.open(path, flags, mode)),
  readFile: (path) => fs.readFile(path),
  rename: (from, to) => fs.rename(from, to),
  unlink: (path) => fs.unlink(path),
  mkdir: (path, options) => fs.mkdir(path, options),
  readdir: (path) => fs.readdir(path),
};
