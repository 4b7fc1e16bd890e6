import { describe, expect, it } from 'vitest';
import { UNPARSEABLE } from '../../../../server/src/audit/verifyChain';
import { encodeAuditLines, parseAuditLog, scanAuditTail } from '../../../../server/src/storage/embedded/auditLogFormat';
import { makeAuditChain } from '../../../helpers/auditChain';

const records = makeAuditChain('p1', 3);
const file = encodeAuditLines(records);

describe('audit log file format', () => {
  it('[AU4] one canonical JSON line per record, read back whole', () => {
    const lines = file.toString('utf8').split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe('');
    expect(Object.keys(JSON.parse(lines[0] ?? '') as object)).toEqual([...Object.keys(records[0] ?? {})].sort());
    expect(parseAuditLog(file)).toEqual({ values: records, validBytes: file.length, tornTail: false });
    expect(scanAuditTail(file, true)).toEqual({ validBytes: file.length, last: records[2] });
  });

  it('[AU4] bytes after the last newline are a torn tail: left out, and where it starts is known', () => {
    const torn = Buffer.concat([file, Buffer.from('{"seq":4,"ev')]);
    expect(parseAuditLog(torn)).toMatchObject({ values: records, validBytes: file.length, tornTail: true });
    expect(scanAuditTail(torn, true)).toEqual({ validBytes: file.length, last: records[2] });
    expect(scanAuditTail(Buffer.from('{"se'), true)).toEqual({ validBytes: 0 });
    expect(parseAuditLog(Buffer.alloc(0))).toEqual({ values: [], validBytes: 0, tornTail: false });
  });

  it('[AU4] complete lines of zeros at the end (blocks never written before a crash) are torn too', () => {
    const zeros = Buffer.concat([file, Buffer.alloc(40), Buffer.from('"}\n')]);
    expect(scanAuditTail(zeros, true)).toEqual({ validBytes: file.length, last: records[2] });
  });

  it('[AU4] a damaged line that is not at the torn end stays, for verify to name', () => {
    const lines = file.toString('utf8').split('\n');
    const damaged = Buffer.from(`${lines[0]}\n{not json\n${lines[2]}\n`);
    const parsed = parseAuditLog(damaged);
    expect(parsed.values).toEqual([records[0], UNPARSEABLE, records[2]]);
    expect(parsed.tornTail).toBe(false);
    // A damaged last line (without NUL) is kept; the last record is the one before it.
    const damagedEnd = Buffer.concat([file, Buffer.from('{garbage}\n')]);
    expect(scanAuditTail(damagedEnd, true)).toEqual({ validBytes: damagedEnd.length, last: records[2] });
  });

  it('[AU4] a tail scan that cannot see a whole line asks for more', () => {
    const lastLine = file.subarray(file.lastIndexOf(0x0a, file.length - 2) + 1);
    expect(scanAuditTail(lastLine.subarray(5), false)).toBe('need-more');
    expect(scanAuditTail(Buffer.concat([Buffer.from('x\n'), lastLine]), false)).toEqual({ validBytes: lastLine.length + 2, last: records[2] });
  });
});
