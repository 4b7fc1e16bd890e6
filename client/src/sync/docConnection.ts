import * as decoding from 'lib0/decoding';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { isMessageKey, translate } from '../../../shared/src/i18n/translate';
import { MessageType } from '../../../shared/src/protocol/messageTypes';
import { syncPath } from '../../../shared/src/protocol/syncPath';
import { shouldReconnectAfter } from './closeReasons';
import { countingWebSocket } from './countingWebSocket';
import type { SaveEvent } from './saveStatus';

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

/** Where the socket for a doc goes: same host as the page, path exactly `syncPath(planId, docName)`. */
export function syncServerUrl(planId: string, docName: string, location: Pick<Location, 'protocol' | 'host'>): string {
  const path = syncPath(planId, docName);
  // y-websocket appends `/<roomname>` itself, so hand it the path without the doc name.
  const base = path.slice(0, path.length - docName.length - 1);
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${location.host}${base}`;
}

/** Opens one doc: a fresh Y.Doc, a provider with saved/rejected handlers, and save events for the status. */
export function openDocConnection(options: {
  planId: string;
  docName: string;
  user: CaretUser;
  onEvent: (event: SaveEvent) => void;
}): DocConnection {
  const { planId, docName, user, onEvent } = options;
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(syncServerUrl(planId, docName, window.location), docName, doc, {
    connect: false,
    disableBc: true,
    WebSocketPolyfill: countingWebSocket((n, step2) => onEvent({ kind: 'contentSent', n, step2 })),
    shouldReconnect: (event) => shouldReconnectAfter(event.code),
  });
  registerSavedHandlers(provider, onEvent);
  const detach = watchProvider(provider, doc, onEvent);
  provider.awareness.setLocalStateField('user', user);
  provider.connect();
  return {
    docName,
    doc,
    provider,
    destroy() {
      detach();
      provider.destroy();
      doc.destroy();
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
