import { translate } from '../../../shared/src/i18n/translate';
import { useComments } from './commentsData';
import { COMMENTS_ANCHOR } from './CommentsOverview';

/**
 * "Opmerkingen · 2 nieuw · 1 voor u" in the plan header (issue #7): threads with news since the member last
 * read them, and unread comments that mention them. Links to the comments overview.
 */
export function CommentsHeaderLink() {
  const comments = useComments();
  if (!comments) return null;
  const { threads, mentions } = comments.unread;
  return (
    <a
      href={`#${COMMENTS_ANCHOR}`}
      className="secondary-button secondary-button--small comments-link"
      data-testid="comments-link"
      data-threads={threads}
      data-mentions={mentions}
    >
      {translate('opmerkingen.titel')}
      {threads > 0 && <span className="comments-link__count">{translate('opmerkingen.header.nieuw', { count: threads })}</span>}
      {mentions > 0 && <span className="comments-link__count comments-link__count--mention">{translate('opmerkingen.header.voorU', { count: mentions })}</span>}
    </a>
  );
}
