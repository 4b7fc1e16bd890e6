import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { META_ROOT } from '../../../shared/src/schema/rootsV2';
import { BIT6, BIT7, BIT8, BITS5, CONTENT, XML_ELEMENT, XML_HOOK } from './inspection/yjsUpdateFormat';
import { decodeIndex, encodeIndex, type StateIndex } from './stateIndexCodec';

/** The map key of the schema version under the `meta` root (shared/src/schema/planSchema.ts). */
const SCHEMA_VERSION_KEY = 'schemaVersion';
/** An update with no structs and no deletions: a doc that was never written. */
const EMPTY_UPDATE = new Uint8Array([0, 0]);

/**
 * What the checks of an incoming update need to know of a doc (shapeAgainstDoc.ts): how far each client's
 * clocks go, and whether a range is deleted. A live Y.Doc answers it, and so does a doc's stored state.
 */
export interface DocHoldings {
  /** One past the highest clock of `client` the doc holds without a gap (`Y.getState`). */
  clockOf(client: number): number;
  /** True when every clock of the range is held and deleted. */
  isDeletedRange(client: number, clock: number, length: number): boolean;
}

/** A live doc as `DocHoldings`. */
export function holdingsOfDoc(doc: Y.Doc): DocHoldings {
  return {
    clockOf: (client) => Y.getState(doc.store, client),
    isDeletedRange(client, clock, length) {
      const end = clock + length;
      if (Y.getState(doc.store, client) < end) return false;
      const structs = doc.store.clients.get(client) ?? [];
      for (let i = Y.findIndexSS(structs, clock); i < structs.length; i++) {
        const struct = structs[i] as Y.Item | Y.GC;
        if (struct.id.clock >= end) break;
        if (struct instanceof Y.Item && !struct.deleted) return false;
      }
      return true;
    },
  };
}

/**
 * A doc as its encoded state, for a room nobody writes to (docs/performance.md: a `gezamenlijk` of 70 KB
 * encoded is 1.5 MB as a Y.Doc). Holds the stored records merged into one update and a small index read
 * from it in one pass: the state vector, the deleted ranges, and the schema version when the bytes say it
 * plainly. Read-only traffic (sync step 1 both ways, a step 2 that adds nothing) is answered from this.
 */
export class StoredState implements DocHoldings {
  private constructor(
    /** The doc's whole state as one v1 update: what a client with an empty state vector gets. */
    readonly update: Uint8Array,
    private readonly index: StateIndex,
  ) {}

  /**
   * The stored records of a doc (a compacted state and the updates after it), merged when there are several.
   * `index` is what `encodeIndex` wrote for a single record, stored beside it: read instead of a pass over
   * the whole update (docs/performance.md, cold join). The store has checked that it belongs to this record;
   * one that does not decode is ignored and the index is read from the bytes as without it.
   */
  static of(updates: readonly Uint8Array[], index?: Uint8Array): StoredState {
    const update = updates.length === 0 ? EMPTY_UPDATE : updates.length === 1 ? (updates[0] as Uint8Array) : Y.mergeUpdates([...updates]);
    const given = index !== undefined && updates.length === 1 ? decodeIndex(index, update.length) : undefined;
    return new StoredState(update, given ?? readIndex(update));
  }

  /** The index, to be stored beside `update` and given back to `of` with it. */
  encodeIndex(): Uint8Array {
    return encodeIndex(this.index);
  }

  /**
   * The schema version as `readSchemaVersion` would read it from the built doc, when the bytes say it plainly:
   * 0 when the key was never written, else the one live value of it. Undefined when they do not (several live
   * values, or none found): the room then builds the doc and lets `migrateDoc` decide, as before.
   */
  get schemaVersion(): number | undefined {
    return this.index.schemaVersion;
  }

  clockOf(client: number): number {
    return this.index.stateVector.get(client) ?? 0;
  }

  isDeletedRange(client: number, clock: number, length: number): boolean {
    return this.clockOf(client) >= clock + length && coversRange(this.index.deleted.get(client), clock, clock + length);
  }

  /** The state vector as `Y.encodeStateVector` would write it for the doc. */
  encodeStateVector(): Uint8Array {
    const e = encoding.createEncoder();
    const entries = [...this.index.stateVector].sort((a, b) => b[0] - a[0]);
    encoding.writeVarUint(e, entries.length);
    for (const [client, clock] of entries) {
      encoding.writeVarUint(e, client);
      encoding.writeVarUint(e, clock);
    }
    return encoding.toUint8Array(e);
  }

