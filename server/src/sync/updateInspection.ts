import * as Y from 'yjs';

/**
 * The root names an update writes into directly (items whose parent is a root type). Used to refuse updates
 * that would create a root outside the doc type's allowlist (DESIGN.md §4). Throws on a malformed update.
 */
export function rootNamesWritten(update: Uint8Array): Set<string> {
  const names = new Set<string>();
  const { structs } = Y.decodeUpdate(update);
  for (const struct of structs) {
    if (struct instanceof Y.Item && typeof struct.parent === 'string') names.add(struct.parent);
  }
  return names;
}

/**
 * True when applying the update would add nothing the doc does not hold: every struct is already covered by
 * the doc's state vector and every deletion is already applied. Such an update (the empty sync step 2 every
 * client sends on connect, a resent update) is not a write (DESIGN.md §5). Throws on a malformed update.
 */
export function addsNothing(doc: Y.Doc, update: Uint8Array): boolean {
  const { structs, ds } = Y.decodeUpdate(update);
  for (const struct of structs) {
    if (struct instanceof Y.Skip) continue;
    if (Y.getState(doc.store, struct.id.client) < struct.id.clock + struct.length) return false;
  }
  if (ds.clients.size === 0) return true;
  // Deletions only: compare against the doc's delete set (built on demand; this path is rare and read-only).
  const current = Y.createDeleteSetFromStructStore(doc.store);
  return Y.equalDeleteSets(current, Y.mergeDeleteSets([current, ds]));
}
