import { join } from 'node:path';
import type { AuditRecord } from '../../audit/auditTypes';
import { isAuditRecord } from '../../audit/auditRecordShape';
import { Invalid, StorageUnavailable } from '../../errors';
import type { Logger } from '../../log';
import type { AuditStore } from '../Store';
import { encodeAuditLines, parseAuditLog, scanAuditTail } from './auditLogFormat';
import { errnoCode, fsyncDir, toStorageError, writeFully } from './durableFs';
import { DURABLE_CREATE_NEW, DURABLE_READ_WRITE, type FileOps, type StoreFileHandle } from './fileOps';
import { GroupCommitQueue, type PendingAppend } from './groupCommitQueue';
import type { WriteRetry, WriteTarget } from './writeRetry';

/** Only these plan ids become file names: a planId can never climb out of the audit dir. */
const SAFE_NAME = /^[A-Za-z0-9_-]{1,128}$/;
/** Bytes read from the end of a log at a time when looking for its last record. */
const TAIL_CHUNK = 64 * 1024;

type AppendOp = PendingAppend & { bytes: Buffer; count: number };

/** What an audit log file needs besides its place. */
interface AuditFileDeps {
  log: Logger;
  fs: FileOps;
  retry: WriteRetry;
}

/**
 * One plan's audit log file, `<auditDir>/<planId>.jsonl` (issue #6). Calls are queued and applied in call
 * order. The file is opened with O_DSYNC, so a write returns only once it is on disk, and appends that queue
 * up while a write is in flight are group-committed, like the doc logs (`docLog.ts`). The file is opened for each batch and closed when the queue is empty, so a server with many
 * plans holds no file handle per plan. The length of its good part is kept, so an append never re-reads it.
 * A batch the disk refuses is cut back off and tried again (`WriteRetry`, issue #9): no audit record is lost
 * to a full disk, and the chain stays in order, since later batches wait behind it.
 */
class AuditLogFile {
  private readonly queue = new GroupCommitQueue<AppendOp>((batch) => this.writeBatch(batch), (error) => toStorageError(error, 'audit storage'));
  /** Length of the good, durable part; undefined until the file was checked (and a torn tail cut). */
  private size: number | undefined;
  /** A batch whose failed write could not be cut back off. */
  private uncutBatch: Buffer | undefined;
  private readonly path: string;
  private readonly log: Logger;
  private readonly target: WriteTarget;

  constructor(
    private readonly auditDir: string,
    private readonly planId: string,
    private readonly deps: AuditFileDeps,
  ) {
    this.path = join(auditDir, `${planId}.jsonl`);
    this.log = deps.log.child('storage.audit', { planId });
    this.target = { key: `audit:${planId}`, planId };
  }

  append(records: readonly AuditRecord[]): Promise<void> {
    const bytes = encodeAuditLines(records);
    return new Promise((resolve, reject) => {
      this.queue.append({ bytes, count: records.length, resolve, reject });
    });
  }

  list(): Promise<AuditRecord[]> {
    return this.queue.task(async () => {
      if (!(await this.checkTail())) return [];
      const { values } = parseAuditLog(await this.deps.fs.readFile(this.path));
      const records = values.filter(isAuditRecord);
      // A damaged line is left in the file for `audit:verify` to name; readers get the records that parse.
      if (records.length < values.length) this.log.warn('audit.unreadable_lines', { lines: values.length - records.length });
      return records;
    });
  }

  lastRecord(): Promise<AuditRecord | undefined> {
    return this.queue.task(async () => (await this.withHandle(false, (handle) => readLast(handle, this.size ?? 0)))?.last);
  }

  /** Resolves once everything queued before it is done. */
  settle(): Promise<void> {
    return this.queue.task(async () => undefined);
  }

  private async writeBatch(batch: AppendOp[]): Promise<void> {
    const bytes = batch.length === 1 ? (batch[0] as AppendOp).bytes : Buffer.concat(batch.map((op) => op.bytes));
    try {
      await this.deps.retry.run(this.target, () => this.writeOnce(bytes));
      for (const op of batch) op.resolve();
    } catch (error) {
      this.log.error('audit.write_failed', { code: errnoCode(error), records: batch.reduce((n, op) => n + op.count, 0) });
      const failure = new StorageUnavailable('the audit record could not be stored durably');
      for (const op of batch) op.reject(failure);
    }
  }

  /** One attempt: on failure nothing of it stays in the file, or it is found whole by the next attempt. */
  private async writeOnce(bytes: Buffer): Promise<void> {
    await this.withHandle(true, async (handle) => {
      const at = this.size ?? 0;
      try {
        // Lines of a batch whose cut-back failed may still be in the file: writing them again would repeat
        // their seqs and break the chain, so write only the rest and make the whole durable.
        const already = this.uncutBatch === bytes ? await linesAlreadyAtEnd(handle, at, bytes) : 0;
        // Resolve only once durable (issue #6: append-only, nothing acknowledged that a crash can lose): the
        // handle is O_DSYNC, so the write returns once the bytes are on disk.
        await writeFully(handle, bytes.subarray(already), at);
        this.size = at + bytes.length - already;
        this.uncutBatch = undefined;
      } catch (error) {
        await this.undoPartialWrite(handle, at, bytes);
        throw error;
      }
    });
  }

