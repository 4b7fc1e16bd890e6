import { join } from 'node:path';
import { AppError, Invalid, Oversized, StorageCorrupt } from '../../errors';
import type { Logger } from '../../log';
import type { DocLoad, StorageWatcher } from '../Store';
import { decodeIndexFile, encodeIndexFile } from './compactionIndexFile';
import { DocLogFiles, judgeGenerations } from './docLogFiles';
import { ensureDirDurably, errnoCode, replaceFileDurably, toStorageError, writeFully } from './durableFs';
import { DURABLE_READ_WRITE, type FileOps, type StoreFileHandle } from './fileOps';
import { GroupCommitQueue, type PendingAppend } from './groupCommitQueue';
import { quarantineDocFiles, type QuarantineCause } from './quarantine';
import { decodeRecords, encodeLogFile, encodeRecord, LOG_HEADER, MAX_RECORD_BYTES, type DecodedLog } from './updateLogRecord';
import { isTransientWriteError, type WriteRetry, type WriteTarget } from './writeRetry';

/** Where one doc's log lives: `<plansDir>/<planId>/<docName>.<generation>.log`. Names are validated by the caller. */
export interface DocLogOptions {
  plansDir: string;
  /** `DATA_DIR/quarantine`, where a damaged doc's files are moved. */
  quarantineDir: string;
  planId: string;
  docName: string;
  log: Logger;
  fs: FileOps;
  retry: WriteRetry;
  watcher: StorageWatcher;
}

/** The open current generation of a log. */
interface OpenLog {
  handle: StoreFileHandle;
  generation: number;
  /** Length of the good, durable prefix: appends go here. */
  size: number;
  /** Length of the file; more than `size` while a torn tail waits to be cut. */
  fileSize: number;
}

/** The newest generation, read whole and checked. */
interface VerifiedLog {
  generation: number;
  decoded: DecodedLog;
  fileBytes: number;
}

type AppendOp = PendingAppend & { record: Buffer };

/**
 * One doc's append-only update log on disk (DESIGN.md §6). Every call is queued and applied in call order.
 * The file is opened with O_DSYNC (`DURABLE_READ_WRITE`), so a write returns only once it is on disk: one trip
 * to the thread pool per batch instead of a write and an fdatasync. Appends that queue up while a write is in
 * flight are group-committed: one durable write for the batch, and each append resolves only after the write
 * that covers it has returned. The file handle stays open and appends go to the end, so an append costs the
 * same however much is stored.
 *
 * Faults (issue #9): a write the disk refuses is cut back off and tried again by `WriteRetry` until it is
 * stored; a damaged or missing log is quarantined (`quarantine.ts`) and the doc refused with
 * `StorageCorrupt` from then on, never loaded or written as an empty doc.
 */
export class DocLog {
  private readonly queue = new GroupCommitQueue<AppendOp>((batch) => this.writeBatch(batch), (error) => toStorageError(error, 'storage'));
  private current: OpenLog | null = null;
  /** A torn tail found while opening for an append; the next load reports it. */
  private tornTailUnreported = false;
  /** Found damaged: refused for the rest of this process's life (the marker keeps it refused after a restart). */
  private quarantined = false;
  private readonly log: Logger;
  private readonly files: DocLogFiles;
  private readonly target: WriteTarget;

  constructor(private readonly options: DocLogOptions) {
    this.log = options.log.child('storage.doclog', { planId: options.planId, docName: options.docName });
    this.files = new DocLogFiles(join(options.plansDir, options.planId), options.docName, options.fs);
    this.target = { key: `doc:${options.planId}/${options.docName}`, planId: options.planId };
  }

  /** Reads every good record; cuts a torn tail. Throws `StorageCorrupt` for a damaged doc (then quarantined). */
  load(): Promise<DocLoad> {
    return this.queue.task(() => this.loadNow());
  }

  /** Startup recovery: checks every record, cuts a torn tail, quarantines a damaged doc. */
  verify(): Promise<{ records: number; tornTail: boolean; quarantined: boolean }> {
    return this.queue.task(async () => {
      try {
        const { records, tornTail } = await this.loadNow();
        return { records, tornTail, quarantined: false };
      } catch (error) {
        if (error instanceof StorageCorrupt) return { records: 0, tornTail: false, quarantined: true };
        throw error;
      }
    });
  }

