import { crc32 } from 'node:zlib';

/**
 * The byte format of the file kept beside a compacted generation (`<docName>.<generation>.index`): the
 * caller's index of the compacted state (`DocStore.compact`), so that a load need not read it from the state
 * again. Pure: no file access here.
 *
 * `[magic GZPIDX01][u32 BE length of the state][u32 BE crc32 of the state][u32 BE crc32 of the payload][payload]`.
 * The state's length and crc tie the file to the exact record it was written for: a file left from another
 * state, cut short or damaged is told apart from a good one, and is only ever skipped (it is a cache).
 */
const MAGIC: Readonly<Buffer> = Buffer.from('GZPIDX01', 'ascii');
const HEADER_BYTES = MAGIC.length + 12;

/** Why a file was not used. */
export type IndexFileProblem = 'short' | 'magic' | 'other_state' | 'payload_checksum';

export function encodeIndexFile(state: Uint8Array, payload: Uint8Array): Buffer {
  const file = Buffer.allocUnsafe(HEADER_BYTES + payload.length);
  MAGIC.copy(file, 0);
  file.writeUInt32BE(state.length, MAGIC.length);
  file.writeUInt32BE(crc32(state), MAGIC.length + 4);
  file.writeUInt32BE(crc32(payload), MAGIC.length + 8);
  file.set(payload, HEADER_BYTES);
  return file;
}

/** The payload, when `file` is whole and was written for exactly `state`. */
export function decodeIndexFile(file: Uint8Array, state: Uint8Array): { payload: Uint8Array } | { problem: IndexFileProblem } {
  const bytes = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
  if (bytes.length < HEADER_BYTES) return { problem: 'short' };
  if (!MAGIC.equals(bytes.subarray(0, MAGIC.length))) return { problem: 'magic' };
  if (bytes.readUInt32BE(MAGIC.length) !== state.length || bytes.readUInt32BE(MAGIC.length + 4) !== crc32(state)) return { problem: 'other_state' };
  const payload = bytes.subarray(HEADER_BYTES);
  // An empty payload's crc32 is 0, as a zero-filled header's is: never a good file.
  if (payload.length === 0 || bytes.readUInt32BE(MAGIC.length + 8) !== crc32(payload)) return { problem: 'payload_checksum' };
  return { payload };
}
