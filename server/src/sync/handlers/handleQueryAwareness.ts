import type { ConnectionContext } from '../connection';
import { encodeAwareness } from '../messages';

/** Query awareness (type 3): answer with every awareness state of the room. */
export function handleQueryAwareness(ctx: ConnectionContext): void {
  const clients = [...ctx.room.awareness.getStates().keys()];
  ctx.peer.send(encodeAwareness(ctx.room.awareness, clients));
}
