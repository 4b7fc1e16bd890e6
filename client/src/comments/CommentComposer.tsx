import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { MessageKey } from '../../../shared/src/i18n/nl';
import { translate } from '../../../shared/src/i18n/translate';
import { commentLength, commentTextProblem, MAX_COMMENT_LENGTH, normalizeCommentText } from '../../../shared/src/comments/commentText';
import { commentDocName } from '../../../shared/src/schema/docNames';
import { docAccess } from '../../../shared/src/permissions/docAccess';
import { ApiError } from '../api/apiClient';
import { useComments } from './commentsData';

export interface CommentComposerProps {
  readonly labelKey: MessageKey;
  readonly submitKey: MessageKey;
  readonly initial?: string;
  /** Offer "Alleen voor professionals" (a new thread by a professional); `internOnly` fixes it on. */
  readonly channelChoice: 'none' | 'choose' | 'internOnly';
  /** The channel mentions are for: only members who read it are offered. */
  readonly intern: boolean;
  readonly onSubmit: (tekst: string, intern: boolean) => Promise<unknown>;
  readonly onDone: () => void;
}

/**
 * The form for a comment, a reply or an edit (issue #7): plain text with line breaks, a counter to 5,000
 * characters, "Iemand noemen" to insert an @mention, and for professionals the "Alleen voor professionals"
 * choice. The server's Dutch message shows when it refuses.
 */
export function CommentComposer(props: CommentComposerProps) {
  const comments = useComments();
  const id = useId();
  const textRef = useRef<HTMLTextAreaElement>(null);
  const [text, setText] = useState(props.initial ?? '');
  const [intern, setIntern] = useState(props.channelChoice === 'internOnly' || props.intern);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const el = textRef.current;
    if (!el) return;
    el.focus();
    el.scrollIntoView({ block: 'nearest' });
  }, []);

  if (!comments) return null;
  const channelDoc = commentDocName(intern);
  const mentionable = comments.members.filter((m) => m.memberId !== comments.me.memberId && docAccess(m, channelDoc, comments.rights) !== 'none');
  const count = commentLength(text);

  const insertMention = (memberId: string) => {
    const member = comments.members.find((m) => m.memberId === memberId);
    const el = textRef.current;
    if (!member || !el) return;
    const at = el.selectionStart ?? text.length;
    const before = text.slice(0, at);
    const mention = `${before === '' || /\s$/.test(before) ? '' : ' '}@${member.name} `;
    setText(`${before}${mention}${text.slice(el.selectionEnd ?? at)}`);
    requestAnimationFrame(() => {
      el.focus();
      el.setSelectionRange(at + mention.length, at + mention.length);
    });
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const tekst = normalizeCommentText(text);
    const problem = commentTextProblem(tekst);
    if (problem) {
      setError(translate(problem));
      textRef.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await props.onSubmit(tekst, intern);
      props.onDone();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : translate('error.server'));
      setBusy(false);
    }
  };

  return (
    <form className="comment-form" onSubmit={(e) => void submit(e)} data-testid="comment-form">
      <label htmlFor={`${id}-text`} className="comment-form__label">
        {translate(props.labelKey)}
      </label>
      <textarea
        id={`${id}-text`}
        ref={textRef}
        className="comment-form__text"
        rows={3}
        value={text}
        aria-describedby={`${id}-count`}
        aria-invalid={error !== null || count > MAX_COMMENT_LENGTH}
        onChange={(e) => setText(e.target.value)}
      />
      <p id={`${id}-count`} className={count > MAX_COMMENT_LENGTH ? 'comment-form__count comment-form__count--over' : 'comment-form__count'}>
        {translate('opmerkingen.composer.tekens', { count: count.toLocaleString('nl-NL') })}
      </p>
      {mentionable.length > 0 && (
        <div className="comment-form__row">
          <label htmlFor={`${id}-mention`}>{translate('opmerkingen.composer.noemen')}</label>
          <select id={`${id}-mention`} value="" onChange={(e) => insertMention(e.target.value)}>
            <option value="">{translate('opmerkingen.composer.noemenKies')}</option>
            {mentionable.map((m) => (
              <option key={m.memberId} value={m.memberId}>
                {m.name} ({translate(`role.${m.role}`)})
              </option>
            ))}
          </select>
        </div>
      )}
      {props.channelChoice === 'choose' && (
        <div className="comment-form__intern">
          <input id={`${id}-intern`} type="checkbox" checked={intern} onChange={(e) => setIntern(e.target.checked)} aria-describedby={`${id}-intern-hint`} />
          <label htmlFor={`${id}-intern`}>{translate('opmerkingen.composer.intern')}</label>
          <p id={`${id}-intern-hint`} className="muted small">
            {translate('opmerkingen.composer.internUitleg')}
          </p>
        </div>
      )}
      {props.channelChoice === 'internOnly' && <p className="muted small">{translate('opmerkingen.composer.altijdIntern')}</p>}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="comment-form__buttons">
        <button type="submit" className="primary-button" disabled={busy}>
          {busy ? translate('action.busy') : translate(props.submitKey)}
        </button>
        <button type="button" className="secondary-button" onClick={props.onDone} disabled={busy}>
          {translate('action.cancel')}
        </button>
      </div>
    </form>
  );
}
