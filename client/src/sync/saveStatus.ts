/**
 * Save status of the open docs (DESIGN.md §3.7): "Opgeslagen" only after the server said `saved` for
 * everything this client sent, never on the mere fact that a message left the browser.
 * Pure: the provider wiring feeds events in, the UI reads the summary out.
 */
import { translate } from '../../../shared/src/i18n/translate';

/** What is known about one doc's connection and its unsettled local changes. */
export interface DocSaveState {
  readonly connected: boolean;
  readonly everConnected: boolean;
  /** True once a socket of this doc closed or failed to open: "Verbinden…" has become "Offline". */
  readonly everClosed: boolean;
  readonly synced: boolean;
  /** Content messages (sync step 2 and update) sent on the current connection; restarts at 0. */
  readonly sent: number;
  /** The server's `saved` watermark on the current connection. */
  readonly saved: number;
  /**
   * Local changes no `saved` has covered: typed while offline, restored from the device after a reload,
   * or sent on a socket that closed too soon (counted by the unsent tracker, issue #9).
   */
  readonly unsaved: number;
  /** The last close code of this doc's socket, kept until it connects again. */
  readonly lastClose: number | null;
  /** The last change the server refused, until the user dismisses it. */
  readonly rejection: { readonly n: number; readonly reason: string } | null;
  /** The doc is near the server's size cap (issue #9): warn before the server refuses it. */
  readonly nearlyFull: boolean;
}

/** Things that happen to one doc's connection. */
export type SaveEvent =
  | { readonly kind: 'connected' }
  | { readonly kind: 'disconnected'; readonly code: number | null }
  | { readonly kind: 'synced' }
  | { readonly kind: 'contentSent'; readonly n: number; readonly step2: boolean }
  | { readonly kind: 'saved'; readonly n: number }
  | { readonly kind: 'rejected'; readonly n: number; readonly reason: string }
  | { readonly kind: 'unsaved'; readonly count: number }
  | { readonly kind: 'size'; readonly nearlyFull: boolean }
  | { readonly kind: 'dismissRejection' };

/** The state of a doc that has not connected yet. */
export const initialDocSaveState: DocSaveState = {
  connected: false,
  everConnected: false,
  everClosed: false,
  synced: false,
  sent: 0,
  saved: 0,
  unsaved: 0,
  lastClose: null,
  rejection: null,
  nearlyFull: false,
};

/** The next state of one doc after an event. */
export function applySaveEvent(state: DocSaveState, event: SaveEvent): DocSaveState {
  switch (event.kind) {
    case 'connected':
      // Numbering restarts on every connection (DESIGN.md §7), so old watermarks mean nothing now.
      return { ...state, connected: true, everConnected: true, synced: false, sent: 0, saved: 0, lastClose: null };
    case 'disconnected':
      return { ...state, connected: false, everClosed: true, synced: false, lastClose: event.code ?? state.lastClose };
    case 'synced':
      return state.connected ? { ...state, synced: true } : state;
    case 'contentSent':
      return { ...state, sent: Math.max(state.sent, event.n) };
    case 'saved':
      return { ...state, saved: Math.max(state.saved, event.n) };
    case 'rejected':
      return { ...state, rejection: { n: event.n, reason: event.reason } };
    case 'unsaved':
      return { ...state, unsaved: event.count };
    case 'size':
      return state.nearlyFull === event.nearlyFull ? state : { ...state, nearlyFull: event.nearlyFull };
    case 'dismissRejection':
      return { ...state, rejection: null };
    default: {
      const never: never = event;
      return never;
    }
  }
}

/** True when this doc holds local changes the server has not confirmed yet, or messages are in flight. */
export function hasUnsettledChanges(state: DocSaveState): boolean {
  return state.unsaved > 0 || (state.connected && state.sent > state.saved);
}

/** The number of local changes in all docs that no `saved` has covered. */
export function unsavedChanges(states: Iterable<DocSaveState>): number {
  let total = 0;
  for (const s of states) total += s.unsaved;
  return total;
}

/** The status of all open docs together, as the header shows it. */
export type SaveSummary =
  | { readonly kind: 'saved' }
  | { readonly kind: 'saving'; readonly loading: boolean }
  | { readonly kind: 'offline'; readonly unsaved: number; readonly neverConnected: boolean };

/** Combines the docs' states; one offline doc makes the whole plan offline. */
export function summarizeSaveStatus(states: readonly DocSaveState[]): SaveSummary {
  if (states.length === 0 || states.some((s) => !s.connected)) {
    const neverConnected = states.every((s) => !s.everConnected && !s.everClosed);
    return { kind: 'offline', unsaved: unsavedChanges(states), neverConnected };
  }
  if (states.some(hasUnsettledChanges)) return { kind: 'saving', loading: false };
  if (states.some((s) => !s.synced)) return { kind: 'saving', loading: true };
  return { kind: 'saved' };
}

/** The `data-state` value and the Dutch text of a summary. */
export function describeSaveStatus(summary: SaveSummary): { state: 'saved' | 'saving' | 'offline'; text: string } {
  switch (summary.kind) {
    case 'saved':
      return { state: 'saved', text: translate('save.saved') };
    case 'saving':
      return { state: 'saving', text: translate(summary.loading ? 'save.loading' : 'save.saving') };
    case 'offline':
      if (summary.unsaved > 0) {
        const key = summary.unsaved === 1 ? 'save.offlineUnsaved.one' : 'save.offlineUnsaved.other';
        return { state: 'offline', text: translate(key, { count: summary.unsaved }) };
      }
      return { state: 'offline', text: translate(summary.neverConnected ? 'save.connecting' : 'save.offline') };
    default: {
      const never: never = summary;
      return never;
    }
  }
}
