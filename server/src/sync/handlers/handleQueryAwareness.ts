import type * as decoding from 'lib0/decoding';
import type { ConnectionContext } from '../connection';
import { encodeAwareness } from '../messages';
import { requireFrameEnd } from '../refusedMessage';

/** Query awareness (type 3): answer with every awareness state of the room. */
export function handleQueryAwareness(ctx: ConnectionContext, decoder: decoding.Decoder): void {
  requireFrameEnd(decoder);
  const clients = [...ctx.room.awareness.getStates().keys()];
  ctx.peer.send(encodeAwareness(ctx.room.awareness, clients));
}
