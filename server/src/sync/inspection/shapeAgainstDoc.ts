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
