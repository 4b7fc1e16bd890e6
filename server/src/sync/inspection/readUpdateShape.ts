import * as decoding from 'lib0/decoding';
import { NO_REF, ParentMode, resolveTypeNesting, type ItemTable } from './typeNesting';
import { ShapeError, type ShapeBounds, type ShapeResult, type UpdateShape } from './updateShape';
import { BIT6, BIT7, BIT8, BITS5, CONTENT, TYPE_REFS, XML_ELEMENT, XML_HOOK } from './yjsUpdateFormat';

/** No honest client reaches four billion operations under one clientID; beyond it clocks are hostile. */
const MAX_CLOCK = 2 ** 32;

/**
 * Decodes a Yjs v1 update completely, the way `Y.applyUpdate` reads it, and checks what the live doc must
 * never see: bytes that do not decode (or a v2 update), trailing bytes, empty or overlong structs, a
 * client listed twice, references to a later clock of the same client (Yjs would throw halfway through
 * applying), subdocuments, more structs than allowed, types or JSON values nested too deep. Runs in the
 * inspection worker; never throws.
 *
 * @example
 * const r = readUpdateShape(update, { maxStructs: 1_000_000, maxDepth: 100 });
 * if (!r.ok) closeSocket(r.fault);
 */
export function readUpdateShape(update: Uint8Array, bounds: ShapeBounds): ShapeResult {
  try {
    return { ok: true, shape: new ShapeReader(update, bounds).read() };
  } catch (error) {
    // lib0 throws plain errors (and RangeErrors on a stack overflow); all of them mean "does not decode".
    const fault = error instanceof ShapeError ? error.fault : 'malformed';
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, fault: fault === 'malformed' && framedAsV2(update) ? 'v2_encoding' : fault, detail };
  }
}

/** The column buffers `Y.UpdateDecoderV2` reads after the feature flag. */
const V2_COLUMNS = 9;

/**
 * True when the bytes have the frame of a v2 update: the feature flag 0, then the column buffers of Yjs's
 * UpdateEncoderV2, each within the bytes. Only the frame, never the columns: decoding hostile bytes as v2 can
 * make values without reading bytes (run-length counts) and ran the fuzzer out of memory on a 651-byte
 * mutant. The answer only names the fault of bytes that are refused anyway.
 */
function framedAsV2(update: Uint8Array): boolean {
  try {
    const d = decoding.createDecoder(update);
    if (decoding.readVarUint(d) !== 0) return false;
    for (let i = 0; i < V2_COLUMNS; i++) decoding.readVarUint8Array(d);
    return true;
  } catch {
    return false;
  }
}

/** One client's part of the update. */
interface Section {
  /** Index of its first item in the item table, and one past its last. */
  firstItem: number;
  endItem: number;
  /** One past the last clock of a struct that is not a skip. */
  end: number;
  /** Clocks below this are GC structs or skips the update carries (no parent: children become GC). */
  gcRanges: number[];
}

/** A growable column of numbers (clientIDs and clocks do not fit small integers). */
class Column {
  private data = new Float64Array(32);
  length = 0;
  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Float64Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }
  at(i: number): number {
    return this.data[i] as number;
  }
}

class ShapeReader implements ItemTable {
  private readonly d: decoding.Decoder;
  private units = 0;
  private readonly roots = new Set<string>();
  private readonly needs = new Map<number, number>();
  private readonly sections = new Map<number, Section>();
  private readonly deletes: number[] = [];
  private readonly runs: number[] = [];
  /** `[client, clock]` of every origin, right origin and parent ID, checked once all sections are read. */
  private readonly references: number[] = [];
  // The item table: one row per Item (GC structs and skips have no parent and no children).
  private readonly itemClock = new Column();
  private readonly itemLength = new Column();
  private readonly itemIsType = new Column();
  private readonly parentMode = new Column();
  private readonly parentClient = new Column();
  private readonly parentClock = new Column();
  private readonly originClient = new Column();
  private readonly originClock = new Column();

  constructor(
    update: Uint8Array,
    private readonly bounds: ShapeBounds,
  ) {
    this.d = decoding.createDecoder(update);
  }

  read(): UpdateShape {
    const clients = this.count();
    for (let i = 0; i < clients; i++) this.readSection();
    this.readDeleteSet();
    if (decoding.hasContent(this.d)) throw new ShapeError('malformed', 'trailing bytes after the update');
    const { references } = this;
    for (let i = 0; i < references.length; i += 2) this.requireReference(references[i] as number, references[i + 1] as number);
    const anchors = resolveTypeNesting(this, this.bounds.maxDepth);
    return {
      units: this.units,
      roots: [...this.roots],
      ends: [...this.sections].flatMap(([client, s]) => (s.endItem > s.firstItem || s.gcRanges.length > 0 ? [client, s.end] : [])),
      needs: [...this.needs].flat(),
      runs: this.runs,
      deletes: this.deletes,
      anchors,
    };
  }

