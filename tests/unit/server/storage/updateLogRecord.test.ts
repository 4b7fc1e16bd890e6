import { describe, expect, it } from 'vitest';
import {
  decodeRecords,
  encodeLogFile,
  encodeRecord,
  LOG_HEADER,
  MAX_RECORD_BYTES,
  RECORD_HEADER_BYTES,
} from '../../../../server/src/storage/embedded/updateLogRecord';

const payloads = [Uint8Array.of(1, 2, 3), Uint8Array.of(4), new Uint8Array(300).fill(7)];

function recordOffsets(parts: readonly Uint8Array[]): number[] {
  const offsets: number[] = [];
  let offset = LOG_HEADER.length;
  for (const part of parts) {
    offsets.push(offset);
    offset += RECORD_HEADER_BYTES + part.length;
  }
  return offsets;
}

describe('update log record format', () => {
  it('[S1] round trips records after the header', () => {
    const file = encodeLogFile(payloads);
    const decoded = decodeRecords(file);
    expect(decoded.records.map((r) => Array.from(r))).toEqual(payloads.map((p) => Array.from(p)));
    expect(decoded).toMatchObject({ validBytes: file.length, tornTail: false });
    expect(decoded.corruptAt).toBeUndefined();
  });

  it('[S1] encodes length and crc32 big-endian before the payload', () => {
    const record = encodeRecord(Uint8Array.of(9, 9));
    expect(record.readUInt32BE(0)).toBe(2);
    expect(record.length).toBe(RECORD_HEADER_BYTES + 2);
  });

  it('[S1] refuses empty and oversized payloads', () => {
    expect(() => encodeRecord(new Uint8Array(0))).toThrow(RangeError);
    expect(() => encodeRecord(new Uint8Array(MAX_RECORD_BYTES + 1))).toThrow(RangeError);
  });

  it('[S1] reads an empty file as no records, nothing torn', () => {
    expect(decodeRecords(new Uint8Array(0))).toEqual({ records: [], validBytes: 0, tornTail: false });
  });

  it('[S1] reads a header-only file as no records', () => {
    expect(decodeRecords(encodeLogFile([]))).toEqual({ records: [], validBytes: LOG_HEADER.length, tornTail: false });
  });
});

describe('torn tail', () => {
  it('[S2] cuts a last record whose header is cut short', () => {
    const whole = encodeLogFile(payloads);
    const decoded = decodeRecords(Buffer.concat([whole, encodeRecord(Uint8Array.of(5, 5)).subarray(0, 5)]));
    expect(decoded).toMatchObject({ records: expect.any(Array), validBytes: whole.length, tornTail: true });
    expect(decoded.records).toHaveLength(3);
    expect(decoded.corruptAt).toBeUndefined();
  });

  it('[S2] cuts a last record whose payload is cut short', () => {
    const whole = encodeLogFile(payloads);
    const cut = whole.subarray(0, whole.length - 10);
    const decoded = decodeRecords(cut);
    expect(decoded).toMatchObject({ validBytes: recordOffsets(payloads)[2], tornTail: true });
    expect(decoded.records).toHaveLength(2);
  });

  it('[S2] cuts a last record complete in length whose payload is garbage', () => {
    const whole = encodeLogFile(payloads);
    whole[whole.length - 1] = 0xff ^ (whole[whole.length - 1] ?? 0);
    const decoded = decodeRecords(whole);
    expect(decoded).toMatchObject({ validBytes: recordOffsets(payloads)[2], tornTail: true });
    expect(decoded.corruptAt).toBeUndefined();
  });

  it('[S2] cuts a zero-filled tail (file grown, blocks never written)', () => {
    const whole = encodeLogFile(payloads);
    const decoded = decodeRecords(Buffer.concat([whole, Buffer.alloc(64)]));
    expect(decoded).toMatchObject({ validBytes: whole.length, tornTail: true });
    expect(decoded.records).toHaveLength(3);
  });

  it('[S2] reads a header cut short as torn, not corrupt', () => {
    expect(decodeRecords(LOG_HEADER.subarray(0, 3))).toEqual({ records: [], validBytes: 0, tornTail: true });
  });
});

describe('corruption', () => {
  it('[S3] reports a checksum mismatch followed by more data at its offset', () => {
    const whole = encodeLogFile(payloads);
    const second = recordOffsets(payloads)[1] ?? 0;
    whole[second + RECORD_HEADER_BYTES] = 0xee;
    const decoded = decodeRecords(whole);
    expect(decoded).toMatchObject({ corruptAt: second, tornTail: false, validBytes: second });
    expect(decoded.records).toHaveLength(1);
  });

  it('[S3] reports an absurd length in a middle record as corrupt, not torn', () => {
    const whole = encodeLogFile(payloads);
    const second = recordOffsets(payloads)[1] ?? 0;
    whole.writeUInt32BE(0x80000001, second);
    expect(decodeRecords(whole).corruptAt).toBe(second);
  });

  it('[S3] reports a foreign header as corrupt at 0', () => {
    const foreign = Buffer.concat([Buffer.from('{"json":'), encodeRecord(Uint8Array.of(1))]);
    expect(decodeRecords(foreign)).toEqual({ records: [], validBytes: 0, tornTail: false, corruptAt: 0 });
  });

  it('[S3] reports a zero-filled file as corrupt', () => {
    expect(decodeRecords(Buffer.alloc(4096)).corruptAt).toBe(0);
  });

  it('[S3] reports a wrong format version as corrupt', () => {
    const file = encodeLogFile(payloads);
    file.write('99', LOG_HEADER.length - 2, 'ascii');
    expect(decodeRecords(file).corruptAt).toBe(0);
  });

  it('[S17] bytes cut out of a middle record are corruption, not a torn tail that would drop the records after it', () => {
    const parts = [Uint8Array.of(1, 2, 3), new Uint8Array(300).fill(7), Uint8Array.of(4, 4)];
    const whole = encodeLogFile(parts);
    const second = recordOffsets(parts)[1] ?? 0;
    // 40 bytes gone from the second payload: its length now runs past the end of the file, past the third record.
    const cut = Buffer.concat([whole.subarray(0, second + RECORD_HEADER_BYTES + 100), whole.subarray(second + RECORD_HEADER_BYTES + 140)]);
    const decoded = decodeRecords(cut);
    expect(decoded).toMatchObject({ corruptAt: second, tornTail: false, validBytes: second });
  });

  it('[S17] a garbled last record with only zeros or partial bytes after it stays a torn tail', () => {
    const whole = encodeLogFile(payloads);
    const garbled = Buffer.concat([whole, encodeRecord(new Uint8Array(50).fill(3)).subarray(0, 30), Buffer.alloc(20)]);
    const decoded = decodeRecords(garbled);
    expect(decoded).toMatchObject({ validBytes: whole.length, tornTail: true });
    expect(decoded.corruptAt).toBeUndefined();
  });
});
