import { AnchorKind, ShapeError } from './updateShape';

/** How an item names its parent in the v1 encoding. */
export const ParentMode = {
  /** Not at all: the parent of its origin (or right origin). */
  derived: 0,
  /** A root type, by name. */
  root: 1,
  /** The ID of a type item. */
  id: 2,
} as const;

/** No reference (client and clock columns). */
export const NO_REF = -1;

/** The items of one update as the reader tabled them. */
export interface ItemTable {
  readonly itemCount: number;
  isType(i: number): boolean;
  /** For `derived`, the client and clock of the origin (or right origin) the parent comes from. */
  parentOf(i: number): { mode: number; client: number; clock: number };
  /** The item holding clock `clock` of `client`, or undefined when the update has none there. */
  itemAt(client: number, clock: number): number | undefined;
  /** True when the update has a GC struct there: whatever points at it becomes GC too. */
  inGc(client: number, clock: number): boolean;
}

/**
 * Works out how deep each type in the update is nested, returning `[kind, client, clock, depthBelow]`
 * anchors for the types nested under types that are in the doc; throws `too_deep` for nesting the update
 * alone makes too deep, and `malformed` for origins in a cycle (Yjs would hold those for ever).
 */
export function resolveTypeNesting(items: ItemTable, maxDepth: number): number[] {
  return new DepthResolver(items, maxDepth).resolve();
}

/** The depth of an item's parent type: absolute from a root (`anchor` -1), or below an anchor in the doc. */
interface ParentDepth {
  anchor: number;
  depth: number;
}

const GARBAGE: ParentDepth = { anchor: -2, depth: 0 };

/**
 * Works out how deep each type in the update is nested, without recursion (an update can chain a million
 * items). An item's parent is given as a root name, as the ID of a type item, or not at all: then it is the
 * parent of its origin. References into the doc become anchors the main thread resolves against it. Refuses
 * cycles of origins, which Yjs would keep pending for ever.
 */
class DepthResolver {
  private readonly memo: (ParentDepth | undefined)[];
  private readonly visiting: Uint8Array;
  private readonly anchorIndex = new Map<string, number>();
  private readonly anchors: number[] = [];

  constructor(
    private readonly r: ItemTable,
    private readonly maxDepth: number,
  ) {
    this.memo = new Array<ParentDepth | undefined>(r.itemCount);
    this.visiting = new Uint8Array(r.itemCount);
  }

  resolve(): number[] {
    for (let i = 0; i < this.r.itemCount; i++) {
      if (!this.r.isType(i)) continue;
      const parent = this.parentDepth(i);
      if (parent === GARBAGE) continue;
      const depth = parent.depth + 1;
      // An anchor in the doc is at least a root (depth 1), so the bound is checked here as early as it can be.
      if (depth + (parent.anchor >= 0 ? 1 : 0) > this.maxDepth) throw new ShapeError('too_deep', 'types nested too deep');
      if (parent.anchor >= 0) {
        const at = parent.anchor * 4 + 3;
        this.anchors[at] = Math.max(this.anchors[at] as number, depth);
      }
    }
    return this.anchors;
  }

  /** The parent depth of item i, following origins iteratively. */
  private parentDepth(start: number): ParentDepth {
    const stack = [start];
    while (stack.length > 0) {
      const i = stack[stack.length - 1] as number;
      if (this.memo[i] !== undefined) {
        stack.pop();
        continue;
      }
      const step = this.step(i);
      if (typeof step === 'number') {
        if (this.visiting[step] === 1) throw new ShapeError('malformed', 'items that depend on each other in a cycle');
        this.visiting[i] = 1;
        stack.push(step);
        continue;
      }
      this.memo[i] = step;
      this.visiting[i] = 0;
      stack.pop();
    }
    return this.memo[start] as ParentDepth;
  }

  /** Either item i's parent depth, or the index of the item it must be computed from first. */
  private step(i: number): ParentDepth | number {
    const { mode, client, clock } = this.r.parentOf(i);
    if (mode === ParentMode.root) return { anchor: -1, depth: 1 };
    if (client === NO_REF) return GARBAGE;
    const j = this.r.itemAt(client, clock);
    // Pointing into a GC struct makes the item GC as well (Yjs); anything else not in the update is in the doc.
    if (j === undefined && this.r.inGc(client, clock)) return GARBAGE;
    if (mode === ParentMode.id) {
      if (j === undefined) return { anchor: this.anchor(AnchorKind.typeItem, client, clock), depth: 0 };
      if (!this.r.isType(j)) return GARBAGE;
      const parentOfType = this.memo[j];
      if (parentOfType === undefined) return j;
      return parentOfType === GARBAGE ? GARBAGE : { anchor: parentOfType.anchor, depth: parentOfType.depth + 1 };
    }
    if (j === undefined) return { anchor: this.anchor(AnchorKind.parentOf, client, clock), depth: 0 };
    return this.memo[j] ?? j;
  }

  private anchor(kind: number, client: number, clock: number): number {
    const key = `${kind}:${client}:${clock}`;
    let index = this.anchorIndex.get(key);
    if (index === undefined) {
      index = this.anchorIndex.size;
      this.anchorIndex.set(key, index);
      this.anchors.push(kind, client, clock, 0);
    }
    return index;
  }
}
