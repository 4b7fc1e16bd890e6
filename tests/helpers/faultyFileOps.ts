import { constants } from 'node:fs';
import { nodeFileOps, writesAreDurable, type FileOps, type StoreFileHandle } from '../../server/src/storage/embedded/fileOps';

/** What the disk does to writes under the chosen paths. */
export type DiskState =
  | { kind: 'ok' }
  /** Every write, fsync, create, mkdir and rename fails with ENOSPC; with `partial`, a write first stores half its bytes. */
  | { kind: 'full'; partial?: boolean }
  /** Every change fails with EROFS; reads work. */
  | { kind: 'readonly' }
  /** Writes land in the page cache, but fsync fails with EIO, and so does a durable (O_DSYNC) write after landing. */
  | { kind: 'failingSync' };

/** Held durable writes: they wait until `release`. */
export interface SyncGate {
  /** Durable (O_DSYNC) writes waiting at the gate now, their bytes in the file but not yet returned. */
  readonly waiting: number;
  release(): void;
}

/**
 * A fault injector for the embedded store's file operations (issue #9: "inject through the storage layer's
 * file operations"): the real file system, except that writes under paths matching `scope` can be made to
 * fail as on a full, read-only or failing disk, and durable (O_DSYNC) writes can be held. Only tests use it.
 *
 * @example
 * const disk = new FaultyFileOps(/[\\/]plans[\\/]/);
 * const server = await startServer({ fileOps: disk });
 * disk.set({ kind: 'full', partial: true });  // … later: disk.set({ kind: 'ok' })
 */
export class FaultyFileOps implements FileOps {
  state: DiskState = { kind: 'ok' };
  /** Operations refused so far, by name. */
  readonly refused = new Map<string, number>();
  private gate: { promise: Promise<void>; release: () => void; waiting: number } | undefined;

  constructor(private readonly scope: RegExp) {}

  set(state: DiskState): void {
    this.state = state;
  }

  /**
   * Holds every durable write under the scope until the gate is released: its bytes reach the file, but the
   * write does not return, as while the disk is still storing them.
   */
  holdSyncs(): SyncGate {
    let release!: () => void;
    const promise = new Promise<void>((resolve) => (release = resolve));
    const gate = { promise, release, waiting: 0 };
    this.gate = gate;
    return {
      get waiting() {
        return gate.waiting;
      },
      release: () => {
        if (this.gate === gate) this.gate = undefined;
        gate.release();
      },
    };
  }

  /** Throws the fault for `op` on `path` when the disk state refuses it. */
  check(op: 'write' | 'sync' | 'create' | 'truncate' | 'remove', path: string): void {
    if (!this.scope.test(path)) return;
    const code = this.codeFor(op);
    if (!code) return;
    this.refused.set(op, (this.refused.get(op) ?? 0) + 1);
    throw Object.assign(new Error(`${code}: injected fault, ${op} '${path}'`), { code });
  }

  async open(path: string, flags: string | number, mode?: number): Promise<StoreFileHandle> {
    const kind = openKind(flags);
    if (kind !== 'read') this.check(kind, path);
    return new FaultyHandle(await nodeFileOps.open(path, flags, mode), path, this, writesAreDurable(flags));
  }

  readFile(path: string): Promise<Buffer> {
    return nodeFileOps.readFile(path);
  }

  async rename(from: string, to: string): Promise<void> {
    this.check('create', to);
    await nodeFileOps.rename(from, to);
  }

  async unlink(path: string): Promise<void> {
    this.check('remove', path);
    await nodeFileOps.unlink(path);
  }

  async mkdir(path: string, options?: Parameters<FileOps['mkdir']>[1]): Promise<string | undefined> {
    this.check('create', path);
    return nodeFileOps.mkdir(path, options);
  }

  readdir(path: string): Promise<string[]> {
    return nodeFileOps.readdir(path);
  }

  /** Waits at the sync gate, if one is up and `path` is in scope. */
  async passGate(path: string): Promise<void> {
    const gate = this.gate;
    if (!gate || !this.scope.test(path)) return;
    gate.waiting += 1;
    await gate.promise;
    gate.waiting -= 1;
  }

  private codeFor(op: 'write' | 'sync' | 'create' | 'truncate' | 'remove'): string | undefined {
    switch (this.state.kind) {
      case 'ok':
        return undefined;
      case 'full':
        // Shrinking or removing a file needs no space.
        return op === 'truncate' || op === 'remove' ? undefined : 'ENOSPC';
      case 'readonly':
        return 'EROFS';
      case 'failingSync':
        return op === 'sync' ? 'EIO' : undefined;
    }
  }
}

/** What opening a file with `flags` does: only reads it, opens an existing file to change, or may create one. */
function openKind(flags: string | number): 'read' | 'truncate' | 'create' {
  if (typeof flags === 'string') return flags === 'r' ? 'read' : flags.startsWith('r+') ? 'truncate' : 'create';
  if (flags & constants.O_CREAT) return 'create';
  return (flags & (constants.O_WRONLY | constants.O_RDWR)) === 0 ? 'read' : 'truncate';
}

class FaultyHandle implements StoreFileHandle {
  constructor(
    private readonly real: StoreFileHandle,
    private readonly path: string,
    private readonly disk: FaultyFileOps,
    /** Opened O_DSYNC: a write stores and syncs in one step, so it fails as a sync does and waits at the gate. */
    private readonly durable: boolean,
  ) {}

  async write(buffer: Uint8Array, offset: number, length: number, position: number): Promise<{ bytesWritten: number }> {
    const { state } = this.disk;
    if (state.kind === 'full' && state.partial && length > 1) {
      // A full disk takes what fits, then refuses the rest: the caller is left with half a record.
      state.partial = false;
      return this.real.write(buffer, offset, Math.floor(length / 2), position);
    }
    this.disk.check('write', this.path);
    const written = await this.real.write(buffer, offset, length, position);
    if (this.durable) {
      await this.disk.passGate(this.path);
      this.disk.check('sync', this.path);
    }
    return written;
  }

  read(buffer: Uint8Array, offset: number, length: number, position: number): Promise<{ bytesRead: number }> {
    return this.real.read(buffer, offset, length, position);
  }

  async writeFile(data: Uint8Array | string): Promise<void> {
    this.disk.check('write', this.path);
    await this.real.writeFile(data);
  }

  async truncate(length: number): Promise<void> {
    this.disk.check('truncate', this.path);
    await this.real.truncate(length);
  }

  async sync(): Promise<void> {
    this.disk.check('sync', this.path);
    await this.real.sync();
  }

  stat(): ReturnType<StoreFileHandle['stat']> {
    return this.real.stat();
  }

  close(): Promise<void> {
    return this.real.close();
  }
}
