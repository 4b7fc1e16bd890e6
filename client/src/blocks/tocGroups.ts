import { BLOCK_INFO, type BlockKey } from '../../../shared/src/schema/blockCatalog';

/** A run of blocks of one venster (0: the plankop above the vensters). */
export interface VensterGroup {
  readonly venster: 0 | 1 | 2 | 3 | 4;
  readonly blocks: readonly BlockKey[];
}

/**
 * The blocks grouped by venster, keeping the plan's own order (`readBlockOrder`): consecutive blocks of
 * one venster form a group, so a template that puts the netwerk first shows that as its own group.
 *
 * @example vensterGroups(['plankop', 'gezin', 'netwerk', 'zorgen']) // [{0,[plankop]}, {1,[gezin,netwerk]}, {2,[zorgen]}]
 */
export function vensterGroups(order: readonly BlockKey[]): VensterGroup[] {
  const groups: { venster: VensterGroup['venster']; blocks: BlockKey[] }[] = [];
  for (const block of order) {
    const venster = BLOCK_INFO[block].venster;
    const last = groups.at(-1);
    if (last && last.venster === venster) last.blocks.push(block);
    else groups.push({ venster, blocks: [block] });
  }
  return groups;
}
