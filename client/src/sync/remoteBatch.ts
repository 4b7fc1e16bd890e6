import * as decoding from 'lib0/decoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import { messageYjsUpdate } from 'y-protocols/sync';
import { messageAwareness, messageSync, type WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { oncePerFrame, type FrameTask } from './oncePerFrame';

/**
 * Takes in what other people type (sync updates and their carets) once a frame, just after it is painted,
 * instead of message by message as it arrives. Each remote update makes the editor rebuild its whole
 * section and measure the caret, and each caret move redraws the carets; with ten people typing that was
 * one task every 20 ms, and a keypress that came in behind one waited for it (docs/performance.md, browser).
 * Batched, the updates of one frame are applied in one transaction, then the carets, which point into them.
 *
 * Sync steps 1 and 2 are handled as they come, after what is waiting, so no doc content changes order;
 * `saved` and `rejected` concern this member's own messages and are handled as they come too. A closing
 * socket first takes in what it delivered. Updates before the first sync are applied at once. Returns the
 * function that stops it (on destroy: what waits is dropped with the doc).
 */
export function batchRemoteChanges(provider: WebsocketProvider, schedule: (flush: () => void) => FrameTask = oncePerFrame): () => void {
  const handleSync = provider.messageHandlers[messageSync];
  const handleAwareness = provider.messageHandlers[messageAwareness];
  if (!handleSync || !handleAwareness) throw new Error('y-websocket has no sync or awareness handler');
  let updates: Uint8Array[] = [];
  let carets: Uint8Array[] = [];

  const flush = () => {
    frame.cancel();
    const [u, c] = [updates, carets];
    updates = [];
    carets = [];
    let failure: unknown = null;
    if (u.length > 0) {
      provider.doc.transact(() => {
        for (const update of u) {
          try {
            Y.applyUpdate(provider.doc, update, provider);
          } catch (error) {
            failure ??= error;
          }
        }
      }, provider);
    }
    for (const caret of c) awarenessProtocol.applyAwarenessUpdate(provider.awareness, caret, provider);
    if (failure !== null) throw failure;
  };
  const frame = schedule(flush);

  provider.messageHandlers[messageSync] = (encoder, decoder, p, emitSynced, type) => {
    const peek = decoding.clone(decoder);
    if (provider.synced && decoding.readVarUint(peek) === messageYjsUpdate) {
      updates.push(decoding.readVarUint8Array(peek));
      frame.request();
      return;
    }
    flush();
    handleSync(encoder, decoder, p, emitSynced, type);
  };
  provider.messageHandlers[messageAwareness] = (_encoder, decoder) => {
    carets.push(decoding.readVarUint8Array(decoder));
    frame.request();
  };
  const onClose = () => flush();
  provider.on('connection-close', onClose);
  return () => {
    frame.cancel();
    updates = [];
    carets = [];
    provider.off('connection-close', onClose);
    provider.messageHandlers[messageSync] = handleSync;
    provider.messageHandlers[messageAwareness] = handleAwareness;
  };
}
