import { anchorPlace, placeKey } from '../../../shared/src/comments/anchorPlace';
import type { ItemAnchor } from '../../../shared/src/comments/threadAnchor';
import { translate } from '../../../shared/src/i18n/translate';
import { PROFESSIONEEL } from '../../../shared/src/schema/docNames';
import { useComments } from './commentsData';

/** The list an item card belongs to, as a comment anchor names it (`parent` for an action of a goal). */
export type CommentList = Omit<ItemAnchor, 'kind' | 'itemId'>;

/**
 * "Opmerking" on an item card (issue #7): starts a thread on the item in its block's column, and says how many
 * threads the item has. Shown to members who may start a thread.
 */
export function ItemCommentButton({ list, itemId, title }: { list: CommentList; itemId: string; title: string }) {
  const comments = useComments();
  if (!comments || !(comments.mayStart.iedereen || comments.mayStart.professionals)) return null;
  const anchor: ItemAnchor = { kind: 'item', ...list, itemId };
  const count = comments.visible.filter((t) => t.anchor.kind === 'item' && t.anchor.itemId === itemId).length;
  const start = () =>
    comments.startDraft({
      anchor,
      placeKey: placeKey(anchorPlace(anchor)),
      label: translate('opmerkingen.anker.item', { item: title }),
      internOnly: list.docName === PROFESSIONEEL,
    });
  return (
    <button type="button" className="tool-button comment-button" onClick={start} data-comment-count={count}>
      {translate('opmerkingen.item.knop')}
      <span className="visually-hidden"> {translate('opmerkingen.item.bij', { item: title })}</span>
      {count > 0 && ` (${count})`}
    </button>
  );
}
