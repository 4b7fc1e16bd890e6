import { useSyncExternalStore } from 'react';
import { translate } from '../../../shared/src/i18n/translate';
import { closeReasonText } from '../sync/closeReasons';
import { describeSaveStatus } from '../sync/saveStatus';
import { useSyncStatusStore } from '../sync/syncStatusContext';
import type { SyncStatusSnapshot } from '../sync/syncStatusStore';

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

/**
 * "Opgeslagen" / "Bezig met opslaan…" / "Offline. Niet opgeslagen — 3 wijzigingen", plus why a socket
 * closed, what the server refused, and which part of the plan is nearly full (`partName` names it).
 */
export function SaveStatus({ partName }: { partName: (docName: string) => string }) {
  const store = useSyncStatusStore();
  const snapshot = useSyncExternalStore(store.subscribe, store.getSnapshot);
  const { state, text } = describeSaveStatus(snapshot.summary);
  const warnings = warningsOf(snapshot, partName);
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
