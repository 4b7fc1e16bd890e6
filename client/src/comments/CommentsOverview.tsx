import { useId, type MouseEvent } from 'react';
import { formatAuditTime } from '../../../shared/src/audit/auditSummary';
import { hasUnreadMention, isUnread, PARTIES, type ThreadFilter } from '../../../shared/src/comments/threadViews';
import { translate } from '../../../shared/src/i18n/translate';
import { whoText } from '../blocks/attributionText';
import { usePlanData } from '../blocks/planData';
import { describeAnchor } from './anchorDescription';
import { useComments, type ThreadEntry } from './commentsData';
import { ThreadCard, threadElementId } from './ThreadCard';

/** The anchor of the comments overview (the plan header links here). */
export const COMMENTS_ANCHOR = 'opmerkingen';

const STATUSES = ['alle', 'open', 'opgelost'] as const;

/**
 * "Opmerkingen" (issue #7): the filters — by party, open or resolved, "reacties op mijn tekst" — which also
 * apply to the threads beside the blocks; a list of the threads that pass, each linking to its thread; and in
 * full the threads whose place is not on this page.
 */
export function CommentsOverview() {
  const id = useId();
  const comments = useComments();
  const data = usePlanData();
  if (!comments) return null;
  const { filter, setFilter, visible, threads, unread, marks, me } = comments;
  const set = (patch: Partial<ThreadFilter>) => setFilter({ ...filter, ...patch });
  const elsewhere = visible.filter((t) => t.place.kind === 'overzicht');

  return (
    <section id={COMMENTS_ANCHOR} className="plan-section comments-overview" aria-labelledby={`${id}-h`} data-testid="opmerkingen">
      <h2 id={`${id}-h`}>{translate('opmerkingen.titel')}</h2>
      <p className="section-hint">{translate('opmerkingen.uitleg')}</p>
      <fieldset className="filter">
        <legend>{translate('opmerkingen.filter.legend')}</legend>
        <div className="filter__fields">
          <div className="field">
            <label htmlFor={`${id}-partij`}>{translate('opmerkingen.filter.partij')}</label>
            <select id={`${id}-partij`} value={filter.party} onChange={(e) => set({ party: e.target.value as ThreadFilter['party'] })}>
              <option value="alle">{translate('opmerkingen.filter.partij.alle')}</option>
              {PARTIES.map((p) => (
                <option key={p} value={p}>
                  {translate(`partij.${p}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-status`}>{translate('opmerkingen.filter.status')}</label>
            <select id={`${id}-status`} value={filter.status} onChange={(e) => set({ status: e.target.value as ThreadFilter['status'] })}>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {translate(`opmerkingen.filter.status.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <label className="filter__choice" htmlFor={`${id}-mijn`}>
            <input id={`${id}-mijn`} type="checkbox" checked={filter.mijnTekst} onChange={(e) => set({ mijnTekst: e.target.checked })} />
            {translate('opmerkingen.filter.mijnTekst')}
          </label>
        </div>
      </fieldset>
      <p className="muted small" aria-live="polite">
        {translate('opmerkingen.aantal', { count: visible.length, total: threads.length })}
        {unread.threads > 0 && (
          <>
            {' '}
            <button type="button" className="link-button" onClick={() => comments.markRead(threads)}>
              {translate('opmerkingen.allesGelezen')}
            </button>
          </>
        )}
      </p>
      {visible.length === 0 ? (
        <p className="muted">{translate('opmerkingen.leeg')}</p>
      ) : (
        <ul className="thread-index">
          {visible.map((t) => (
            <li key={`${t.channel}/${t.draad.id}`} className={t.intern ? 'thread-index__item thread-index__item--intern' : 'thread-index__item'}>
              <a href={`#${threadElementId(t.draad.id)}`} onClick={(e) => reveal(e, t)}>
                {describeAnchor(t.anchor, t.place, data, null).text}
              </a>
              <span className="thread-index__meta">
                {whoText(t.draad.created)} · {formatAuditTime(t.draad.created.at)} · {translate(t.draad.status === 'opgelost' ? 'opmerkingen.draad.opgelost' : 'opmerkingen.draad.open')}
                {t.intern && ` · ${translate('opmerkingen.draad.intern')}`}
              </span>
              {isUnread(t.draad, marks[t.draad.id], me.memberId) && <span className="badge badge--new">{translate('opmerkingen.draad.nieuw')}</span>}
              {hasUnreadMention(t.draad, marks[t.draad.id], me.memberId) && <span className="badge badge--mention">{translate('opmerkingen.draad.voorU')}</span>}
            </li>
          ))}
        </ul>
      )}
      {elsewhere.length > 0 && (
        <div className="comments-overview__elsewhere">
          <p>{translate('opmerkingen.elders')}</p>
          {elsewhere.map((t) => (
            <ThreadCard key={`${t.channel}/${t.draad.id}`} entry={t} />
          ))}
        </div>
      )}
    </section>
  );
}

/**
 * A thread in someone else's own part sits in a closed "Zo zien anderen het" view: open that view first, then
 * go to the thread and give it focus.
 */
function reveal(e: MouseEvent<HTMLAnchorElement>, entry: ThreadEntry): void {
  const targetId = threadElementId(entry.draad.id);
  const focus = (el: HTMLElement) => {
    el.scrollIntoView({ block: 'start' });
    el.focus();
  };
  const el = document.getElementById(targetId);
  e.preventDefault();
  if (el) return focus(el);
  if (entry.place.kind !== 'eigen') return;
  const view = document.querySelector<HTMLDetailsElement>(`details[data-member-id="${entry.place.memberId}"]`);
  if (!view) return;
  view.open = true;
  let tries = 0;
  const wait = () => {
    const found = document.getElementById(targetId);
    if (found) focus(found);
    else if ((tries += 1) < 30) requestAnimationFrame(wait);
  };
  requestAnimationFrame(wait);
}
