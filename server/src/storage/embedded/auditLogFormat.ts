import { canonicalJson } from '../../audit/auditHash';
import { isAuditRecord } from '../../audit/auditRecordShape';
import type { AuditRecord } from '../../audit/auditTypes';
import { UNPARSEABLE } from '../../audit/verifyChain';

/**
 * The byte format of a plan's audit log, `audit/<planId>.jsonl` (issue #6). Pure: no file access here.
 *
 * One record per line, as canonical JSON (keys sorted) followed by `\n`. A write is acknowledged only after
 * fsync, so bytes after the last `\n` are a write cut off by a crash (a torn tail) and were never
 * acknowledged. Complete lines that hold a NUL byte at the end of the file are torn too: a crash after the
 * file grew but before all its blocks were written leaves zeros, and JSON never holds a raw NUL. Any other
 * line that does not parse stays where it is, for the verify command to report.
 */

const NEWLINE = 0x0a;

/** The bytes of records appended to a log. */
export function encodeAuditLines(records: readonly AuditRecord[]): Buffer {
  return Buffer.from(records.map((record) => `${canonicalJson(record)}\n`).join(''), 'utf8');
}

/** What reading a whole log found. */
export interface ParsedAuditLog {
  /** One value per complete line, in order: a parsed record, another parsed JSON value, or `UNPARSEABLE`. */
  values: unknown[];
  /** Length of the part before the torn tail. */
  validBytes: number;
  tornTail: boolean;
}

/** Parses a whole log; the torn tail is left out (not cut: a reader may read while the server writes). */
export function parseAuditLog(bytes: Uint8Array): ParsedAuditLog {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tail = scanAuditTail(buf, true);
  const validBytes = tail === 'need-more' ? 0 : tail.validBytes;
  const values: unknown[] = [];
  let start = 0;
  while (start < validBytes) {
    const end = buf.indexOf(NEWLINE, start);
    values.push(parseLine(buf.subarray(start, end)));
    start = end + 1;
  }
  return { values, validBytes, tornTail: validBytes < buf.length };
}

/** What the end of a log holds. `validBytes` counts from the start of the buffer scanned. */
export interface AuditTail {
  validBytes: number;
  /** The last line before the torn tail that is a record (lines that are not are skipped). */
  last?: AuditRecord;
}

/**
 * Scans the end of a log, reading backwards: where the torn tail starts and the last record. `buf` is the
 * last part of the file; `atFileStart` says whether it starts at byte 0. Answers `need-more` when the answer
 * may depend on bytes before `buf`: call again with a longer tail.
 */
export function scanAuditTail(buf: Buffer, atFileStart: boolean): AuditTail | 'need-more' {
  let cursor = buf.lastIndexOf(NEWLINE) + 1;
  let validBytes = cursor;
  let stillTorn = true;
  while (cursor > 0) {
    const lineStart = cursor >= 2 ? buf.lastIndexOf(NEWLINE, cursor - 2) + 1 : 0;
    if (lineStart === 0 && !atFileStart) return 'need-more';
    const line = buf.subarray(lineStart, cursor - 1);
    const value = parseLine(line);
    if (isAuditRecord(value)) return { validBytes, last: value };
    if (stillTorn && line.includes(0)) validBytes = lineStart;
    else stillTorn = false;
    cursor = lineStart;
  }
  return atFileStart ? { validBytes } : 'need-more';
}

function parseLine(line: Buffer): unknown {
  try {
    return JSON.parse(line.toString('utf8')) as unknown;
  } catch {
    return UNPARSEABLE;
  }
}
