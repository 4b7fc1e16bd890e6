import { useState } from 'react';
import { formatAuditTime } from '../../../shared/src/audit/auditSummary';
import { mentionParts } from '../../../shared/src/comments/commentText';
import { translate } from '../../../shared/src/i18n/translate';
import { can } from '../../../shared/src/permissions/can';
import { ROLE_COLORS } from '../../../shared/src/permissions/roles';
import type { Reactie } from '../../../shared/src/schema/blocks/opmerkingen';
import { ApiError, deleteComment, editComment } from '../api/apiClient';
import { whoText } from '../blocks/attributionText';
import { CommentComposer } from './CommentComposer';
import { useComments, type ThreadEntry } from './commentsData';

/**
 * One comment of a thread: who wrote it (name, role, the party's colour), when, and the text with its @mentions;
 * "verwijderd" in place once its author deleted it. Its author may edit or delete it — nobody else (issue #7).
 */
export function CommentItem({ entry, reactie }: { entry: ThreadEntry; reactie: Reactie }) {
  const comments = useComments();
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!comments) return null;
  const { planId, me, rights } = comments;
  const deleted = reactie.verwijderdOp !== null;
  const target = { intern: entry.intern, commentAuthorId: reactie.created.memberId };
  const mayChange = !deleted && can(me, 'editComment', target, rights);
  const mentionsMe = !deleted && reactie.vermeldingen.includes(me.memberId);

  const remove = () => {
    if (!window.confirm(translate('opmerkingen.reactie.verwijderVraag'))) return;
    setError(null);
    deleteComment(planId, entry.channel, entry.draad.id, reactie.id).catch((e: unknown) => setError(e instanceof ApiError ? e.message : translate('error.server')));
  };

  return (
    <li className="comment" style={{ borderLeftColor: ROLE_COLORS[reactie.created.role] }} data-comment-id={reactie.id}>
      <p className="comment__meta">
        <span className="role-dot" style={{ backgroundColor: ROLE_COLORS[reactie.created.role] }} aria-hidden="true" />
        <span className="comment__who">{whoText(reactie.created)}</span>
        <span className="muted"> · {formatAuditTime(reactie.created.at)}</span>
        {reactie.bewerktOp && !deleted && <span className="muted"> {translate('opmerkingen.reactie.bewerkt')}</span>}
      </p>
      {deleted ? (
        <p className="comment__text comment__text--deleted">{translate('opmerkingen.reactie.verwijderd')}</p>
      ) : editing ? (
        <CommentComposer
          labelKey="opmerkingen.composer.bewerkLabel"
          submitKey="opmerkingen.composer.opslaan"
          initial={reactie.tekst}
          channelChoice="none"
          intern={entry.intern}
          onSubmit={(tekst) => editComment(planId, entry.channel, entry.draad.id, reactie.id, tekst)}
          onDone={() => setEditing(false)}
        />
      ) : (
        <p className={mentionsMe ? 'comment__text comment__text--for-me' : 'comment__text'}>
          {mentionParts(reactie.tekst, comments.members).map((part, i) =>
            part.kind === 'mention' ? (
              <strong key={i} className={part.memberId === me.memberId ? 'mention mention--me' : 'mention'}>
                {part.text}
              </strong>
            ) : (
              <span key={i}>{part.text}</span>
            ),
          )}
        </p>
      )}
      {mayChange && !editing && (
        <p className="comment__tools">
          <button type="button" className="link-button" onClick={() => setEditing(true)}>
            {translate('opmerkingen.reactie.bewerken')}
          </button>
          <button type="button" className="link-button link-button--danger" onClick={remove}>
            {translate('opmerkingen.reactie.verwijderen')}
          </button>
        </p>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}