  /**
   * Appends one update; resolves once it is on disk. While the disk refuses the write it stays pending and is
   * tried again. Rejects with `StorageUnavailable` when the store stops meanwhile, `StorageCorrupt` for a
   * damaged doc.
   */
  append(update: Uint8Array): Promise<void> {
    const refused = checkPayload(update);
    if (refused) return Promise.reject(refused);
    return new Promise((resolve, reject) => {
      this.queue.append({ record: encodeRecord(update), resolve, reject });
    });
  }

  /**
   * Replaces the history with one record holding `state`, in a new generation file, and keeps `index` beside
   * it (`<docName>.<generation>.index`) for loads while that record is the only one.
   */
  compact(state: Uint8Array, index?: Uint8Array): Promise<void> {
    const refused = checkPayload(state);
    if (refused) return Promise.reject(refused);
    return this.queue.task(() => this.compactNow(state, index));
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
    const bytes = batch.length === 1 ? (batch[0] as AppendOp).record : Buffer.concat(batch.map((op) => op.record));
    try {
      await this.options.retry.run(this.target, () => this.writeOnce(bytes));
      for (const op of batch) op.resolve();
    } catch (error) {
      const failure = toStorageError(error, 'storage');
      for (const op of batch) op.reject(failure);
    }
  }

  /** One attempt: on failure nothing of it stays in the file. */
  private async writeOnce(bytes: Buffer): Promise<void> {
    const target = this.current ?? (await this.openForAppend());
    try {
      if (target.fileSize > target.size) await this.cutTail(target);
      // DESIGN.md §6: an update is acknowledged only after it is durable. The handle is O_DSYNC, so each write
      // returns only once its bytes and the new file size are on disk, as a write plus fdatasync would.
      await writeFully(target.handle, bytes, target.size);
      target.size += bytes.length;
      target.fileSize = target.size;
    } catch (error) {
      this.log.debug('doclog.write_failed', { code: errnoCode(error), bytes: bytes.length });
      await this.undoPartialWrite(target);
      throw error;
    }
  }

  /**
   * Cuts a failed batch back off, so no half-written record stays for a later load to misread, then drops
   * the handle: after a failed durable write the page cache cannot be trusted, so the next attempt re-reads the file
   * and writes the batch again. If the cut fails too, the next attempt finds the leftover: a torn tail it
   * cuts before writing, or whole records it then stores twice (a Yjs update applies once however often).
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

  private async cutTail(target: OpenLog): Promise<void> {
    this.log.warn('doclog.torn_tail', { generation: target.generation, cutBytes: target.fileSize - target.size });
    await target.handle.truncate(target.size);
    await target.handle.sync();
    target.fileSize = target.size;
  }

  private async loadNow(): Promise<DocLoad> {
    const verified = await this.readVerified();
    const reported = this.tornTailUnreported;
    this.tornTailUnreported = false;
    if (!verified) return { updates: [], records: 0, bytes: 0, tornTail: reported };
    const { decoded } = verified;
    if (decoded.tornTail) await this.cutTornTailSoon(verified);
    const index = decoded.records.length === 1 ? await this.readIndex(verified.generation, decoded.records[0] as Uint8Array) : undefined;
    const load: DocLoad = { updates: decoded.records, records: decoded.records.length, bytes: decoded.validBytes, tornTail: decoded.tornTail || reported };
    if (index) load.index = index;
    return load;
  }

  /**
   * The index kept beside the generation whose one record is `state`, when it was written for exactly that
   * state. Anything else is skipped, never an error: the caller reads the index from the state instead. A
   * missing file is normal (a generation made by appends, a store from before index files, a crash before the
   * file was written); a present one that does not fit is worth a warning.
   */
  private async readIndex(generation: number, state: Uint8Array): Promise<Uint8Array | undefined> {
    let file: Buffer;
    try {
      file = await this.options.fs.readFile(this.files.indexPath(generation));
    } catch (error) {
      const code = errnoCode(error);
      if (code === 'ENOENT') this.log.debug('doclog.index_missing', { generation });
      else this.log.warn('doclog.index_unreadable', { generation, code });
      return undefined;
    }
    const decoded = decodeIndexFile(file, state);
    if ('payload' in decoded) return decoded.payload;
    this.log.warn('doclog.index_ignored', { generation, problem: decoded.problem, bytes: file.length });
    return undefined;
  }

