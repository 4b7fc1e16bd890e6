import * as decoding from 'lib0/decoding';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { isMessageKey, translate } from '../../../shared/src/i18n/translate';
import { MessageType } from '../../../shared/src/protocol/messageTypes';
import { syncPath } from '../../../shared/src/protocol/syncPath';
import { CloseCode } from '../../../shared/src/protocol/closeCodes';
import { parseDocName } from '../../../shared/src/schema/docNames';
import { closeReasonText, shouldReconnectAfter } from './closeReasons';
import { localDocDbNames } from '../offline/localDbNames';
import { openLocalCopy, type LocalCopy } from '../offline/localCopy';
import { countingWebSocket } from './countingWebSocket';
import { FALLBACK_DOC_MAX_BYTES, watchDocSize } from './docSizeWatch';
import { controlReconnect } from './reconnectControl';
import { batchRemoteChanges } from './remoteBatch';
import type { SaveEvent } from './saveStatus';
import { UnsentTracker, type UpdateSource } from './unsentTracker';

/** Origin of the changes a reload cut off before IndexedDB committed them, applied again (`unloadRescue.ts`). */
const RESCUED = Symbol('rescued');

/** The user shown on this member's caret and in others' presence bars (the server stamps the same fields). */
export interface CaretUser {
  readonly memberId: string;
  readonly name: string;
  readonly role: string;
  readonly color: string;
}

/** One doc of a plan, live: its Y.Doc and the provider that syncs it. */
export interface DocConnection {
  readonly docName: string;
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  /**
   * True once the doc may be edited: it synced with the server, or it was loaded from this device's copy of
   * a doc that had synced before (so typing offline never builds a second copy of text still loading).
   */
  isReady(): boolean;
  /** Calls `listener` once when the doc becomes ready; returns the unsubscribe function. */
  onReady(listener: () => void): () => void;
  destroy(): void;
}

/**
 * Local work the server will not take (issue #6, "Niet verwerkt"): refused with `101 rejected`, or left
 * unsent when the socket closed with no access left. `reset` asks the owner to reopen the doc fresh, so the
 * refused change leaves the doc and the editors show the server's state again.
 */
export interface NotProcessedNotice {
  readonly docName: string;
  readonly lines: readonly string[];
  readonly reason: string;
  readonly reset: boolean;
}

/** What a doc connection tells its owner besides save events. */
export interface DocConnectionListeners {
  readonly onEvent: (event: SaveEvent) => void;
  readonly onNotProcessed?: (notice: NotProcessedNotice) => void;
  /**
   * The plan view must be fetched again: a 4409 (the member's rights changed; the provider reconnects by
   * itself), or the socket connected. Rights can change while a socket is away or still on its way (a
   * teamoverleg that opens then gives a parent write access at admission, and no 4409 ever comes), and the
   * page's read-only parts follow the plan view, not the socket.
   */
  readonly onAccessChanged?: () => void;
}