  /**
   * What a client with this state vector lacks, when that can be told from the bytes: everything (an empty
   * vector, a new device) or only the deletions (it holds every struct: a reconnect). Undefined otherwise:
   * cutting a diff out of the bytes costs more than building the doc (docs/performance.md, cold join).
   */
  diffFor(stateVector: Uint8Array): Uint8Array | undefined {
    const theirs = Y.decodeStateVector(stateVector);
    if (theirs.size === 0) return this.update;
    for (const [client, clock] of this.index.stateVector) if ((theirs.get(client) ?? 0) < clock) return undefined;
    if (this.index.hasPending) return undefined;
    // No structs, then the delete set exactly as stored.
    const tail = this.update.subarray(this.index.deleteSetOffset);
    const out = new Uint8Array(tail.length + 1);
    out.set(tail, 1);
    return out;
  }
}


/** A struct that may hold a `meta.schemaVersion` value: written at the key itself, or after an earlier value. */
interface VersionCandidate {
  client: number;
  clock: number;
  length: number;
  /** The key's earlier value this one follows (`client:clock` of its last clock); undefined when written at the root. */
  follows: string | undefined;
  value: unknown;
  /** Its content is gone (overwritten and collected). */
  collected: boolean;
}

/**
 * One pass over a v1 update, as `Y.applyUpdate` reads it, keeping only the index. The bytes come from the
 * store (written by this server from updates that passed inspection), so they are trusted to decode.
 */
function readIndex(update: Uint8Array): StateIndex {
  const d = decoding.createDecoder(update);
  const stateVector = new Map<number, number>();
  const deleted = new Map<number, number[]>();
  const candidates: VersionCandidate[] = [];
  let hasPending = false;
  const addDeleted = (client: number, clock: number, length: number) => {
    const list = deleted.get(client);
    // Deleted structs of one client come in clock order and mostly touch: join them here, so the final sort
    // sees a few ranges instead of one per deleted keystroke.
    if (list && list[list.length - 1] === clock) list[list.length - 1] = clock + length;
    else if (list) list.push(clock, clock + length);
    else deleted.set(client, [clock, clock + length]);
  };
  const sections = decoding.readVarUint(d);
  for (let s = 0; s < sections; s++) {
    const structs = decoding.readVarUint(d);
    const client = decoding.readVarUint(d);
    let clock = decoding.readVarUint(d);
    // Like `Y.encodeStateVectorFromUpdate`: the vector ends at the first gap.
    let contiguous = clock === 0;
    if (!contiguous) hasPending = true;
    for (let i = 0; i < structs; i++) {
      const info = decoding.readUint8(d);
      const ref = info & BITS5;
      if (ref === CONTENT.gc || ref === CONTENT.skip) {
        const length = decoding.readVarUint(d);
        if (ref === CONTENT.gc) addDeleted(client, clock, length);
        else if (length > 0) {
          contiguous = false;
          hasPending = true;
        }
        clock += length;
        if (contiguous) stateVector.set(client, clock);
        continue;
      }
      // A map value written again follows the one it replaces (its origin) and has no right origin.
      const hasOrigin = (info & BIT8) === BIT8;
      const originClient = hasOrigin ? decoding.readVarUint(d) : 0;
      const originClock = hasOrigin ? decoding.readVarUint(d) : 0;
      if ((info & BIT7) === BIT7) {
        decoding.readVarUint(d);
        decoding.readVarUint(d);
      }
      const mayFollow = hasOrigin && (info & BIT7) === 0;
      let atVersionKey = false;
      if ((info & (BIT7 | BIT8)) === 0) {
        let rootName: string | undefined;
        if (decoding.readVarUint(d) === 1) rootName = decoding.readVarString(d);
        else {
          decoding.readVarUint(d);
          decoding.readVarUint(d);
        }
        const key = (info & BIT6) === BIT6 ? decoding.readVarString(d) : undefined;
        atVersionKey = rootName === META_ROOT && key === SCHEMA_VERSION_KEY;
      }
      const { length, value, collected } = readContent(d, ref);
      if (collected) addDeleted(client, clock, length);
      if (contiguous && (atVersionKey || (mayFollow && (ref === CONTENT.any || collected)))) {
        candidates.push({ client, clock, length, follows: atVersionKey ? undefined : `${originClient}:${originClock}`, value, collected });
      }
      clock += length;
      if (contiguous) stateVector.set(client, clock);
    }
  }
  const deleteSetOffset = d.pos;
  const clients = decoding.readVarUint(d);
  for (let c = 0; c < clients; c++) {
    const client = decoding.readVarUint(d);
    const ranges = decoding.readVarUint(d);
    for (let r = 0; r < ranges; r++) addDeleted(client, decoding.readVarUint(d), decoding.readVarUint(d));
  }
  for (const [client, list] of deleted) deleted.set(client, mergeRanges(list));
  const index = { stateVector, deleted, deleteSetOffset, hasPending, schemaVersion: undefined as number | undefined };
  index.schemaVersion = liveVersion(candidates, (c) => coversRange(deleted.get(c.client), c.clock, c.clock + c.length));
  return index;
}

