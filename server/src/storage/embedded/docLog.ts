import { open, readdir, readFile, unlink, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError, Invalid, Oversized, StorageCorrupt, StorageUnavailable } from '../../errors';
import type { Logger } from '../../log';
import type { DocLoad } from '../Store';
import { ensureDirDurably, errnoCode, replaceFileDurably } from './durableFs';
import { GroupCommitQueue, type PendingAppend } from './groupCommitQueue';
import { decodeRecords, encodeLogFile, encodeRecord, LOG_HEADER, MAX_RECORD_BYTES, type DecodedLog } from './updateLogRecord';

/** Where one doc's log lives: `<plansDir>/<planId>/<docName>.<generation>.log`. Names are validated by the caller. */
export interface DocLogOptions {
  plansDir: string;
  planId: string;
  docName: string;
  log: Logger;
}

/** The open current generation of a log. `size` is the length of its good, fsync'd prefix. */
interface OpenLog {
  handle: FileHandle;
  generation: number;
  size: number;
}

type AppendOp = PendingAppend & { record: Buffer };

const LOG_FILE = /^([A-Za-z0-9_-]+)\.(\d+)\.log(\.tmp)?$/;

/**
 * One doc's append-only update log on disk (DESIGN.md §6). Every call is queued and applied in call order.
 * Appends that queue up while a write + fdatasync is in flight are group-committed: one write and one
 * fdatasync for the batch, and each append resolves only after the fdatasync that covers it. The file handle
 * stays open and appends go to the end, so an append costs the same however much is stored.
 */
export class DocLog {
  private readonly queue = new GroupCommitQueue<AppendOp>((batch) => this.writeBatch(batch), toStoreError);
  private current: OpenLog | null = null;
  /** A torn tail cut while opening for an append; the next load reports it. */
  private tornTailUnreported = false;
  private readonly log: Logger;
  private readonly planDir: string;

  constructor(private readonly options: DocLogOptions) {
    this.log = options.log.child('storage.doclog', { planId: options.planId, docName: options.docName });
    this.planDir = join(options.plansDir, options.planId);
  }

  /** Reads every good record; cuts a torn tail first. Throws `StorageCorrupt` on a bad record mid-log. */
  load(): Promise<DocLoad> {
    return this.queue.task(() => this.loadNow());
  }

  /** Appends one update; resolves once it is fsync'd. Rejects with `StorageUnavailable` when it cannot be. */
  append(update: Uint8Array): Promise<void> {
    const refused = checkPayload(update);
    if (refused) return Promise.reject(refused);
    return new Promise((resolve, reject) => {
      this.queue.append({ record: encodeRecord(update), resolve, reject });
    });
  }

  /** Replaces the history with one record holding `state`, in a new generation file. */
  compact(state: Uint8Array): Promise<void> {
    const refused = checkPayload(state);
    if (refused) return Promise.reject(refused);
    return this.queue.task(() => this.compactNow(state));
  }

  /** Closes the file handle after everything queued before it; a later call opens it again. */
  close(): Promise<void> {
    return this.queue.task(() => this.closeHandle());
  }

  /** Nothing queued and no file open: the owner may forget this log. */
  isIdle(): boolean {
    return this.queue.isEmpty && this.current === null;
  }

  private async writeBatch(batch: AppendOp[]): Promise<void> {
    let target: OpenLog;
    try {
      target = this.current ?? (await this.openForAppend());
    } catch (error) {
      for (const op of batch) op.reject(toStoreError(error));
      return;
    }
    const bytes = batch.length === 1 ? (batch[0] as AppendOp).record : Buffer.concat(batch.map((op) => op.record));
    try {
      await writeFully(target.handle, bytes, target.size);
      // DESIGN.md §6: an update is acknowledged only after it is durable, so resolve only after fdatasync.
      await target.handle.datasync();
      target.size += bytes.length;
      for (const op of batch) op.resolve();
    } catch (error) {
      this.log.error('doclog.write_failed', { code: errnoCode(error), records: batch.length, bytes: bytes.length });
      await this.undoPartialWrite(target);
      const failure = new StorageUnavailable('the update could not be stored durably');
      for (const op of batch) op.reject(failure);
    }
  }

  /**
   * Cuts a failed batch back off, so no half-written record stays for a later load to misread, then drops
   * the handle: after a failed fsync the page cache cannot be trusted, so the next call re-reads the file.
   * If the cut fails too, the torn-tail rule of `decodeRecords` covers the leftover on the next open.
   */
  private async undoPartialWrite(target: OpenLog): Promise<void> {
    try {
      await target.handle.truncate(target.size);
      await target.handle.sync();
    } catch (error) {
      this.log.error('doclog.truncate_failed', { code: errnoCode(error) });
    }
    await this.closeHandle();
  }

  private async loadNow(): Promise<DocLoad> {
    const opened = await this.openVerified();
    const reported = this.tornTailUnreported;
    this.tornTailUnreported = false;
    if (!opened) return { updates: [], records: 0, bytes: 0, tornTail: reported };
    const { decoded } = opened;
    return { updates: decoded.records, records: decoded.records.length, bytes: decoded.validBytes, tornTail: decoded.tornTail || reported };
  }

  private async openForAppend(): Promise<OpenLog> {
    const opened = await this.openVerified();
    if (opened) {
      if (opened.decoded.tornTail) this.tornTailUnreported = true;
      return opened.log;
    }
    await ensureDirDurably(this.planDir);
    await this.writeGeneration(0, []);
    return this.openGeneration(0, LOG_HEADER.length);
  }

