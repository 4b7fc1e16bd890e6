import { crc32 } from 'node:zlib';

/**
 * The byte format of one doc's append-only update log (DESIGN.md §6: "per-doc append-only checksummed update
 * logs"). Pure: no file access here.
 *
 * A file is `LOG_HEADER` (8 bytes, magic + format version) followed by records, each
 * `[u32 BE payload length][u32 BE crc32 of payload][payload]`. The header makes a foreign or zero-filled file
 * read as corrupt instead of as an empty doc.
 */
export const LOG_HEADER: Readonly<Buffer> = Buffer.from('GZPLOG01', 'ascii');

/** Bytes before a record's payload. */
export const RECORD_HEADER_BYTES = 8;

/**
 * Largest payload a record may hold. A length above it is read as corruption, not as a torn tail: a flipped
 * high bit in the length of a middle record would otherwise look like a record running past the end of the
 * file and silently cut every acknowledged record after it.
 */
export const MAX_RECORD_BYTES = 64 * 1024 * 1024;

/** What reading a log file found. */
export interface DecodedLog {
  /** Payloads of the good records, in order (views into the input buffer). */
  records: Uint8Array[];
  /** Length of the good prefix (header + good records); the file is cut to this on a torn tail. */
  validBytes: number;
  /** The last record was cut off or garbled by a crash; it was never acknowledged and is dropped. */
  tornTail: boolean;
  /** Byte offset of a bad record that is followed by more data (or of a bad header): corruption. */
  corruptAt?: number;
}

/** Encodes one record. Throws a RangeError for an empty or oversized payload (neither can be read back). */
export function encodeRecord(payload: Uint8Array): Buffer {
  // An empty payload is refused because its crc32 is 0: a zero-filled tail would read as valid records.
  if (payload.length === 0) throw new RangeError('a log record cannot be empty');
  if (payload.length > MAX_RECORD_BYTES) throw new RangeError(`a log record holds at most ${MAX_RECORD_BYTES} bytes`);
  const record = Buffer.allocUnsafe(RECORD_HEADER_BYTES + payload.length);
  record.writeUInt32BE(payload.length, 0);
  record.writeUInt32BE(crc32(payload), 4);
  record.set(payload, RECORD_HEADER_BYTES);
  return record;
}

/** Encodes a whole log file: the header followed by one record per payload. */
export function encodeLogFile(payloads: readonly Uint8Array[]): Buffer {
  return Buffer.concat([LOG_HEADER, ...payloads.map(encodeRecord)]);
}

/**
 * Decodes a whole log file.
 *
 * - A last record whose header or payload runs past the end is a torn tail.
 * - A last record complete in length but failing its checksum is a torn tail too: a crash can leave a length
 *   written and garbage after it, and it was never acknowledged since acknowledgement follows fsync.
 * - A bad record followed only by zero bytes is a torn tail (a crash after the file grew but before its
 *   blocks were written leaves zeros).
 * - A bad record followed by other data is corruption (`corruptAt`), as is a bad header.
 * - A bad record that would be a torn tail by the rules above, but with a whole valid record somewhere after
 *   it, is corruption too: bytes cut out of a middle record make it look as if it ran past the end, and
 *   cutting there would silently drop the acknowledged records after it (issue #9). A crash only ever
 *   leaves a bad end, never good records behind a bad one.
 * - An empty buffer is a file that never got its header: no records, nothing torn.
 */
export function decodeRecords(buf: Uint8Array): DecodedLog {
  const bytes = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  const header = checkHeader(bytes);
  if (header !== 'ok') return header;
  const records: Uint8Array[] = [];
  let offset = LOG_HEADER.length;
  while (offset < bytes.length) {
    const step = readRecord(bytes, offset);
    if (step.kind === 'torn' && hasRecordAfter(bytes, offset + 1)) return { records, validBytes: offset, tornTail: false, corruptAt: offset };
    if (step.kind === 'torn') return { records, validBytes: offset, tornTail: true };
    if (step.kind === 'corrupt') return { records, validBytes: offset, tornTail: false, corruptAt: offset };
    records.push(step.payload);
    offset = step.next;
  }
  return { records, validBytes: offset, tornTail: false };
}

function checkHeader(bytes: Buffer): DecodedLog | 'ok' {
  if (bytes.length === 0) return { records: [], validBytes: 0, tornTail: false };
  if (bytes.length < LOG_HEADER.length) {
    // A header cut short by a crash is a prefix of the magic; anything else is a foreign file.
    const isPrefix = LOG_HEADER.subarray(0, bytes.length).equals(bytes);
    return isPrefix ? { records: [], validBytes: 0, tornTail: true } : corruptHeader();
  }
  return LOG_HEADER.equals(bytes.subarray(0, LOG_HEADER.length)) ? 'ok' : corruptHeader();
}

function corruptHeader(): DecodedLog {
  return { records: [], validBytes: 0, tornTail: false, corruptAt: 0 };
}

type RecordStep = { kind: 'ok'; payload: Uint8Array; next: number } | { kind: 'torn' } | { kind: 'corrupt' };

function readRecord(bytes: Buffer, offset: number): RecordStep {
  if (offset + RECORD_HEADER_BYTES > bytes.length) return { kind: 'torn' };
  const length = bytes.readUInt32BE(offset);
  if (length > MAX_RECORD_BYTES) return { kind: 'corrupt' };
  const start = offset + RECORD_HEADER_BYTES;
  const next = start + length;
  if (next > bytes.length) return { kind: 'torn' };
  const payload = bytes.subarray(start, next);
  if (length > 0 && crc32(payload) === bytes.readUInt32BE(offset + 4)) return { kind: 'ok', payload, next };
  const isLast = next === bytes.length;
  return isLast || isZeroFrom(bytes, offset) ? { kind: 'torn' } : { kind: 'corrupt' };
}

/**
 * Whether a whole record with a matching checksum starts anywhere at or after `from`. Only asked on the rare
 * path of a bad record near the end; a length that cannot fit is skipped without hashing.
 */
function hasRecordAfter(bytes: Buffer, from: number): boolean {
  for (let at = from; at + RECORD_HEADER_BYTES < bytes.length; at++) {
    const length = bytes.readUInt32BE(at);
    const end = at + RECORD_HEADER_BYTES + length;
    if (length === 0 || end > bytes.length) continue;
    if (crc32(bytes.subarray(at + RECORD_HEADER_BYTES, end)) === bytes.readUInt32BE(at + 4)) return true;
  }
  return false;
}

function isZeroFrom(bytes: Buffer, offset: number): boolean {
  for (let i = offset; i < bytes.length; i++) if (bytes[i] !== 0) return false;
  return true;
}