  /** A count read from the update; every counted thing takes at least one byte, so more than that is a lie. */
  private count(): number {
    const n = decoding.readVarUint(this.d);
    if (n > this.d.arr.length - this.d.pos) throw new ShapeError('malformed', 'a count larger than the update');
    return n;
  }

  private addUnits(n: number): void {
    this.units += n;
    if (this.units > this.bounds.maxStructs) throw new ShapeError('too_many_structs', `more than ${this.bounds.maxStructs} structs`);
  }

  private need(client: number, clock: number): void {
    if (clock > (this.needs.get(client) ?? 0)) this.needs.set(client, clock);
  }

  private readSection(): void {
    const structs = this.count();
    this.addUnits(structs);
    const client = decoding.readVarUint(this.d);
    if (this.sections.has(client)) throw new ShapeError('malformed', 'a client listed twice');
    let clock = decoding.readVarUint(this.d);
    const section: Section = { firstItem: this.itemClock.length, endItem: this.itemClock.length, end: clock, gcRanges: [] };
    this.sections.set(client, section);
    let afterGap = true;
    let runStart = clock;
    for (let i = 0; i < structs; i++) {
      const info = decoding.readUint8(this.d);
      const ref = info & BITS5;
      const start = clock;
      if (ref === CONTENT.skip) {
        if (!afterGap) this.runs.push(client, runStart, start);
        clock += this.length(decoding.readVarUint(this.d), start);
        afterGap = true;
        continue;
      }
      // A struct right after a gap integrates only when the doc already holds the gap.
      if (afterGap) {
        this.need(client, start);
        runStart = start;
      }
      afterGap = false;
      if (ref === CONTENT.gc) {
        clock += this.length(decoding.readVarUint(this.d), start);
        section.gcRanges.push(start, clock);
      } else {
        clock += this.readItem(client, start, info);
      }
      section.end = clock;
    }
    if (!afterGap) this.runs.push(client, runStart, clock);
    section.endItem = this.itemClock.length;
  }

  private length(len: number, start: number): number {
    if (len < 1) throw new ShapeError('malformed', 'a struct of length 0');
    if (start + len > MAX_CLOCK) throw new ShapeError('malformed', 'a clock beyond 2^32');
    return len;
  }

  /** Reads one Item as Yjs's `readClientsStructRefs` does; returns its length. */
  private readItem(client: number, clock: number, info: number): number {
    const hasOrigin = (info & BIT8) === BIT8;
    const hasRightOrigin = (info & BIT7) === BIT7;
    const origin = hasOrigin ? this.readId(client, clock) : undefined;
    const rightOrigin = hasRightOrigin ? this.readId(client, clock) : undefined;
    let mode: number = ParentMode.derived;
    let parent: [number, number] | undefined;
    if (!hasOrigin && !hasRightOrigin) {
      if (decoding.readVarUint(this.d) === 1) {
        mode = ParentMode.root;
        this.roots.add(decoding.readVarString(this.d));
      } else {
        mode = ParentMode.id;
        parent = this.readId(client, clock);
      }
      if ((info & BIT6) === BIT6) decoding.readVarString(this.d); // parentSub: a map key
    }
    const { length, isType } = this.readContent(info & BITS5);
    const derivedFrom = origin ?? rightOrigin;
    this.itemClock.push(clock);
    this.itemLength.push(this.length(length, clock));
    this.itemIsType.push(isType ? 1 : 0);
    this.parentMode.push(mode);
    this.parentClient.push(parent ? parent[0] : NO_REF);
    this.parentClock.push(parent ? parent[1] : NO_REF);
    this.originClient.push(derivedFrom ? derivedFrom[0] : NO_REF);
    this.originClock.push(derivedFrom ? derivedFrom[1] : NO_REF);
    return length;
  }

  /** An ID another struct points at; the same client may only point back in time (Yjs does not check). */
  private readId(ownClient: number, ownClock: number): [number, number] {
    const client = decoding.readVarUint(this.d);
    const clock = decoding.readVarUint(this.d);
    if (client === ownClient && clock >= ownClock) throw new ShapeError('malformed', 'a reference to a later clock of the same client');
    if (clock >= MAX_CLOCK) throw new ShapeError('malformed', 'a clock beyond 2^32');
    this.references.push(client, clock);
    return [client, clock];
  }

