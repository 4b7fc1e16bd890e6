import type { ErrorRequestHandler } from 'express';
import { isMessageKey, translate } from '../../../shared/src/i18n/translate';
import { AppError } from '../errors';
import type { Logger } from '../log';

const STATUS: Record<string, number> = {
  invalid: 400,
  too_deep: 400,
  forbidden_key: 400,
  not_signed_in: 401,
  no_access: 403,
  bad_origin: 403,
  not_found: 404,
  invitation_gone: 410,
  too_large: 413,
  unsupported_media_type: 415,
  too_many_requests: 429,
  storage_unavailable: 503,
  storage_corrupt: 500,
};

/** The HTTP edge of the typed errors: status + `{ error, message }` with Dutch text (DESIGN.md §7). */
export function errorHandler(log: Logger): ErrorRequestHandler {
  return (error: unknown, _req, res, _next) => {
    const code = errorCode(error);
    const status = STATUS[code] ?? 500;
    if (status >= 500) log.error('http.error', { code, error });
    else log.info('http.refused', { code, status });
    const key = error instanceof AppError && error.messageKey ? error.messageKey : `error.${code}`;
    res.status(status).json({ error: code, message: translate(isMessageKey(key) ? key : 'error.server') });
  };
}

function errorCode(error: unknown): string {
  if (error instanceof AppError) return error.code;
  // body-parser's own errors carry a `type`.
  const type = (error as { type?: unknown })?.type;
  if (type === 'entity.too.large') return 'too_large';
  if (type === 'entity.parse.failed' || type === 'encoding.unsupported' || type === 'charset.unsupported') return 'invalid';
  return 'server';
}