/** Where the socket for a doc goes: same host as the page, path exactly `syncPath(planId, docName)`. */
export function syncServerUrl(planId: string, docName: string, location: Pick<Location, 'protocol' | 'host'>): string {
  const path = syncPath(planId, docName);
  // y-websocket appends `/<roomname>` itself, so hand it the path without the doc name.
  const base = path.slice(0, path.length - docName.length - 1);
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${location.host}${base}`;
}

/**
 * Opens one doc: a fresh Y.Doc, first filled from this device's copy (issue #9), then a provider with
 * saved/rejected handlers, our own reconnect loop, and save events for the status.
 */
export function openDocConnection(
  options: { planId: string; docName: string; user: CaretUser; docMaxBytes?: number } & DocConnectionListeners,
): DocConnection {
  const { planId, docName, user } = options;
  const doc = new Y.Doc();
  const kind = parseDocName(docName)?.kind ?? 'gezamenlijk';
  let provider: WebsocketProvider | null = null;
  let local: LocalCopy | null = null;
  // Created before the provider, so it sees each local update before the provider sends it.
  const sourceOf = (origin: unknown): UpdateSource => (origin === provider ? 'remote' : origin === local?.origin ? 'restored' : 'local');
  const tracker = new UnsentTracker(doc, kind, sourceOf, (count) => options.onEvent({ kind: 'unsaved', count }));
  const copy = openLocalCopy(localDocDbNames({ planId, memberId: user.memberId, docName }), doc, tracker.shadow, (origin) => sourceOf(origin) === 'local');
  local = copy;
  const ready = createLatch();
  let closed = false;
  const report = (reason: string, reset: boolean) => {
    if (closed) return;
    const lines = tracker.unsentLines();
    if (lines.length > 0 || reset) options.onNotProcessed?.({ docName, lines, reason, reset });
  };
  const outcomes = copyOutcomes(copy, report);
  const onEvent = (event: SaveEvent) => {
    trackEvent(tracker, event, outcomes);
    options.onEvent(event);
    if ((event.kind === 'disconnected' && event.code === CloseCode.accessChanged) || event.kind === 'connected') options.onAccessChanged?.();
  };
  const live = createProvider(planId, docName, doc, onEvent);
  provider = live;
  // Before watchProvider: a closing socket first takes in the remote changes it delivered.
  const stopBatching = batchRemoteChanges(live);
  const detach = watchProvider(live, onEvent);
  const reconnect = controlReconnect(live, { shouldReconnect: shouldReconnectAfter });
  const stopSizeWatch = watchDocSize(doc, options.docMaxBytes ?? FALLBACK_DOC_MAX_BYTES, (nearlyFull) => options.onEvent({ kind: 'size', nearlyFull }));
  const onSync = (synced: boolean) => {
    if (!synced) return;
    if (!ready.done) copy.markSynced();
    ready.set();
  };
  live.on('sync', onSync);
  live.awareness.setLocalStateField('user', user);
  // Connect only once the device copy is in: the first sync step 2 then carries the work typed offline.
  void copy.loaded.then((restored) => {
    if (closed) return;
    tracker.restore(restored.pending, restored.available ? copy.pending : null);
    // Typed just before a reload and not yet in the copy: local work again, counted and sent like any.
    for (const update of restored.rescued) Y.applyUpdate(doc, update, RESCUED);
    if (restored.syncedBefore) ready.set();
    reconnect.start();
  });
  return {
    docName,
    doc,
    provider: live,
    isReady: () => ready.done,
    onReady: (listener) => ready.on(listener),
    destroy() {
      closed = true;
      detach();
      stopBatching();
      reconnect.stop();
      stopSizeWatch();
      live.off('sync', onSync);
      live.destroy();
      void copy.close();
      tracker.destroy();
      doc.destroy();
    },
  };
}

/** A provider for one doc, not connected yet: numbered content messages, and the saved/rejected handlers. */
function createProvider(planId: string, docName: string, doc: Y.Doc, onEvent: (event: SaveEvent) => void): WebsocketProvider {
  const provider = new WebsocketProvider(syncServerUrl(planId, docName, window.location), docName, doc, {
    connect: false,
    disableBc: true,
    WebSocketPolyfill: countingWebSocket((n, step2) => onEvent({ kind: 'contentSent', n, step2 })),
    shouldReconnect: (event) => shouldReconnectAfter(event.code),
  });
  registerSavedHandlers(provider, onEvent);
  return provider;
}

/** What happens to the device copy when the server refused work, or closed for good. */
function copyOutcomes(copy: LocalCopy, report: (reason: string, reset: boolean) => void): TrackOutcomes {
  let resetting = false;
  return {
    // The refused work must not come back from the device copy: erase it before the doc is reopened fresh.
    rejected: (reason) => {
      if (resetting) return;
      resetting = true;
      void copy.erase().catch(() => undefined).then(() => report(reason, true));
    },
    // The doc can never be read again by this member: show what was unsent, and keep no copy of it.
    noAccessLeft: (reason) => {
      report(reason, false);
      void copy.erase().catch(() => undefined);
    },
  };
}

/** Close codes after which this member can never read the doc again. */
const NO_ACCESS_LEFT: ReadonlySet<number> = new Set([CloseCode.notSignedIn, CloseCode.noAccess, CloseCode.unknownDoc]);

/** What a doc connection does when the server refused work, or closed for good. */
interface TrackOutcomes {
  rejected(reason: string): void;
  noAccessLeft(reason: string): void;
}

/** Feeds the unsent tracker, and reports work the server refused or can no longer take. */
function trackEvent(tracker: UnsentTracker, event: SaveEvent, outcomes: TrackOutcomes): void {
  switch (event.kind) {
    case 'connected':
      tracker.connected();
      return;
    case 'contentSent':
      tracker.contentSent(event.n, event.step2);
      return;
    case 'saved':
      tracker.saved(event.n);
      return;
    case 'rejected':
      tracker.rejected(event.n);
      // Let the rest of this frame batch settle first; then the refused work is shown and the doc reset.
      setTimeout(() => outcomes.rejected(event.reason), 0);
      return;
    case 'disconnected':
      tracker.disconnected();
      if (event.code !== null && NO_ACCESS_LEFT.has(event.code)) outcomes.noAccessLeft(closeReasonText(event.code) ?? '');
      return;
    default:
      return;
  }
}

/** A flag that is set once, with listeners for that moment. */
function createLatch(): { readonly done: boolean; set(): void; on(listener: () => void): () => void } {
  let done = false;
  const listeners = new Set<() => void>();
  return {
    get done() {
      return done;
    },
    set() {
      if (done) return;
      done = true;
      for (const listener of listeners) listener();
      listeners.clear();
    },
    on(listener) {
      if (done) return () => undefined;
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

function registerSavedHandlers(provider: WebsocketProvider, onEvent: (event: SaveEvent) => void): void {
  provider.messageHandlers[MessageType.saved] = (_encoder, decoder) => {
    onEvent({ kind: 'saved', n: decoding.readVarUint(decoder) });
  };
  provider.messageHandlers[MessageType.rejected] = (_encoder, decoder) => {
    const n = decoding.readVarUint(decoder);
    const reason = decoding.readVarString(decoder);
    // The server may send a message key or ready Dutch text; both end up as Dutch text here.
    onEvent({ kind: 'rejected', n, reason: isMessageKey(reason) ? translate(reason) : reason });
  };
}

function watchProvider(provider: WebsocketProvider, onEvent: (event: SaveEvent) => void): () => void {
  const onStatus = ({ status }: { status: string }) => {
    if (status === 'connected') onEvent({ kind: 'connected' });
  };
  const onClose = (event: CloseEvent | null) => onEvent({ kind: 'disconnected', code: event?.code ?? null });
  const onSync = (synced: boolean) => {
    if (synced) onEvent({ kind: 'synced' });
  };
  provider.on('status', onStatus);
  provider.on('connection-close', onClose);
  provider.on('sync', onSync);
  return () => {
    provider.off('status', onStatus);
    provider.off('connection-close', onClose);
    provider.off('sync', onSync);
  };
}
