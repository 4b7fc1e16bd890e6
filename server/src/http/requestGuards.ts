import type { RequestHandler } from 'express';
import { isSameOrigin } from '../auth/sameOrigin';
import { readCookie, SESSION_COOKIE } from '../auth/sessionCookie';
import { authenticate, type Viewer } from '../auth/sessions';
import { AppError, BadOrigin, NotSignedIn } from '../errors';
import type { MetaStore } from '../storage/Store';

class UnsupportedMediaType extends AppError {
  readonly code = 'unsupported_media_type';
}

/** The one state-changing route that comes before a session: accepting an invitation creates it. */
const SIGN_IN_ROUTE = /^\/invitations\/[^/]+\/accept$/;

/**
 * State-changing requests must come from our own pages (CSRF, DESIGN.md §8): the same Origin, a browser that
 * does not call it cross-site (Sec-Fetch-Site), the session cookie (except to accept an invitation), and a
 * JSON body. GET and HEAD pass untouched. Mounted on `/api`.
 */
export function guardStateChanges(publicOrigin: string | undefined): RequestHandler {
  return (req, _res, next) => {
    if (req.method === 'GET' || req.method === 'HEAD') return next();
    if (!isSameOrigin(req, publicOrigin)) return next(new BadOrigin('origin'));
    const site = req.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin' && site !== 'none') return next(new BadOrigin('sec-fetch-site'));
    if (!SIGN_IN_ROUTE.test(req.path) && readCookie(req.headers.cookie, SESSION_COOKIE) === undefined) return next(new NotSignedIn('no session cookie'));
    const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
    if (hasBody && !req.is('application/json')) return next(new UnsupportedMediaType('content type'));
    next();
  };
}

/** Puts the signed-in member on `res.locals.viewer`, or answers 401. */
export function requireViewer(meta: MetaStore): RequestHandler {
  return (req, res, next) => {
    const viewer = authenticate(meta, req.headers.cookie, new Date());
    if (!viewer) return next(new NotSignedIn('no session'));
    res.locals.viewer = viewer;
    next();
  };
}

/** The viewer set by `requireViewer`. */
export function viewerOf(locals: Record<string, unknown>): Viewer {
  return locals.viewer as Viewer;
}

/** A route parameter as one string ('' when absent or repeated). */
export function routeParam(params: Record<string, unknown>, name: string): string {
  const value = params[name];
  return typeof value === 'string' ? value : '';
}
