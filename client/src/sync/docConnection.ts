import * as decoding from 'lib0/decoding';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { isMessageKey, translate } from '../../../shared/src/i18n/translate';
import { MessageType } from '../../../shared/src/protocol/messageTypes';
import { syncPath } from '../../../shared/src/protocol/syncPath';
import { CloseCode } from '../../../shared/src/protocol/closeCodes';
import { parseDocName } from '../../../shared/src/schema/docNames';
import { closeReasonText, shouldReconnectAfter } from './closeReasons';
import { countingWebSocket } from './countingWebSocket';
import type { SaveEvent } from './saveStatus';
import { UnsentTracker } from './unsentTracker';

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
  /** 4409: the member's rights changed; the provider reconnects by itself, the plan view must be fetched again. */
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

/** Opens one doc: a fresh Y.Doc, a provider with saved/rejected handlers, and save events for the status. */
export function openDocConnection(options: { planId: string; docName: string; user: CaretUser } & DocConnectionListeners): DocConnection {
  const { planId, docName, user } = options;
  const doc = new Y.Doc();
  const kind = parseDocName(docName)?.kind ?? 'gezamenlijk';
  let provider: WebsocketProvider | null = null;
  // Created before the provider, so it sees each local update before the provider sends it.
  const tracker = new UnsentTracker(doc, kind, (origin) => origin === provider);
  let closed = false;
  const report = (reason: string, reset: boolean) => {
    if (closed) return;
    const lines = tracker.unsentLines();
    if (lines.length > 0 || reset) options.onNotProcessed?.({ docName, lines, reason, reset });
  };
  const onEvent = (event: SaveEvent) => {
    trackEvent(tracker, event, report);
    options.onEvent(event);
    if (event.kind === 'disconnected' && event.code === CloseCode.accessChanged) options.onAccessChanged?.();
  };
  const live = new WebsocketProvider(syncServerUrl(planId, docName, window.location), docName, doc, {
    connect: false,
    disableBc: true,
    WebSocketPolyfill: countingWebSocket((n, step2) => onEvent({ kind: 'contentSent', n, step2 })),
    shouldReconnect: (event) => shouldReconnectAfter(event.code),
  });
  provider = live;
  registerSavedHandlers(live, onEvent);
  const detach = watchProvider(live, doc, onEvent);
  live.awareness.setLocalStateField('user', user);
  live.connect();
  return {
    docName,
    doc,
    provider: live,
    destroy() {
      closed = true;
      detach();
      live.destroy();
      tracker.destroy();
      doc.destroy();
    },
  };
}

/** Close codes after which the member's unsent work can never reach the server. */
const NO_ACCESS_LEFT: ReadonlySet<number> = new Set([CloseCode.notSignedIn, CloseCode.noAccess]);

/** Feeds the unsent tracker, and reports work the server refused or can no longer take. */
function trackEvent(tracker: UnsentTracker, event: SaveEvent, report: (reason: string, reset: boolean) => void): void {
  switch (event.kind) {
    case 'contentSent':
      tracker.contentSent(event.n, event.step2);
      return;
    case 'saved':
      tracker.saved(event.n);
      return;
    case 'rejected':
      tracker.rejected(event.n);
      // Let the rest of this frame batch settle first; then the refused work is shown and the doc reset.
      setTimeout(() => report(event.reason, true), 0);
      return;
    case 'disconnected':
      tracker.disconnected();
      if (event.code !== null && NO_ACCESS_LEFT.has(event.code)) report(closeReasonText(event.code) ?? '', false);
      return;
    default:
      return;
  }
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

function watchProvider(provider: WebsocketProvider, doc: Y.Doc, onEvent: (event: SaveEvent) => void): () => void {
  const onStatus = ({ status }: { status: string }) => {
    if (status === 'connected') onEvent({ kind: 'connected' });
  };
  const onClose = (event: CloseEvent | null) => onEvent({ kind: 'disconnected', code: event?.code ?? null });
  const onSync = (synced: boolean) => {
    if (synced) onEvent({ kind: 'synced' });
  };
  const onUpdate = (_update: Uint8Array, origin: unknown) => {
    // Remote updates arrive with the provider as origin; a local one is sent only on a live socket.
    if (origin === provider) return;
    const live = provider.wsconnected && provider.ws !== null && provider.ws.readyState === WebSocket.OPEN;
    if (!live) onEvent({ kind: 'localChangeNotSent' });
  };
  provider.on('status', onStatus);
  provider.on('connection-close', onClose);
  provider.on('sync', onSync);
  doc.on('update', onUpdate);
  return () => {
    provider.off('status', onStatus);
    provider.off('connection-close', onClose);
    provider.off('sync', onSync);
    doc.off('update', onUpdate);
  };
}
