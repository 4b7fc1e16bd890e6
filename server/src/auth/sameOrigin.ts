import type { IncomingMessage } from 'node:http';

/**
 * True when the request's Origin is this server itself: the Host it was sent to (http or https), or the
 * configured public origin behind a proxy. Guards WebSocket upgrades (cross-site WebSocket hijacking) and
 * state-changing HTTP requests (CSRF), DESIGN.md §8.
 */
export function isSameOrigin(req: IncomingMessage, publicOrigin: string | undefined): boolean {
  const origin = req.headers.origin;
  if (typeof origin !== 'string' || origin === '') return false;
  if (publicOrigin !== undefined && origin === publicOrigin) return true;
  const host = req.headers.host;
  if (!host) return false;
  return origin === `http://${host}` || origin === `https://${host}`;
}