/** Returns the content's length in clocks and, for a single JSON-like value, that value. */
function readContent(d: decoding.Decoder, ref: number): { length: number; value: unknown; collected: boolean } {
  switch (ref) {
    case CONTENT.deleted:
      return { length: decoding.readVarUint(d), value: undefined, collected: true };
    case CONTENT.json: {
      const n = decoding.readVarUint(d);
      for (let i = 0; i < n; i++) decoding.readVarString(d);
      return { length: n, value: undefined, collected: false };
    }
    case CONTENT.binary:
      decoding.readVarUint8Array(d);
      return { length: 1, value: undefined, collected: false };
    case CONTENT.string:
      return { length: utf16LengthOfVarString(d), value: undefined, collected: false };
    case CONTENT.embed:
      decoding.readVarString(d);
      return { length: 1, value: undefined, collected: false };
    case CONTENT.format:
      decoding.readVarString(d);
      decoding.readVarString(d);
      return { length: 1, value: undefined, collected: false };
    case CONTENT.type: {
      const typeRef = decoding.readVarUint(d);
      if (typeRef === XML_ELEMENT || typeRef === XML_HOOK) decoding.readVarString(d);
      return { length: 1, value: undefined, collected: false };
    }
    case CONTENT.any: {
      const n = decoding.readVarUint(d);
      let value: unknown;
      for (let i = 0; i < n; i++) value = decoding.readAny(d);
      return { length: n, value: n === 1 ? value : undefined, collected: false };
    }
    case CONTENT.doc:
      decoding.readVarString(d);
      decoding.readAny(d);
      return { length: 1, value: undefined, collected: false };
    default:
      throw new Error(`unknown content ${ref} in a stored update`);
  }
}

/**
 * The length in UTF-16 units (what `readVarString(d).length` gives) of the string at the decoder, read from
 * its UTF-8 bytes without building the string: a doc's text is most of its bytes, and the index needs only
 * each piece's length.
 */
function utf16LengthOfVarString(d: decoding.Decoder): number {
  const bytes = decoding.readVarUint(d);
  const end = d.pos + bytes;
  const arr = d.arr;
  let units = 0;
  for (let i = d.pos; i < end; i++) {
    const b = arr[i] as number;
    // Every byte but a continuation byte starts a code point; a 4-byte one is a surrogate pair in UTF-16.
    if ((b & 0xc0) !== 0x80) units += b >= 0xf0 ? 2 : 1;
  }
  d.pos = end;
  return units;
}

/**
 * The live value of `meta.schemaVersion`: the values written at the key, and those that follow one of them
 * (a map value written again points at the one it replaces), minus the deleted ones. The first value of a key
 * always names the key, so none at all means the key was never written (0). Otherwise exactly one must be
 * left; anything else is undefined and the caller asks the built doc.
 */
function liveVersion(candidates: readonly VersionCandidate[], deleted: (c: VersionCandidate) => boolean): number | undefined {
  const byLastClock = new Map<string, VersionCandidate[]>();
  for (const c of candidates) {
    if (c.follows === undefined) continue;
    const list = byLastClock.get(c.follows);
    if (list) list.push(c);
    else byLastClock.set(c.follows, [c]);
  }
  const atKey = candidates.filter((c) => c.follows === undefined);
  if (atKey.length === 0) return 0;
  const live: VersionCandidate[] = [];
  const seen = new Set<VersionCandidate>();
  for (let queue = atKey; queue.length > 0; ) {
    const next: VersionCandidate[] = [];
    for (const c of queue) {
      if (seen.has(c)) continue;
      seen.add(c);
      if (!c.collected && !deleted(c)) live.push(c);
      next.push(...(byLastClock.get(`${c.client}:${c.clock + c.length - 1}`) ?? []));
    }
    queue = next;
  }
  const only = live.length === 1 ? live[0] : undefined;
  if (only?.length !== 1) return undefined;
  return typeof only.value === 'number' ? only.value : 0;
}

/** True when one of the sorted, merged `[start, end, …]` ranges holds all of `start`..`end`. */
function coversRange(ranges: readonly number[] | undefined, start: number, end: number): boolean {
  if (!ranges) return false;
  // The last range that starts at or before `start` must reach `end`.
  let lo = 0;
  let hi = ranges.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((ranges[mid * 2] as number) <= start) lo = mid + 1;
    else hi = mid - 1;
  }
  return hi >= 0 && (ranges[hi * 2 + 1] as number) >= end;
}

/** `[start, end, …]` pairs in any order → sorted, overlapping and touching ranges joined. */
function mergeRanges(list: number[]): number[] {
  const pairs: [number, number][] = [];
  for (let i = 0; i < list.length; i += 2) pairs.push([list[i] as number, list[i + 1] as number]);
  pairs.sort((a, b) => a[0] - b[0]);
  const out: number[] = [];
  for (const [start, end] of pairs) {
    const last = out.length - 1;
    if (out.length > 0 && start <= (out[last] as number)) out[last] = Math.max(out[last] as number, end);
    else out.push(start, end);
  }
  return out;
}
