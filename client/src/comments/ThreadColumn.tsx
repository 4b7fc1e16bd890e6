import { useEffect, useState } from 'react';
import { placeKey, type ThreadPlace } from '../../../shared/src/comments/anchorPlace';
import type { AnchorInput } from '../../../shared/src/comments/threadAnchor';
import { translate } from '../../../shared/src/i18n/translate';
import { startThread } from '../api/apiClient';
import { CommentComposer } from './CommentComposer';
import { useComments, type CommentDraft } from './commentsData';
import { ThreadCard, threadElementId } from './ThreadCard';

interface ThreadColumnProps {
  readonly place: ThreadPlace;
  /** The block's name, for the column's label. */
  readonly blockLabel: string;
  /** The anchor of "Opmerking bij dit blok"; none where a block cannot be commented on as a whole. */
  readonly blockAnchor: AnchorInput | null;
  /** A thread on the block is always "alleen professionals" (the professionals' part of a version). */
  readonly internOnly?: boolean;
}

/**
 * The threads beside one block (under it on a narrow screen), the form for a new thread on something in the
 * block, and "Opmerking bij dit blok" (issue #7). Shows nothing where there is nothing to show or do.
 */
export function ThreadColumn({ place, blockLabel, blockAnchor, internOnly = false }: ThreadColumnProps) {
  const comments = useComments();
  const [focusId, setFocusId] = useState<string | null>(null);
  const key = placeKey(place);
  const threads = comments?.byPlace.get(key) ?? [];
  const draft = comments?.draft?.placeKey === key ? comments.draft : null;

  // A new thread arrives by sync a moment after the post: move focus to it then, so keyboard users land on it.
  useEffect(() => {
    if (focusId === null || !threads.some((t) => t.draad.id === focusId)) return;
    document.getElementById(threadElementId(focusId))?.focus();
    setFocusId(null);
  }, [focusId, threads]);

  if (!comments) return null;
  const mayStart = internOnly ? comments.mayStart.professionals : comments.mayStart.iedereen || comments.mayStart.professionals;
  if (threads.length === 0 && !draft && !(blockAnchor && mayStart)) return null;
  const startBlockThread = () => {
    if (!blockAnchor) return;
    comments.startDraft({ anchor: blockAnchor, placeKey: key, label: translate('opmerkingen.anker.blok', { blok: blockLabel }), internOnly });
  };

  return (
    <aside className="thread-column" aria-label={translate('opmerkingen.kolom', { blok: blockLabel })} data-place={key}>
      {draft && <NewThread draft={draft} onPosted={setFocusId} />}
      {threads.map((t) => (
        <ThreadCard key={`${t.channel}/${t.draad.id}`} entry={t} />
      ))}
      {blockAnchor && mayStart && !draft && (
        <button type="button" className="link-button comment-start" onClick={startBlockThread}>
          {translate('opmerkingen.blok.nieuw')}
        </button>
      )}
    </aside>
  );
}

function NewThread({ draft, onPosted }: { draft: CommentDraft; onPosted: (draadId: string) => void }) {
  const comments = useComments();
  if (!comments) return null;
  const { mayStart } = comments;
  const channelChoice = draft.internOnly ? 'internOnly' : mayStart.iedereen && mayStart.professionals ? 'choose' : 'none';
  return (
    <div className="thread thread--draft" data-testid="new-thread">
      <p className="thread__anchor">{draft.label}</p>
      <CommentComposer
        // A new draft (another selection) starts a fresh form.
        key={JSON.stringify(draft.anchor)}
        labelKey="opmerkingen.composer.label"
        submitKey="opmerkingen.composer.plaatsen"
        channelChoice={channelChoice}
        intern={draft.internOnly}
        onSubmit={(tekst, intern) => startThread(comments.planId, intern ? 'professionals' : 'iedereen', draft.anchor, tekst).then((r) => onPosted(r.draadId))}
        onDone={comments.endDraft}
      />
    </div>
  );
}
