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
  readonly synced: boolean;
  /** Content messages (sync step 2 and update) sent on the current connection; restarts at 0. */
  readonly sent: number;
  /** The server's `saved` watermark on the current connection. */
  readonly saved: number;
  /**
   * Local changes that no live socket has settled: made while offline, or sent on a socket that closed
   * before `saved` covered them. Only the next connection's sync step 2 can carry them.
   */
  readonly waitingLocal: boolean;
  /** The number of the sync step 2 that carries `waitingLocal` changes on this connection. */
  readonly coverAt: number | null;
  /** The last close code of this doc's socket, kept until it connects again. */
  readonly lastClose: number | null;
  /** The last change the server refused, until the user dismisses it. */
  readonly rejection: { readonly n: number; readonly reason: string } | null;
}

/** Things that happen to one doc's connection. */
export type SaveEvent =
  | { readonly kind: 'connected' }
  | { readonly kind: 'disconnected'; readonly code: number | null }
  | { readonly kind: 'synced' }
  | { readonly kind: 'contentSent'; readonly n: number; readonly step2: boolean }
  | { readonly kind: 'saved'; readonly n: number }
  | { readonly kind: 'rejected'; readonly n: number; readonly reason: string }
  | { readonly kind: 'localChangeNotSent' }
  | { readonly kind: 'dismissRejection' };

/** The state of a doc that has not connected yet. */
export const initialDocSaveState: DocSaveState = {
  connected: false,
  everConnected: false,
  synced: false,
  sent: 0,
  saved: 0,
  waitingLocal: false,
  coverAt: null,
  lastClose: null,
  rejection: null,
};

/** The next state of one doc after an event. */
export function applySaveEvent(state: DocSaveState, event: SaveEvent): DocSaveState {
  switch (event.kind) {
    case 'connected':
      // Numbering restarts on every connection (DESIGN.md §7), so old watermarks mean nothing now.
      return { ...state, connected: true, everConnected: true, synced: false, sent: 0, saved: 0, coverAt: null, lastClose: null };
    case 'disconnected': {
      // What was sent but not yet acknowledged may be lost with the socket; the next step 2 resends it.
      const waitingLocal = state.waitingLocal || state.sent > state.saved;
      return { ...state, connected: false, synced: false, waitingLocal, coverAt: null, lastClose: event.code ?? state.lastClose };
    }
    case 'synced':
      return state.connected ? { ...state, synced: true } : state;
    case 'contentSent': {
      const sent = Math.max(state.sent, event.n);
      const coverAt = state.waitingLocal && state.coverAt === null && event.step2 ? event.n : state.coverAt;
      return { ...state, sent, coverAt };
    }
    case 'saved':
      return settle(state, event.n);
    case 'rejected':
      return { ...state, rejection: { n: event.n, reason: event.reason } };
    case 'localChangeNotSent':
      return { ...state, waitingLocal: true };
    case 'dismissRejection':
      return { ...state, rejection: null };
    default: {
      const never: never = event;
      return never;
    }
  }
}

function settle(state: DocSaveState, n: number): DocSaveState {
  const saved = Math.max(state.saved, n);
  const covered = state.coverAt !== null && saved >= state.coverAt;
  return {
    ...state,
    saved,
    waitingLocal: covered ? false : state.waitingLocal,
    coverAt: covered ? null : state.coverAt,
  };
}

/** True when this doc holds local changes the server has not confirmed yet. */
export function hasUnsettledChanges(state: DocSaveState): boolean {
  return state.waitingLocal || state.sent > state.saved;
}

/** The status of all open docs together, as the header shows it. */
export type SaveSummary =
  | { readonly kind: 'saved' }
  | { readonly kind: 'saving'; readonly loading: boolean }
  | { readonly kind: 'offline'; readonly unsaved: boolean; readonly neverConnected: boolean };

/** Combines the docs' states; one offline doc makes the whole plan offline. */
export function summarizeSaveStatus(states: readonly DocSaveState[]): SaveSummary {
  const unsaved = states.some(hasUnsettledChanges);
  if (states.length === 0 || states.some((s) => !s.connected)) {
    const neverConnected = states.length === 0 || states.every((s) => !s.everConnected);
    return { kind: 'offline', unsaved, neverConnected };
  }
  if (unsaved) return { kind: 'saving', loading: false };
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
      if (summary.unsaved) return { state: 'offline', text: translate('save.offlineUnsaved') };
      return { state: 'offline', text: translate(summary.neverConnected ? 'save.connecting' : 'save.offline') };
    default: {
      const never: never = summary;
      return never;
    }
  }
}
