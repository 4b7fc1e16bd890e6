import type * as Y from 'yjs';
import { resolveTextRange } from '../../../shared/src/comments/anchorRange';
import { clampQuote } from '../../../shared/src/comments/commentText';
import type { AnchorDoc, PlanAnchorInput } from '../../../shared/src/comments/threadAnchor';
import type { StoredAnchor } from '../../../shared/src/schema/blocks/opmerkingen';
import type { ItemMeta } from '../../../shared/src/schema/fields';
import { nestedList, type ListAccessor } from '../../../shared/src/schema/lists';
import { proseV2, type ProseKeyV2 } from '../../../shared/src/schema/proseV2';
import { listsOf } from '../../../shared/src/schema/registryV2';
import { Invalid } from '../errors';

/** An anchor checked against the doc it points into: what to store, and whose words it is about. */
export interface VerifiedAnchor {
  readonly anker: StoredAnchor;
  readonly over: readonly string[];
}

/**
 * Checks a new thread's anchor against the server's own copy of the doc (issue #7): the text range is there and
 * not empty — its quote is taken from that copy, never from the client — or the item exists. Throws `Invalid`
 * with a Dutch message otherwise. `over` names the members whose words it points at: the item's author (and the
 * child written for), the owner of an own doc.
 */
export function verifyAnchor(doc: Y.Doc, anchor: PlanAnchorInput, target: AnchorDoc): VerifiedAnchor {
  const owner = target.kind === 'eigen' ? [target.memberId] : [];
  switch (anchor.kind) {
    case 'text': {
      const fragment = proseV2(doc, target.kind, anchor.field as ProseKeyV2<typeof target.kind>);
      const found = resolveTextRange(doc, fragment, anchor.start, anchor.end);
      if (found.state === 'deleted') throw new Invalid('anchor text', 'opmerking.fout.tekstWeg');
      return { anker: { ...anchor, quote: clampQuote(found.text) }, over: owner };
    }
    case 'item': {
      const item = findItem(doc, target, anchor);
      if (!item) throw new Invalid('anchor item', 'opmerking.fout.onderdeelWeg');
      const authors = [item.created.memberId, ...(item.created.namens ? [item.created.namens.memberId] : []), ...owner];
      return { anker: { ...anchor }, over: [...new Set(authors)] };
    }
    case 'block':
      return { anker: { ...anchor }, over: owner };
    default: {
      const never: never = anchor;
      return never;
    }
  }
}

function findItem(doc: Y.Doc, target: AnchorDoc, anchor: Extract<PlanAnchorInput, { kind: 'item' }>): ItemMeta | undefined {
  const list = listsOf(target.kind)[anchor.list];
  if (!list) return undefined;
  if (!anchor.parent) return list.read(doc).find((i) => i.id === anchor.itemId);
  // `parseAnchorInput` checked that the parent field is a list field of this list.
  const nested = nestedList(list as unknown as ListAccessor<Record<string, never>>, anchor.parent.field as never);
  return (nested.read(doc, anchor.parent.itemId) as readonly ItemMeta[]).find((i) => i.id === anchor.itemId);
}