  /**
   * Cuts a torn tail a load found. Reads must keep working on a full or read-only disk, so when the cut is
   * refused for now the load still answers; the next append cuts it first (`writeOnce`).
   */
  private async cutTornTailSoon(verified: VerifiedLog): Promise<void> {
    try {
      await this.cutTail(this.current ?? (await this.openGeneration(verified.generation, verified.decoded.validBytes, verified.fileBytes)));
    } catch (error) {
      if (!isTransientWriteError(error)) throw error;
      this.log.warn('doclog.torn_tail_cut_deferred', { code: errnoCode(error) });
      await this.closeHandle();
    }
  }

  private async openForAppend(): Promise<OpenLog> {
    const verified = await this.readVerified();
    if (verified) {
      if (verified.decoded.tornTail) this.tornTailUnreported = true;
      return this.openGeneration(verified.generation, verified.decoded.validBytes, verified.fileBytes);
    }
    await ensureDirDurably(this.files.planDir, this.options.fs);
    await this.writeGeneration(0, []);
    await this.files.writePointer(0);
    return this.openGeneration(0, LOG_HEADER.length, LOG_HEADER.length);
  }

  /**
   * Reads the newest generation whole and checks every record. A damaged one is quarantined (throws
   * `StorageCorrupt`). Undefined when the doc has no log yet.
   */
  private async readVerified(): Promise<VerifiedLog | undefined> {
    const generation = this.current?.generation ?? (await this.findGeneration());
    if (generation === undefined) return undefined;
    const buf = await this.options.fs.readFile(this.files.logPath(generation));
    const decoded = decodeRecords(buf);
    // A generation is only ever made whole (temp file, fsync, rename), so one shorter than its header was
    // emptied or overwritten after the fact: damage, not a crash.
    const badHeader = decoded.validBytes < LOG_HEADER.length;
    if (decoded.corruptAt !== undefined || badHeader) {
      this.log.error('doclog.corrupt', { generation, offset: decoded.corruptAt ?? 0, bytes: buf.length });
      return this.quarantine([this.files.logName(generation)], badHeader || decoded.corruptAt === 0 ? 'header' : 'checksum');
    }
    if (this.current) this.current.fileSize = buf.length;
    return { generation, decoded, fileBytes: buf.length };
  }

  /**
   * The newest generation on disk, checked against the pointer (`judgeGenerations`); removes what a crash
   * mid-compaction left. Undefined when the doc has no log yet.
   */
  private async findGeneration(): Promise<number | undefined> {
    if (this.quarantined) throw this.refusal();
    const listing = await this.files.list();
    if (listing.quarantined) {
      this.quarantined = true;
      this.options.watcher.quarantined(this.options.planId, this.options.docName);
      throw this.refusal();
    }
    const verdict = judgeGenerations(listing, this.files);
    if (verdict.kind === 'quarantine') return this.quarantine(verdict.files, verdict.cause);
    await this.removeFiles(verdict.stale);
    if (verdict.kind === 'new') return undefined;
    if (verdict.writePointer) {
      // Best effort: a read must work on a full disk; the next open writes it again.
      await this.files.writePointer(verdict.generation).catch((error: unknown) => this.log.warn('doclog.pointer_write_failed', { code: errnoCode(error) }));
    }
    return verdict.generation;
  }

