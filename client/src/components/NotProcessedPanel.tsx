import { useState, useSyncExternalStore } from 'react';
import { translate } from '../../../shared/src/i18n/translate';
import { useSyncStatusStore } from '../sync/syncStatusContext';
import type { NoticeEntry } from '../sync/syncStatusStore';

/**
 * "Niet verwerkt" (issue #6): text the server did not take, with the Dutch reason, to copy before it is gone.
 * The doc itself already shows the server's state again; this panel is the only place the text remains.
 */
export function NotProcessedPanel() {
  const store = useSyncStatusStore();
  // Only the notices: the rest of the store changes with every keystroke's message and its `saved`.
  const notices = useSyncExternalStore(store.subscribe, () => store.getSnapshot().notices);
  return (
    <div role="alert" className="not-processed-area">
      {notices.map((notice) => (
        <NoticeCard key={notice.id} notice={notice} onClose={() => store.dismissNotice(notice.id)} />
      ))}
    </div>
  );
}

function NoticeCard({ notice, onClose }: { notice: NoticeEntry; onClose: () => void }) {
  const [copied, setCopied] = useState(false);
  const text = notice.lines.join('\n');
  const textId = `not-processed-${notice.id}`;
  const copy = () => {
    void navigator.clipboard
      ?.writeText(text)
      .then(() => setCopied(true))
      .catch(() => {
        // Without clipboard rights the text is still selected, ready for Ctrl+C.
        const field = document.getElementById(textId);
        if (field instanceof HTMLTextAreaElement) field.select();
      });
  };
  return (
    <section className="not-processed" data-testid="not-processed" aria-labelledby={`${textId}-title`}>
      <h2 id={`${textId}-title`} className="not-processed__title">
        {translate('unsent.title')}
      </h2>
      <p>{translate('unsent.reason', { reason: notice.reason || translate('unsent.rejected') })}</p>
      <p className="muted">{translate('unsent.help')}</p>
      <label htmlFor={textId} className="field-label">
        {translate('unsent.textLabel')}
      </label>
      <textarea id={textId} className="not-processed__text" readOnly value={text} rows={Math.min(8, Math.max(2, notice.lines.length))} />
      <div className="not-processed__actions">
        <button type="button" className="secondary-button secondary-button--small" onClick={copy}>
          {copied ? translate('unsent.copied') : translate('unsent.copy')}
        </button>
        <button type="button" className="link-button" onClick={onClose}>
          {translate('unsent.close')}
        </button>
      </div>
    </section>
  );
}
