import * as encoding from 'lib0/encoding';
import { MessageType } from '../../../shared/src/protocol/messageTypes';

/** What the heartbeat needs of one socket. */
export interface HeartbeatPeer {
  send(frame: Uint8Array): void;
  /** Pings the peer, or ends the socket when the previous ping got no pong. */
  heartbeat(): void;
}

/**
 * An awareness update with zero states: valid y-websocket, changes nothing, three bytes. A browser's
 * provider counts any message as a sign of life, so a quiet doc is not mistaken for a dead socket.
 */
export const HEARTBEAT_FRAME: Uint8Array = (() => {
  const states = encoding.createEncoder();
  encoding.writeVarUint(states, 0);
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.awareness);
  encoding.writeVarUint8Array(e, encoding.toUint8Array(states));
  return encoding.toUint8Array(e);
})();

/**
 * Every `intervalMs`, each open socket gets a ping and the empty awareness frame (issue #9). A peer that did
 * not answer the previous ping is terminated, so a dead socket is gone within two intervals; the client,
 * which hears from the server every interval, drops its own side after a few missed ones.
 */
export function startHeartbeat(peers: Iterable<HeartbeatPeer>, intervalMs: number): { stop(): void } {
  const timer = setInterval(() => {
    for (const peer of peers) {
      peer.heartbeat();
      peer.send(HEARTBEAT_FRAME);
    }
  }, intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
