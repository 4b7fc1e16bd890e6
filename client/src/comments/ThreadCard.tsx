import { useId, useState } from 'react';
import { formatAuditTime } from '../../../shared/src/audit/auditSummary';
import { hasUnreadMention, isUnread } from '../../../shared/src/comments/threadViews';
import { translate } from '../../../shared/src/i18n/translate';
import { can } from '../../../shared/src/permissions/can';
import { ApiError, copyThreadToAll, replyToThread, setThreadStatus } from '../api/apiClient';
import { whoText } from '../blocks/attributionText';
import { useAnchorDescription } from './anchorDescription';
import { CommentComposer } from './CommentComposer';
import { CommentItem } from './CommentItem';
import { useComments, type ThreadEntry } from './commentsData';

/** The element id of a thread, for links from the overview and the header. */
export function threadElementId(draadId: string): string {
  return `draad-${draadId}`;
}

/**
 * One thread (issue #7): what it is about (the quote once the text is deleted), open or resolved, "alleen
 * professionals", new or mentioning the reader, its comments, and what the reader may do: reply, resolve or
 * reopen, copy to everyone (with a question that says what that means), mark read.
 */
export function ThreadCard({ entry }: { entry: ThreadEntry }) {
  const id = useId();
  const comments = useComments();
  const anchor = useAnchorDescription(entry.anchor, entry.place);
  const [replying, setReplying] = useState(false);
  const [confirmCopy, setConfirmCopy] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!comments) return null;
  const { planId, me, rights, marks } = comments;
  const { draad } = entry;
  const starter = draad.created;
  const target = { intern: entry.intern, threadStarterId: starter.memberId };
  const unread = isUnread(draad, marks[draad.id], me.memberId);
  const forMe = hasUnreadMention(draad, marks[draad.id], me.memberId);
  const resolved = draad.status === 'opgelost';

  const run = (action: () => Promise<unknown>, after?: () => void) => {
    setBusy(true);
    setError(null);
    action()
      .then(() => after?.())
      .catch((e: unknown) => setError(e instanceof ApiError ? e.message : translate('error.server')))
      .finally(() => setBusy(false));
  };

  return (
    <article
      id={threadElementId(draad.id)}
      className={`thread${entry.intern ? ' thread--intern' : ''}${resolved ? ' thread--resolved' : ''}${anchor.gone ? ' thread--gone' : ''}`}
      aria-label={translate('opmerkingen.draad.label', { wie: whoText(starter) })}
      data-thread-id={draad.id}
      data-status={draad.status}
      data-intern={entry.intern}
      tabIndex={-1}
    >
      <div className="badge-row thread__badges">
        <span className={resolved ? 'badge badge--resolved' : 'badge badge--open'}>{translate(resolved ? 'opmerkingen.draad.opgelost' : 'opmerkingen.draad.open')}</span>
        {entry.intern && <span className="badge badge--intern">{translate('opmerkingen.draad.intern')}</span>}
        {unread && <span className="badge badge--new">{translate('opmerkingen.draad.nieuw')}</span>}
        {forMe && <span className="badge badge--mention">{translate('opmerkingen.draad.voorU')}</span>}
      </div>
      <p className={anchor.gone ? 'thread__anchor thread__anchor--gone' : 'thread__anchor'}>
        {anchor.href ? <a href={anchor.href}>{anchor.text}</a> : anchor.text}
      </p>
      {draad.gekopieerdUit && (
        <p className="thread__note">
          {translate('opmerkingen.draad.gekopieerd', { wie: whoText(draad.gekopieerdUit.door), wanneer: formatAuditTime(draad.gekopieerdUit.door.at) })}
        </p>
      )}
      <ol className="thread__comments">
        {draad.reacties.map((r) => (
          <CommentItem key={r.id} entry={entry} reactie={r} />
        ))}
      </ol>
      {draad.statusDoor && (
        <p className="thread__note">
          {translate(resolved ? 'opmerkingen.draad.opgelostDoor' : 'opmerkingen.draad.heropendDoor', {
            wie: whoText(draad.statusDoor),
            wanneer: formatAuditTime(draad.statusDoor.at),
          })}
        </p>
      )}
      {replying ? (
        <CommentComposer
          labelKey="opmerkingen.composer.reactieLabel"
          submitKey="opmerkingen.composer.reageren"
          channelChoice="none"
          intern={entry.intern}
          onSubmit={(tekst) => replyToThread(planId, entry.channel, draad.id, tekst).then(() => comments.markRead([entry]))}
          onDone={() => setReplying(false)}
        />
      ) : (
        <div className="thread__tools">
          {can(me, 'replyToThread', target, rights) && (
            <button type="button" className="secondary-button secondary-button--small" onClick={() => setReplying(true)}>
              {translate('opmerkingen.draad.reageer')}
            </button>
          )}
          {can(me, 'resolveThread', target, rights) && (
            <button type="button" className="secondary-button secondary-button--small" disabled={busy} onClick={() => run(() => setThreadStatus(planId, entry.channel, draad.id, resolved ? 'open' : 'opgelost'))}>
              {translate(resolved ? 'opmerkingen.draad.heropenen' : 'opmerkingen.draad.oplossen')}
            </button>
          )}
          {can(me, 'copyThreadToAll', target, rights) && !confirmCopy && (
            <button type="button" className="secondary-button secondary-button--small" onClick={() => setConfirmCopy(true)}>
              {translate('opmerkingen.draad.kopieer')}
            </button>
          )}
          {unread && (
            <button type="button" className="link-button" onClick={() => comments.markRead([entry])}>
              {translate('opmerkingen.draad.gelezen')}
            </button>
          )}
        </div>
      )}
      {confirmCopy && (
        <div className="thread__confirm" role="group" aria-labelledby={`${id}-copy`}>
          <p id={`${id}-copy`}>{translate('opmerkingen.draad.kopieerVraag')}</p>
          <div className="thread__tools">
            <button type="button" className="primary-button secondary-button--small" disabled={busy} onClick={() => run(() => copyThreadToAll(planId, draad.id), () => setConfirmCopy(false))}>
              {translate('opmerkingen.draad.kopieerJa')}
            </button>
            <button type="button" className="secondary-button secondary-button--small" onClick={() => setConfirmCopy(false)}>
              {translate('action.cancel')}
            </button>
          </div>
        </div>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </article>
  );
}