  /** Moves the doc's files aside, leaves the marker, reports it, and refuses the doc (issue #9). */
  private async quarantine(files: readonly string[], cause: QuarantineCause): Promise<never> {
    this.quarantined = true;
    await this.closeHandle();
    try {
      const movedTo = await quarantineDocFiles({
        quarantineDir: this.options.quarantineDir,
        planId: this.options.planId,
        planDir: this.files.planDir,
        markerPath: this.files.markerPath,
        files,
        cause,
        now: new Date(),
        fs: this.options.fs,
      });
      this.log.error('doclog.quarantined', { cause, movedTo });
    } catch (error) {
      // Still refused: the damaged file stays where it is and is found again on the next start.
      this.log.error('doclog.quarantine_failed', { cause, code: errnoCode(error) });
    }
    this.options.watcher.quarantined(this.options.planId, this.options.docName);
    throw this.refusal();
  }

  private refusal(): StorageCorrupt {
    return new StorageCorrupt('the stored data of this doc is damaged or missing; it is quarantined', this.options.planId);
  }

  private async compactNow(state: Uint8Array, index: Uint8Array | undefined): Promise<void> {
    const previous = this.current?.generation ?? (await this.findGeneration()) ?? -1;
    const next = previous + 1;
    try {
      await ensureDirDurably(this.files.planDir, this.options.fs);
      // New generation complete and fsync'd under a temp name, renamed, directory fsync'd (DESIGN.md §6:
      // "compacted atomically"): a crash leaves the old generation or the new one, both whole. The pointer
      // follows, and only then are older generations removed.
      const bytes = await this.writeGeneration(next, [state]);
      await this.files.writePointer(next);
      if (index) await this.writeIndex(next, state, index);
      await this.closeHandle();
      await this.removeGenerationsBelow(next);
      await this.openGeneration(next, bytes, bytes);
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
    const path = this.files.logPath(generation);
    const bytes = encodeLogFile(payloads);
    await replaceFileDurably(path, `${path}.tmp`, bytes, this.options.fs);
    return bytes.length;
  }

  /**
   * Keeps the caller's index beside the new generation. The compaction is done whatever happens here: a
   * failure leaves no file (or a temp the next cleanup removes), and loads read the index from the state.
   */
  private async writeIndex(generation: number, state: Uint8Array, index: Uint8Array): Promise<void> {
    const path = this.files.indexPath(generation);
    try {
      await replaceFileDurably(path, `${path}.tmp`, encodeIndexFile(state, index), this.options.fs);
    } catch (error) {
      this.log.warn('doclog.index_write_failed', { generation, code: errnoCode(error) });
    }
  }

  private async openGeneration(generation: number, size: number, fileSize: number): Promise<OpenLog> {
    // Not O_APPEND: writes go to explicit offsets, so a failed batch can be cut back exactly. O_DSYNC: each
    // write is durable when it returns (`writeOnce`).
    const handle = await this.options.fs.open(this.files.logPath(generation), DURABLE_READ_WRITE);
    this.current = { handle, generation, size, fileSize };
    return this.current;
  }

  private async closeHandle(): Promise<void> {
    const closing = this.current;
    this.current = null;
    await closing?.handle.close().catch(() => undefined);
  }

  private async removeGenerationsBelow(generation: number): Promise<void> {
    const { generations, indexes, temps } = await this.files.list();
    const below = (list: readonly number[]) => list.filter((g) => g < generation);
    await this.removeFiles([...temps, ...below(generations).map((g) => this.files.logName(g)), ...below(indexes).map((g) => this.files.indexName(g))]);
  }

  /**
   * Removing superseded files needs no directory fsync: if a removal is lost in a crash, the next open
   * removes the file again and still picks the newest generation.
   */
  private async removeFiles(names: readonly string[]): Promise<void> {
    if (names.length === 0) return;
    for (const name of names) await this.options.fs.unlink(join(this.files.planDir, name)).catch(() => undefined);
    this.log.info('doclog.cleanup', { removed: names.length });
  }
}

/** Why a payload cannot become a record (`encodeRecord` would throw), as a typed error. */
function checkPayload(payload: Uint8Array): AppError | undefined {
  if (payload.length === 0) return new Invalid('an update cannot be empty');
  if (payload.length > MAX_RECORD_BYTES) return new Oversized(`an update holds at most ${MAX_RECORD_BYTES} bytes`);
  return undefined;
}