  /**
   * Cuts a failed batch back off. If that fails too, the next attempt finds the leftover: as a torn tail
   * (cut when the file is opened), or as the whole batch (then not written twice).
   */
  private async undoPartialWrite(handle: StoreFileHandle, size: number, bytes: Buffer): Promise<void> {
    this.size = undefined;
    try {
      await handle.truncate(size);
      await handle.sync();
      this.size = size;
    } catch (error) {
      this.uncutBatch = bytes;
      this.log.error('audit.truncate_failed', { code: errnoCode(error) });
    }
  }

  /** Checks the file once (cutting a torn tail); false when it does not exist. */
  private async checkTail(): Promise<boolean> {
    if (this.size !== undefined) return true;
    return (await this.withHandle(false, async () => true)) ?? false;
  }

  /**
   * Opens the file for one step and closes it after. The first time, cuts a torn tail (fsync'd) before
   * anything is appended after it. With `create`, a missing file is created and its directory entry fsync'd;
   * without, a missing file gives undefined.
   */
  private async withHandle<T>(create: boolean, fn: (handle: StoreFileHandle) => Promise<T>): Promise<T | undefined> {
    const handle = await this.openFile(create);
    if (!handle) return undefined;
    try {
      if (this.size === undefined) this.size = await this.cutTornTail(handle);
      return await fn(handle);
    } finally {
      await handle.close().catch(() => undefined);
    }
  }

  private async openFile(create: boolean): Promise<StoreFileHandle | undefined> {
    try {
      // Not O_APPEND: writes go to explicit offsets, so a failed batch can be cut back exactly.
      return await this.deps.fs.open(this.path, DURABLE_READ_WRITE);
    } catch (error) {
      if (errnoCode(error) !== 'ENOENT') throw error;
      if (!create) return undefined;
    }
    const handle = await this.deps.fs.open(this.path, DURABLE_CREATE_NEW, 0o600);
    try {
      // The new file's name must survive a crash too, or its fsync'd records would vanish with it.
      await fsyncDir(this.auditDir, this.deps.fs);
    } catch (error) {
      await handle.close().catch(() => undefined);
      throw error;
    }
    this.size = 0;
    return handle;
  }

  private async cutTornTail(handle: StoreFileHandle): Promise<number> {
    const { size } = await handle.stat();
    const tail = await readLast(handle, size);
    if (tail.validBytes < size) {
      this.log.warn('audit.torn_tail', { cutBytes: size - tail.validBytes });
      await handle.truncate(tail.validBytes);
      await handle.sync();
    }
    return tail.validBytes;
  }
}

/**
 * How many bytes of a batch's first whole lines the good part of the file (`size` bytes) already ends with.
 * Each record has its own seq and hash, so such an ending can only be that batch's own earlier write.
 */
async function linesAlreadyAtEnd(handle: StoreFileHandle, size: number, bytes: Buffer): Promise<number> {
  for (let end = bytes.lastIndexOf(0x0a) + 1; end > 0; end = bytes.lastIndexOf(0x0a, end - 2) + 1) {
    if (end > size) continue;
    const buf = Buffer.alloc(end);
    const { bytesRead } = await handle.read(buf, 0, end, size - end);
    if (bytesRead === end && buf.equals(bytes.subarray(0, end))) return end;
  }
  return 0;
}

/** Reads the end of a log, a longer piece each time, until its good length and last record are known. */
async function readLast(handle: StoreFileHandle, size: number): Promise<{ validBytes: number; last?: AuditRecord }> {
  for (let chunk = TAIL_CHUNK; ; chunk *= 4) {
    const start = Math.max(0, size - chunk);
    const buf = Buffer.alloc(size - start);
    let read = 0;
    while (read < buf.length) {
      const { bytesRead } = await handle.read(buf, read, buf.length - read, start + read);
      if (bytesRead === 0) break;
      read += bytesRead;
    }
    const tail = scanAuditTail(buf.subarray(0, read), start === 0);
    if (tail !== 'need-more') return { validBytes: start + tail.validBytes, ...(tail.last ? { last: tail.last } : {}) };
  }
}

/**
 * The embedded audit store: one append-only JSON-lines file per plan under `auditDir` (issue #6). The
 * caller creates `auditDir`. `closeAll` waits for everything queued, then refuses further calls.
 */
export function createEmbeddedAuditStore(options: { auditDir: string } & AuditFileDeps): { store: AuditStore; closeAll(): Promise<void> } {
  const files = new Map<string, AuditLogFile>();
  let closed = false;

  const fileOf = (planId: string): AuditLogFile => {
    if (closed) throw new StorageUnavailable('the store is closed');
    if (!SAFE_NAME.test(planId)) throw new Invalid('planId is not a safe storage name');
    let file = files.get(planId);
    if (!file) {
      file = new AuditLogFile(options.auditDir, planId, options);
      files.set(planId, file);
    }
    return file;
  };

  const store: AuditStore = {
    append: async (planId, records) => {
      const file = fileOf(planId);
      if (records.length === 0) return;
      if (records.some((record) => record.planId !== planId)) throw new Invalid('an audit record belongs to another plan');
      await file.append(records);
    },
    list: async (planId) => fileOf(planId).list(),
    lastRecord: async (planId) => fileOf(planId).lastRecord(),
  };

  const closeAll = async (): Promise<void> => {
    closed = true;
    await Promise.allSettled([...files.values()].map((file) => file.settle()));
    files.clear();
  };

  return { store, closeAll };
}