  private readContent(ref: number): { length: number; isType: boolean } {
    const d = this.d;
    switch (ref) {
      case CONTENT.deleted:
        return { length: decoding.readVarUint(d), isType: false };
      case CONTENT.json: {
        const n = this.count();
        for (let i = 0; i < n; i++) {
          const text = decoding.readVarString(d);
          if (text !== 'undefined') this.checkJson(JSON.parse(text));
        }
        return { length: n, isType: false };
      }
      case CONTENT.binary:
        decoding.readVarUint8Array(d);
        return { length: 1, isType: false };
      case CONTENT.string:
        return { length: decoding.readVarString(d).length, isType: false };
      case CONTENT.embed:
        this.checkJson(JSON.parse(decoding.readVarString(d)));
        return { length: 1, isType: false };
      case CONTENT.format:
        decoding.readVarString(d);
        this.checkJson(JSON.parse(decoding.readVarString(d)));
        return { length: 1, isType: false };
      case CONTENT.type: {
        const typeRef = decoding.readVarUint(d);
        if (typeRef >= TYPE_REFS) throw new ShapeError('malformed', `unknown type ${typeRef}`);
        if (typeRef === XML_ELEMENT || typeRef === XML_HOOK) decoding.readVarString(d);
        return { length: 1, isType: true };
      }
      case CONTENT.any: {
        const n = this.count();
        for (let i = 0; i < n; i++) this.checkJson(decoding.readAny(d));
        return { length: n, isType: false };
      }
      case CONTENT.doc:
        // Gezinsplan has no subdocuments; each would be a new Y.Doc in the server's memory.
        throw new ShapeError('subdocument', 'a subdocument');
      default:
        throw new ShapeError('malformed', `unknown content ${ref}`);
    }
  }

  /** JSON values nested deeper than the bound would blow the stack of whoever turns them into JSON later. */
  private checkJson(value: unknown): void {
    const stack: [unknown, number][] = [[value, 1]];
    for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
      const [v, depth] = next;
      if (v === null || typeof v !== 'object' || v instanceof Uint8Array) continue;
      if (depth > this.bounds.maxDepth) throw new ShapeError('too_deep', 'a JSON value nested too deep');
      for (const child of Object.values(v as object)) stack.push([child, depth + 1]);
    }
  }

  private readDeleteSet(): void {
    const clients = this.count();
    const seen = new Set<number>();
    for (let i = 0; i < clients; i++) {
      const client = decoding.readVarUint(this.d);
      if (seen.has(client)) throw new ShapeError('malformed', 'a client listed twice in the delete set');
      seen.add(client);
      const ranges = this.count();
      this.addUnits(ranges);
      let previousEnd = 0;
      for (let r = 0; r < ranges; r++) {
        const clock = decoding.readVarUint(this.d);
        if (clock < previousEnd) throw new ShapeError('malformed', 'delete ranges out of order');
        const end = clock + this.length(decoding.readVarUint(this.d), clock);
        previousEnd = end;
        this.deletes.push(client, clock, end - clock);
        // A delete beyond what the doc and this update hold would wait in memory for clocks that may never come.
        const section = this.sections.get(client);
        if (!section || end > section.end) this.need(client, end);
      }
    }
  }

  /** For the depth resolver: the item holding clock `clock` of `client`, or undefined (GC, skip or not here). */
  itemAt(client: number, clock: number): number | undefined {
    const section = this.sections.get(client);
    if (!section) return undefined;
    let lo = section.firstItem;
    let hi = section.endItem - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const start = this.itemClock.at(mid);
      if (clock < start) hi = mid - 1;
      else if (clock >= start + this.itemLength.at(mid)) lo = mid + 1;
      else return mid;
    }
    return undefined;
  }

  /** True when the update carries clock `clock` of `client` as a GC struct: what points there becomes GC too. */
  inGc(client: number, clock: number): boolean {
    const ranges = this.sections.get(client)?.gcRanges ?? [];
    // Sorted [start, end) pairs: binary search over the pairs.
    let lo = 0;
    let hi = ranges.length / 2 - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if (clock < (ranges[mid * 2] as number)) hi = mid - 1;
      else if (clock >= (ranges[mid * 2 + 1] as number)) lo = mid + 1;
      else return true;
    }
    return false;
  }

  /**
   * True when the doc needs nothing for clock `clock` of `client`: the update carries it, or it lies below a
   * struct of the update (which already needs the doc to hold everything before it).
   */
  carries(client: number, clock: number): boolean {
    const section = this.sections.get(client);
    return section !== undefined && clock < section.end;
  }

  /** Records that the doc must hold (client, clock) when the update does not carry it. */
  private requireReference(client: number, clock: number): void {
    if (!this.carries(client, clock)) this.need(client, clock + 1);
  }

  get itemCount(): number {
    return this.itemClock.length;
  }
  isType(i: number): boolean {
    return this.itemIsType.at(i) === 1;
  }
  parentOf(i: number): { mode: number; client: number; clock: number } {
    const mode = this.parentMode.at(i);
    if (mode === ParentMode.derived) return { mode, client: this.originClient.at(i), clock: this.originClock.at(i) };
    return { mode, client: this.parentClient.at(i), clock: this.parentClock.at(i) };
  }
}
