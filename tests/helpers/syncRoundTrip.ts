import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { MessageType, SyncMessageType } from '../../shared/src/protocol/messageTypes';
import type { SyncClient } from './syncClient';
import { waitFor } from './waitFor';

/**
 * Sends sync step 1 and waits for the server's step 2 answer on the same socket. The server handles a
 * socket's frames in order and sends in order, so once the answer is here, everything the server sent
 * before handling this frame (a `saved`, say) has arrived too: a deterministic "nothing more is coming".
 */
export async function roundTrip(c: SyncClient, timeoutMs = 10_000): Promise<void> {
  let answered = false;
  const onMessage = (data: ArrayBuffer) => {
    const bytes = new Uint8Array(data);
    if (bytes[0] === MessageType.sync && bytes[1] === SyncMessageType.step2) answered = true;
  };
  c.ws.on('message', onMessage);
  try {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, MessageType.sync);
    syncProtocol.writeSyncStep1(e, c.doc);
    c.ws.send(encoding.toUint8Array(e));
    await waitFor(() => answered || c.ws.readyState !== WebSocket.OPEN, 'the step 2 answer', timeoutMs);
  } finally {
    c.ws.off('message', onMessage);
  }
}

/** Sends `update` again as a sync update, as a client does after a reconnect; returns its message number. */
export function resendUpdate(c: SyncClient, update: Uint8Array): number {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.sync);
  syncProtocol.writeUpdate(e, update);
  c.ws.send(encoding.toUint8Array(e));
  c.contentSent += 1;
  return c.contentSent;
}

/** Records every update a doc makes locally (not those applied from the server). */
export function recordLocalUpdates(doc: Y.Doc): Uint8Array[] {
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'server') updates.push(update);
  });
  return updates;
}
