import type http from 'node:http';
import type { Socket } from 'node:net';

/**
 * A connection must send a complete request or WebSocket upgrade within `ms` of opening, or it is cut off
 * (issue #9, idle upgrade timeout): an attacker cannot hold sockets open by saying nothing or by sending
 * headers byte by byte. After its first request, Node's own keep-alive and header timeouts apply.
 */
export function closeIdleConnections(server: http.Server, ms: number): void {
  const pending = new Map<Socket, NodeJS.Timeout>();
  const settle = (socket: Socket) => {
    clearTimeout(pending.get(socket));
    pending.delete(socket);
  };
  server.on('connection', (socket: Socket) => {
    const timer = setTimeout(() => {
      // After a long pause of the event loop, timers run before the reads that waited: let those come first.
      setImmediate(() => pending.has(socket) && socket.destroy());
    }, ms);
    timer.unref();
    pending.set(socket, timer);
    socket.once('close', () => settle(socket));
  });
  server.on('request', (req: http.IncomingMessage) => settle(req.socket));
  server.on('upgrade', (req: http.IncomingMessage) => settle(req.socket));
}
