import * as Y from 'yjs';
import type { DocHoldings } from '../storedState';
import { AnchorKind, type UpdateShape } from './updateShape';

/**
 * Checks of an update's shape (from the inspection worker) against the doc, on the main thread. Each costs a
 * few lookups per client, per deleted range or per anchor, never a pass over the update. The first three work
 * on what the doc holds (`DocHoldings`: a live doc or its stored bytes), so read-only traffic does not need a
 * built Y.Doc; the nesting check needs the doc's types.
 */

/** True when the update needs clocks the doc does not hold: it would wait in memory, maybe forever. */
export function hasMissingDependencies(shape: UpdateShape, doc: DocHoldings): boolean {
  const { needs } = shape;
  for (let i = 0; i < needs.length; i += 2) {
    if (doc.clockOf(needs[i] as number) < (needs[i + 1] as number)) return true;
  }
  return false;
}

/**
 * True when applying the update would add nothing the doc does not hold: every struct is already there and
 * every deletion already applied. Such an update (the empty sync step 2 every client sends on connect, a
 * resent update) is not a write (DESIGN.md §5).
 */
export function addsNothing(shape: UpdateShape, doc: DocHoldings): boolean {
  const { ends, deletes } = shape;
  for (let i = 0; i < ends.length; i += 2) {
    if (doc.clockOf(ends[i] as number) < (ends[i + 1] as number)) return false;
  }
  for (let i = 0; i < deletes.length; i += 3) {
    if (!doc.isDeletedRange(deletes[i] as number, deletes[i + 1] as number, deletes[i + 2] as number)) return false;
  }
  return true;
}

/** The clients the update adds structs for, beyond what the doc holds. */
export function clientsAdded(shape: UpdateShape, doc: DocHoldings): number[] {
  const added: number[] = [];
  const { ends } = shape;
  for (let i = 0; i < ends.length; i += 2) {
    const client = ends[i] as number;
    if (doc.clockOf(client) < (ends[i + 1] as number)) added.push(client);
  }
  return added;
}

/**
 * True when a struct of the update begins in clocks the doc holds and goes on past them where the doc holds a
 * collected (GC) struct. Yjs continues such an item from the doc's struct before the overlap as its left
 * neighbour; when that one is collected but the item's parent is alive, Yjs throws halfway through applying
 * (found by the fuzzer, seed 561526661). An honest resend can look like this too (its type was deleted and
 * collected; then Yjs collects the item as well), so a hit only means: try it on a copy first
 * (`appliesToCopy`).
 */
export function continuesCollectedStruct(shape: UpdateShape, doc: Y.Doc): boolean {
  const { runs } = shape;
  for (let i = 0; i < runs.length; i += 3) {
    const client = runs[i] as number;
    const held = Y.getState(doc.store, client);
    if (held <= (runs[i + 1] as number) || held >= (runs[i + 2] as number)) continue;
    const structs = doc.store.clients.get(client) ?? [];
    if (structs[Y.findIndexSS(structs, held - 1)] instanceof Y.GC) return true;
  }
  return false;
}

/**
 * Applies the update to a copy of the doc and says whether Yjs got through it. A pass over the whole doc, so
 * only for the rare update `continuesCollectedStruct` points at: the live doc must never see a throw halfway
 * through a transaction.
 */
export function appliesToCopy(doc: Y.Doc, update: Uint8Array): boolean {
  const copy = new Y.Doc({ gc: doc.gc });
  try {
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    Y.applyUpdate(copy, update);
    return true;
  } catch {
    return false;
  } finally {
    copy.destroy();
  }
}

/**
 * The deepest type nesting the update reaches below types already in the doc (1 = a root). Call only when
 * `hasMissingDependencies` is false: every anchor is then in the doc.
 */
export function deepestAnchoredNesting(shape: UpdateShape, doc: Y.Doc, maxDepth: number): number {
  let deepest = 0;
  const { anchors } = shape;
  for (let i = 0; i < anchors.length; i += 4) {
    const item = itemAt(doc, anchors[i + 1] as number, anchors[i + 2] as number);
    if (!item) continue; // GC: whatever points there becomes GC too
    const type = anchors[i] === AnchorKind.typeItem ? typeOf(item) : (item.parent as Y.AbstractType<unknown> | null);
    if (!type) continue;
    deepest = Math.max(deepest, depthOf(type, maxDepth) + (anchors[i + 3] as number));
  }
  return deepest;
}

function itemAt(doc: Y.Doc, client: number, clock: number): Y.Item | undefined {
  const structs = doc.store.clients.get(client);
  if (!structs || Y.getState(doc.store, client) <= clock) return undefined;
  const struct = structs[Y.findIndexSS(structs, clock)];
  return struct instanceof Y.Item ? struct : undefined;
}

function typeOf(item: Y.Item): Y.AbstractType<unknown> | undefined {
  return item.content instanceof Y.ContentType ? item.content.type : undefined;
}

/** A root is 1; stops counting past `limit` (the doc's own nesting was checked when it came in). */
function depthOf(type: Y.AbstractType<unknown>, limit: number): number {
  let depth = 1;
  for (let t = type; t._item !== null && depth <= limit; depth++) t = t._item.parent as Y.AbstractType<unknown>;
  return depth;
}
