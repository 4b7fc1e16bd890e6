import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/**
 * What `StoredState` knows of a doc's stored update without building it (storedState.ts), and the bytes it is
 * kept in beside a compacted state (`DocStore.compact`), so that a load reads it instead of a pass over the
 * whole update (docs/performance.md, cold join).
 */
export interface StateIndex {
  stateVector: Map<number, number>;
  /** Per client, `[start, end, start, end, …]`: deleted clock ranges, sorted and merged. */
  deleted: Map<number, number[]>;
  /** Where the delete set starts in the update. */
  deleteSetOffset: number;
  /** The update carries structs past a gap (held back until what they follow arrives). */
  hasPending: boolean;
  schemaVersion: number | undefined;
}

/** The first byte of an encoded index; a different one is a format this code does not read. */
const INDEX_FORMAT = 1;

/**
 * `[format][state vector: n, (client, clock)…][deleted: n, (client, ranges, (gap, length)…)…][deleteSetOffset]
 * [hasPending][schemaVersion: 0 | 1 float64]`, lib0 var-uints. Ranges are written as the gap from the end of
 * the one before and their length, so a doc of many small deletions stays a few bytes per range.
 */
export function encodeIndex(index: StateIndex): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeUint8(e, INDEX_FORMAT);
  encoding.writeVarUint(e, index.stateVector.size);
  for (const [client, clock] of index.stateVector) {
    encoding.writeVarUint(e, client);
    encoding.writeVarUint(e, clock);
  }
  encoding.writeVarUint(e, index.deleted.size);
  for (const [client, ranges] of index.deleted) {
    encoding.writeVarUint(e, client);
    encoding.writeVarUint(e, ranges.length / 2);
    let end = 0;
    for (let i = 0; i < ranges.length; i += 2) {
      encoding.writeVarUint(e, (ranges[i] as number) - end);
      end = ranges[i + 1] as number;
      encoding.writeVarUint(e, end - (ranges[i] as number));
    }
  }
  encoding.writeVarUint(e, index.deleteSetOffset);
  encoding.writeUint8(e, index.hasPending ? 1 : 0);
  if (index.schemaVersion === undefined) encoding.writeUint8(e, 0);
  else {
    encoding.writeUint8(e, 1);
    encoding.writeFloat64(e, index.schemaVersion);
  }
  return encoding.toUint8Array(e);
}

/**
 * The index `encodeIndex` wrote, or undefined when the bytes are not one: another format, cut short, bytes
 * left over, or values no update of `updateLength` bytes could give. Never throws.
 */
export function decodeIndex(bytes: Uint8Array, updateLength: number): StateIndex | undefined {
  try {
    const d = decoding.createDecoder(bytes);
    if (readByte(d) !== INDEX_FORMAT) return undefined;
    const stateVector = new Map<number, number>();
    for (let n = readCount(d, 2); n > 0; n--) stateVector.set(decoding.readVarUint(d), decoding.readVarUint(d));
    const deleted = new Map<number, number[]>();
    for (let n = readCount(d, 2); n > 0; n--) {
      const client = decoding.readVarUint(d);
      const ranges: number[] = [];
      let end = 0;
      for (let r = readCount(d, 2); r > 0; r--) {
        const start = end + decoding.readVarUint(d);
        end = start + decoding.readVarUint(d);
        // `coversRange` needs them sorted and apart: a gap of 0 after the first would be two touching ranges.
        if (end === start || (ranges.length > 0 && start === ranges[ranges.length - 1])) return undefined;
        ranges.push(start, end);
      }
      if (ranges.length === 0 || deleted.has(client)) return undefined;
      deleted.set(client, ranges);
    }
    const deleteSetOffset = decoding.readVarUint(d);
    const pending = readByte(d);
    const hasVersion = readByte(d);
    const schemaVersion = hasVersion === 1 ? decoding.readFloat64(d) : undefined;
    const plausible = deleteSetOffset < updateLength && pending <= 1 && hasVersion <= 1 && !decoding.hasContent(d);
    return plausible ? { stateVector, deleted, deleteSetOffset, hasPending: pending === 1, schemaVersion } : undefined;
  } catch {
    return undefined;
  }
}

/** One byte; lib0's `readUint8` gives undefined past the end instead of throwing. */
function readByte(d: decoding.Decoder): number {
  if (!decoding.hasContent(d)) throw new RangeError('index cut short');
  return decoding.readUint8(d);
}

/** A count of entries of at least `bytesEach` bytes: a garbled one cannot make the reader loop for long. */
function readCount(d: decoding.Decoder, bytesEach: number): number {
  const n = decoding.readVarUint(d);
  if (n * bytesEach > d.arr.length - d.pos) throw new RangeError('index count past its end');
  return n;
}
