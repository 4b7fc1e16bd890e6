import { describe, expect, it } from 'vitest';
import { vensterGroups } from '../../../../client/src/blocks/tocGroups';
import { GEZAMENLIJK_BLOCKS } from '../../../../shared/src/schema/blockCatalog';

describe('vensterGroups', () => {
  it('groups the default order into the plankop and the four vensters', () => {
    expect(vensterGroups(GEZAMENLIJK_BLOCKS).map((g) => [g.venster, g.blocks.length])).toEqual([
      [0, 1],
      [1, 2],
      [2, 3],
      [3, 3],
      [4, 3],
    ]);
  });

  it('keeps a template’s own order: the netwerk first makes its own group', () => {
    expect(vensterGroups(['netwerk', 'plankop', 'gevaarszinnen', 'gezin'])).toEqual([
      { venster: 1, blocks: ['netwerk'] },
      { venster: 0, blocks: ['plankop'] },
      { venster: 3, blocks: ['gevaarszinnen'] },
      { venster: 1, blocks: ['gezin'] },
    ]);
  });
});
