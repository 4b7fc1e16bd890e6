import * as decoding from 'lib0/decoding';
import { carriesContent, MessageType, SyncMessageType } from '../../../shared/src/protocol/messageTypes';

/** What an outgoing frame is, as far as `saved` numbering cares. */
export type OutgoingKind = 'step2' | 'update' | 'other';

/**
 * Classifies a frame the client is about to send: sync step 2 and sync update carry content and are
 * numbered by the server (DESIGN.md §7); everything else (step 1, awareness) is not.
 */
export function contentMessageKind(data: unknown): OutgoingKind {
  const bytes = toBytes(data);
  if (!bytes || bytes.length === 0) return 'other';
  try {
    const decoder = decoding.createDecoder(bytes);
    if (decoding.readVarUint(decoder) !== MessageType.sync) return 'other';
    const syncType = decoding.readVarUint(decoder);
    if (!carriesContent(syncType)) return 'other';
    return syncType === SyncMessageType.step2 ? 'step2' : 'update';
  } catch {
    // A frame we cannot read is not one the provider built; the server decides what it is.
    return 'other';
  }
}

function toBytes(data: unknown): Uint8Array | null {
  if (data instanceof Uint8Array) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return null;
}
