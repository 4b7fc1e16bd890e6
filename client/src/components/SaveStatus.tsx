import { useRef, useSyncExternalStore } from 'react';
import { translate } from '../../../shared/src/i18n/translate';
import { closeReasonText } from '../sync/closeReasons';
import { describeSaveStatus } from '../sync/saveStatus';
import { useSyncStatusStore } from '../sync/syncStatusContext';
import type { SyncStatusSnapshot, SyncStatusStore } from '../sync/syncStatusStore';

interface Warning {
  readonly key: string;
  readonly text: string;
  readonly dismissDoc?: string;
}

function warningsOf(snapshot: SyncStatusSnapshot, partName: (docName: string) => string): Warning[] {
  const warnings: Warning[] = [];
  const seen = new Set<string>();
  for (const [docName, state] of snapshot.docs) {
    const closeText = state.connected ? null : closeReasonText(state.lastClose);
    if (closeText && !seen.has(closeText)) {
      seen.add(closeText);
      warnings.push({ key: `close-${docName}`, text: closeText });
    }
    if (state.nearlyFull) {
      warnings.push({ key: `full-${docName}`, text: translate('save.nearlyFull', { part: partName(docName) }) });
    }
    if (state.rejection) {
      warnings.push({ key: `rejected-${docName}`, text: translate('save.rejected', { reason: state.rejection.reason }), dismissDoc: docName });
    }
  }
  return warnings;
}

/** What the status area shows. */
interface SaveView {
  readonly state: 'saved' | 'saving' | 'offline';
  readonly text: string;
  readonly warnings: readonly Warning[];
}

function sameView(a: SaveView, b: SaveView): boolean {
  return (
    a.state === b.state &&
    a.text === b.text &&
    a.warnings.length === b.warnings.length &&
    a.warnings.every((w, i) => w.key === b.warnings[i]?.key && w.text === b.warnings[i]?.text && w.dismissDoc === b.warnings[i]?.dismissDoc)
  );
}

/**
 * The view of the store's latest snapshot, kept as the same object while it shows the same words. Every
 * keystroke sends a message and gets `saved` back, each a new snapshot; only the ones that change what the
 * status says render it again.
 */
function useSaveView(store: SyncStatusStore, partName: (docName: string) => string): SaveView {
  const last = useRef<{ snapshot: SyncStatusSnapshot; partName: (docName: string) => string; view: SaveView } | null>(null);
  const read = (): SaveView => {
    const snapshot = store.getSnapshot();
    const prev = last.current;
    if (prev && prev.snapshot === snapshot && prev.partName === partName) return prev.view;
    const next = { ...describeSaveStatus(snapshot.summary), warnings: warningsOf(snapshot, partName) };
    const view = prev && sameView(prev.view, next) ? prev.view : next;
    last.current = { snapshot, partName, view };
    return view;
  };
  return useSyncExternalStore(store.subscribe, read);
}

/**
 * "Opgeslagen" / "Bezig met opslaan…" / "Offline. Niet opgeslagen — 3 wijzigingen", plus why a socket
 * closed, what the server refused, and which part of the plan is nearly full (`partName` names it).
 */
export function SaveStatus({ partName }: { partName: (docName: string) => string }) {
  const store = useSyncStatusStore();
  const { state, text, warnings } = useSaveView(store, partName);
  return (
    <div className="save-area">
      <div className={`save-status save-status--${state}`} data-testid="save-status" data-state={state} aria-live="polite">
        <span className="save-status__dot" aria-hidden="true" />
        {text}
      </div>
      <div className="sync-warnings" aria-live="polite">
        {warnings.map((w) => (
          <p key={w.key} className="sync-warning">
            {w.text}
            {w.dismissDoc !== undefined && (
              <button type="button" className="link-button" onClick={() => store.dispatch(w.dismissDoc ?? '', { kind: 'dismissRejection' })}>
                {translate('save.dismiss')}
              </button>
            )}
          </p>
        ))}
      </div>
    </div>
  );
}
