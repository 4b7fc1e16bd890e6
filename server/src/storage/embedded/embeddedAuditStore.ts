import { open, readFile, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { AuditRecord } from '../../audit/auditTypes';
import { isAuditRecord } from '../../audit/auditRecordShape';
import { AppError, Invalid, StorageUnavailable } from '../../errors';
import type { Logger } from '../../log';
import type { AuditStore } from '../Store';
import { encodeAuditLines, parseAuditLog, scanAuditTail } from './auditLogFormat';
import { errnoCode, fsyncDir } from './durableFs';
import { GroupCommitQueue, type PendingAppend } from './groupCommitQueue';

/** Only these plan ids become file names: a planId can never climb out of the audit dir. */
const SAFE_NAME = /^[A-Za-z0-9_-]{1,128}$/;
/** Bytes read from the end of a log at a time when looking for its last record. */
const TAIL_CHUNK = 64 * 1024;

type AppendOp = PendingAppend & { bytes: Buffer; count: number };

/**
 * One plan's audit log file, `<auditDir>/<planId>.jsonl` (issue #6). Calls are queued and applied in call
 * order. Appends that queue up while a write + fdatasync is in flight are group-committed, like the doc logs
 * (`docLog.ts`). The file is opened for each batch and closed when the queue is empty, so a server with many
 * plans holds no file handle per plan. The length of its good part is kept, so an append never re-reads it.
 */
class AuditLogFile {
  private readonly queue = new GroupCommitQueue<AppendOp>((batch) => this.writeBatch(batch), toStoreError);
  /** Length of the good, fsync'd part; undefined until the file was checked (and a torn tail cut). */
  private size: number | undefined;
  private readonly path: string;
  private readonly log: Logger;

  constructor(
    private readonly auditDir: string,
    private readonly planId: string,
    log: Logger,
  ) {
    this.path = join(auditDir, `${planId}.jsonl`);
    this.log = log.child('storage.audit', { planId });
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
      const { values } = parseAuditLog(await readFile(this.path));
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
      await this.withHandle(true, async (handle) => {
        const at = this.size ?? 0;
        try {
          await writeFully(handle, bytes, at);
          // Resolve only once durable (issue #6: append-only, nothing acknowledged that a crash can lose).
          await handle.datasync();
          this.size = at + bytes.length;
        } catch (error) {
          await this.undoPartialWrite(handle, at);
          throw error;
        }
      });
      for (const op of batch) op.resolve();
    } catch (error) {
      this.log.error('audit.write_failed', { code: errnoCode(error), records: batch.reduce((n, op) => n + op.count, 0) });
      const failure = new StorageUnavailable('the audit record could not be stored durably');
      for (const op of batch) op.reject(failure);
    }
  }

  /**
   * Cuts a failed batch back off. If that fails too, the next open finds the leftover: as a torn tail, or as
   * whole lines that then hold the plan's newest records (the chain reads its head from the file again).
   */
  private async undoPartialWrite(handle: FileHandle, size: number): Promise<void> {
    this.size = undefined;
    try {
      await handle.truncate(size);
      await handle.sync();
      this.size = size;
    } catch (error) {
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
  private async withHandle<T>(create: boolean, fn: (handle: FileHandle) => Promise<T>): Promise<T | undefined> {
    const handle = await this.openFile(create);
    if (!handle) return undefined;
    try {
      if (this.size === undefined) this.size = await this.cutTornTail(handle);
      return await fn(handle);
    } finally {
      await handle.close().catch(() => undefined);
    }
  }

  private async openFile(create: boolean): Promise<FileHandle | undefined> {
    try {
      // 'r+' rather than 'a': writes go to explicit offsets, so a failed batch can be cut back exactly.
      return await open(this.path, 'r+');
    } catch (error) {
      if (errnoCode(error) !== 'ENOENT') throw error;
      if (!create) return undefined;
    }
    const handle = await open(this.path, 'wx+', 0o600);
    try {
      // The new file's name must survive a crash too, or its fsync'd records would vanish with it.
      await fsyncDir(this.auditDir);
    } catch (error) {
      await handle.close().catch(() => undefined);
      throw error;
    }
    this.size = 0;
    return handle;
  }

  private async cutTornTail(handle: FileHandle): Promise<number> {
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

/** Reads the end of a log, a longer piece each time, until its good length and last record are known. */
async function readLast(handle: FileHandle, size: number): Promise<{ validBytes: number; last?: AuditRecord }> {
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

async function writeFully(handle: FileHandle, bytes: Buffer, position: number): Promise<void> {
  let written = 0;
  while (written < bytes.length) {
    const { bytesWritten } = await handle.write(bytes, written, bytes.length - written, position + written);
    written += bytesWritten;
  }
}

/** Typed errors pass through; a file-system error becomes `StorageUnavailable` (STYLE.md, Errors). */
function toStoreError(error: unknown): Error {
  if (error instanceof AppError) return error;
  const code = errnoCode(error);
  return new StorageUnavailable(`audit storage failed${code ? ` (${code})` : ''}`);
}

/**
 * The embedded audit store: one append-only JSON-lines file per plan under `auditDir` (issue #6). The
 * caller creates `auditDir`. `closeAll` waits for everything queued, then refuses further calls.
 */
export function createEmbeddedAuditStore(options: { auditDir: string; log: Logger }): { store: AuditStore; closeAll(): Promise<void> } {
  const files = new Map<string, AuditLogFile>();
  let closed = false;

  const fileOf = (planId: string): AuditLogFile => {
    if (closed) throw new StorageUnavailable('the store is closed');
    if (!SAFE_NAME.test(planId)) throw new Invalid('planId is not a safe storage name');
    let file = files.get(planId);
    if (!file) {
      file = new AuditLogFile(options.auditDir, planId, options.log);
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
