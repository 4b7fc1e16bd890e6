import type { RequestHandler } from 'express';
import { isSameOrigin } from '../auth/sameOrigin';
import { authenticate, type Viewer } from '../auth/sessions';
import { AppError, BadOrigin, NotSignedIn } from '../errors';
import type { MetaStore } from '../storage/Store';

class UnsupportedMediaType extends AppError {
  readonly code = 'unsupported_media_type';
}

/**
 * State-changing requests must come from our own pages (CSRF, DESIGN.md §8) and carry JSON.
 * GET and HEAD pass untouched.
 */
export function guardStateChanges(publicOrigin: string | undefined): RequestHandler {
  return (req, _res, next) => {
    if (req.method === 'GET' || req.method === 'HEAD') return next();
    if (!isSameOrigin(req, publicOrigin)) return next(new BadOrigin('origin'));
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
