import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import type * as Y from 'yjs';
import { MessageType } from '../../../shared/src/protocol/messageTypes';

/** Encoders for the messages the server sends; one place, so every handler speaks the same bytes. */
export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.sync);
  syncProtocol.writeSyncStep1(e, doc);
  return encoding.toUint8Array(e);
}

export function encodeSyncStep2(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.sync);
  syncProtocol.writeSyncStep2(e, doc, stateVector);
  return encoding.toUint8Array(e);
}

/** Sync step 1 with a state vector read from the stored bytes (a room whose doc is not built). */
export function syncStep1Of(stateVector: Uint8Array): Uint8Array {
  return syncMessageOf(syncProtocol.messageYjsSyncStep1, stateVector);
}

/** Sync step 2 carrying an update as it is (the stored state, or part of it). */
export function syncStep2Of(update: Uint8Array): Uint8Array {
  return syncMessageOf(syncProtocol.messageYjsSyncStep2, update);
}

function syncMessageOf(syncType: number, payload: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.sync);
  encoding.writeVarUint(e, syncType);
  encoding.writeVarUint8Array(e, payload);
  return encoding.toUint8Array(e);
}

export function encodeUpdate(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.sync);
  syncProtocol.writeUpdate(e, update);
  return encoding.toUint8Array(e);
}

export function encodeAwareness(awareness: awarenessProtocol.Awareness, clients: number[]): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.awareness);
  encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(awareness, clients));
  return encoding.toUint8Array(e);
}

export function encodeSaved(n: number): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.saved);
  encoding.writeVarUint(e, n);
  return encoding.toUint8Array(e);
}

export function encodeRejected(n: number, reason: string): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.rejected);
  encoding.writeVarUint(e, n);
  encoding.writeVarString(e, reason);
  return encoding.toUint8Array(e);
}
