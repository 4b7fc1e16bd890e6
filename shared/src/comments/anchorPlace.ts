import { BLOCK_INFO, EIGEN_BLOCK_INFO, EIGEN_BLOCKS, GEZAMENLIJK_BLOCKS, type BlockKey, type EigenBlockKey } from '../schema/blockCatalog';
import { parseDocName } from '../schema/docNames';
import type { ReadAnchor } from './threadAnchor';

/**
 * Where the plan page shows a thread: beside the block its anchor is in (a block of `gezamenlijk`, a block of
 * someone's own doc, the professionals' part), or in the comments overview when its place is not known.
 */
export type ThreadPlace =
  | { readonly kind: 'block'; readonly block: BlockKey }
  | { readonly kind: 'eigen'; readonly memberId: string; readonly block: EigenBlockKey }
  | { readonly kind: 'professioneel' }
  | { readonly kind: 'version'; readonly versionNumber: number; readonly section: string }
  | { readonly kind: 'overzicht' };

const OVERZICHT: ThreadPlace = { kind: 'overzicht' };

/**
 * The place of an anchor: the block whose prose field, list or key it names.
 *
 * @example anchorPlace({ kind: 'item', docName: 'gezamenlijk', list: 'zorgen', itemId: 'z1' }) // { kind: 'block', block: 'zorgen' }
 */
export function anchorPlace(anchor: ReadAnchor): ThreadPlace {
  if (anchor.kind === 'unknown') return OVERZICHT;
  if (anchor.kind === 'version') return { kind: 'version', versionNumber: anchor.versionNumber, section: anchor.blockPath[0] ?? '' };
  const doc = parseDocName(anchor.docName);
  if (!doc || doc.kind === 'opmerkingen') return OVERZICHT;
  if (doc.kind === 'professioneel') return { kind: 'professioneel' };
  const matches = (info: { lists: readonly string[]; prose: readonly string[] }, key: string): boolean => {
    switch (anchor.kind) {
      case 'text':
        return info.prose.includes(anchor.field);
      case 'item':
        return info.lists.includes(anchor.list);
      case 'block':
        return key === anchor.block;
      default: {
        const never: never = anchor;
        return never;
      }
    }
  };
  if (doc.kind === 'gezamenlijk') {
    const block = GEZAMENLIJK_BLOCKS.find((b) => matches(BLOCK_INFO[b], b));
    return block ? { kind: 'block', block } : OVERZICHT;
  }
  const block = EIGEN_BLOCKS.find((b) => matches(EIGEN_BLOCK_INFO[b], b));
  return block ? { kind: 'eigen', memberId: doc.memberId, block } : OVERZICHT;
}

/** A string naming a place, to group threads by. Example: `placeKey({ kind: 'block', block: 'zorgen' })` → `block:zorgen`. */
export function placeKey(place: ThreadPlace): string {
  switch (place.kind) {
    case 'block':
      return `block:${place.block}`;
    case 'eigen':
      return `eigen:${place.memberId}:${place.block}`;
    case 'version':
      return `version:${place.versionNumber}:${place.section}`;
    case 'professioneel':
    case 'overzicht':
      return place.kind;
    default: {
      const never: never = place;
      return never;
    }
  }
}
