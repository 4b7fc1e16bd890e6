import type http from 'node:http';
import type { Socket } from 'node:net';

/**
 * A connection must send a complete request or WebSocket upgrade within `ms` of opening, or it is cut off
 * (issue #9, idle upgrade timeout): an attacker cannot hold sockets open by saying nothing or sending headers
 * byte by byte. After the first request, Node's keep-alive and header timeouts take over.
 */
export function closeIdleConnections(server: http.Server, ms: number): void {
  const timers = new WeakMap<Socket, NodeJS.Timeout>();
  const settle = (socket: Socket) => clearTimeout(timers.get(socket));
  server.on('connection', (socket: Socket) => {
    const timer = setTimeout(() => socket.destroy(), ms);
    timer.unref();
    timers.set(socket, timer);
    socket.once('close', () => settle(socket));
  });
  server.on('request', (req: http.IncomingMessage) => settle(req.socket));
  server.on('upgrade', (req: http.IncomingMessage) => settle(req.socket));
  // A kept-alive connection's next request gets the same bound for its headers.
  server.headersTimeout = Math.max(ms, 1_000);
  server.requestTimeout = Math.max(ms * 3, 30_000);
}