  /**
   * Opens the newest generation and reads it whole: a corrupt log throws (never an empty doc, STYLE.md
   * Errors); a torn tail is cut and fsync'd before anything is appended after it. Undefined when the doc has
   * no log yet.
   */
  private async openVerified(): Promise<{ log: OpenLog; decoded: DecodedLog } | undefined> {
    const generation = this.current?.generation ?? (await this.findGeneration());
    if (generation === undefined) return undefined;
    const buf = await readFile(this.pathOf(generation));
    const decoded = decodeRecords(buf);
    if (decoded.corruptAt !== undefined) {
      this.log.error('doclog.corrupt', { generation, offset: decoded.corruptAt, bytes: buf.length });
      throw new StorageCorrupt(`the update log of a doc fails its checksum at byte ${decoded.corruptAt}`, this.options.planId);
    }
    if (decoded.validBytes < LOG_HEADER.length) {
      // The header itself never landed: start the generation afresh (nothing in it was acknowledged).
      await this.closeHandle();
      await this.writeGeneration(generation, []);
      return { log: await this.openGeneration(generation, LOG_HEADER.length), decoded: { ...decoded, validBytes: LOG_HEADER.length } };
    }
    const log = this.current ?? (await this.openGeneration(generation, decoded.validBytes));
    if (decoded.validBytes < buf.length) await this.cutTornTail(log, decoded.validBytes, buf.length);
    log.size = decoded.validBytes;
    return { log, decoded };
  }

  private async cutTornTail(log: OpenLog, validBytes: number, fileBytes: number): Promise<void> {
    this.log.warn('doclog.torn_tail', { generation: log.generation, cutBytes: fileBytes - validBytes });
    await log.handle.truncate(validBytes);
    await log.handle.sync();
  }

  private async compactNow(state: Uint8Array): Promise<void> {
    const previous = this.current?.generation ?? (await this.findGeneration()) ?? -1;
    const next = previous + 1;
    try {
      await ensureDirDurably(this.planDir);
      // New generation complete and fsync'd under a temp name, renamed, directory fsync'd (DESIGN.md §6:
      // "compacted atomically"): a crash leaves the old generation or the new one, both whole.
      const bytes = await this.writeGeneration(next, [state]);
      await this.closeHandle();
      await this.removeGenerationsBelow(next);
      await this.openGeneration(next, bytes);
      this.log.debug('doclog.compacted', { generation: next, bytes });
    } catch (error) {
      // Whatever happened, let the next call find the newest generation on disk again, so appends never go
      // to a generation that a restart would ignore.
      await this.closeHandle();
      throw error;
    }
  }

  /** Writes a whole generation file atomically; returns its length. */
  private async writeGeneration(generation: number, payloads: readonly Uint8Array[]): Promise<number> {
    const path = this.pathOf(generation);
    const bytes = encodeLogFile(payloads);
    await replaceFileDurably(path, `${path}.tmp`, bytes);
    return bytes.length;
  }

  private async openGeneration(generation: number, size: number): Promise<OpenLog> {
    // 'r+' rather than 'a': writes go to explicit offsets, so a failed batch can be cut back exactly.
    const handle = await open(this.pathOf(generation), 'r+');
    this.current = { handle, generation, size };
    return this.current;
  }

  private async closeHandle(): Promise<void> {
    const closing = this.current;
    this.current = null;
    await closing?.handle.close().catch(() => undefined);
  }

  /** The newest generation on disk; removes temp files and older generations a crash mid-compaction left. */
  private async findGeneration(): Promise<number | undefined> {
    const { generations, temps } = await this.listFiles();
    const newest = generations.length > 0 ? Math.max(...generations) : undefined;
    const stale = [...temps, ...generations.filter((g) => g !== newest).map((g) => this.fileName(g))];
    await this.removeFiles(stale);
    return newest;
  }

  private async removeGenerationsBelow(generation: number): Promise<void> {
    const { generations, temps } = await this.listFiles();
    await this.removeFiles([...temps, ...generations.filter((g) => g < generation).map((g) => this.fileName(g))]);
  }

  private async listFiles(): Promise<{ generations: number[]; temps: string[] }> {
    const names = await readdir(this.planDir).catch((error: unknown) => {
      if (errnoCode(error) === 'ENOENT') return [] as string[];
      throw error;
    });
    const generations: number[] = [];
    const temps: string[] = [];
    for (const name of names) {
      const match = LOG_FILE.exec(name);
      if (!match || match[1] !== this.options.docName) continue;
      if (match[3]) temps.push(name);
      else generations.push(Number(match[2]));
    }
    return { generations, temps };
  }

  /**
   * Removing superseded files needs no directory fsync: if a removal is lost in a crash, the next open
   * removes the file again and still picks the newest generation.
   */
  private async removeFiles(names: readonly string[]): Promise<void> {
    if (names.length === 0) return;
    for (const name of names) await unlink(join(this.planDir, name)).catch(() => undefined);
    this.log.info('doclog.cleanup', { removed: names.length });
  }

  private fileName(generation: number): string {
    return `${this.options.docName}.${generation}.log`;
  }

  private pathOf(generation: number): string {
    return join(this.planDir, this.fileName(generation));
  }
}

/** Why a payload cannot become a record (`encodeRecord` would throw), as a typed error. */
function checkPayload(payload: Uint8Array): AppError | undefined {
  if (payload.length === 0) return new Invalid('an update cannot be empty');
  if (payload.length > MAX_RECORD_BYTES) return new Oversized(`an update holds at most ${MAX_RECORD_BYTES} bytes`);
  return undefined;
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
  return new StorageUnavailable(`storage failed${code ? ` (${code})` : ''}`);
}
