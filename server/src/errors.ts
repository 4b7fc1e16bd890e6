import type { MessageKey } from '../../shared/src/i18n/nl';

/**
 * Typed errors thrown deep and converted once at the edges: `http/` maps them to a status and
 * `{ error, message }`, `sync/` to a close code (STYLE.md, Errors). `code` is stable and doubles as the
 * i18n key suffix (`error.<code>`).
 */
export abstract class AppError extends Error {
  abstract readonly code: string;
  /** A Dutch text that says more than the code's own (`error.<code>`), e.g. why a comment was refused. */
  messageKey?: MessageKey;
}

/** Bad input (400). `messageKey` tells the person what to change; without it they get the general text. */
export class Invalid extends AppError {
  readonly code = 'invalid';
  constructor(message: string, messageKey?: MessageKey) {
    super(message);
    if (messageKey !== undefined) this.messageKey = messageKey;
  }
}
export class NotSignedIn extends AppError {
  readonly code = 'not_signed_in';
}
export class AccessDenied extends AppError {
  readonly code = 'no_access';
}
export class BadOrigin extends AppError {
  readonly code = 'bad_origin';
}
export class NotFound extends AppError {
  readonly code = 'not_found';
}
/** A used, expired or revoked invitation. */
export class InvitationGone extends AppError {
  readonly code = 'invitation_gone';
}
export class Oversized extends AppError {
  readonly code = 'too_large';
}
export class RateLimited extends AppError {
  readonly code = 'too_many_requests';
}
/** Stored data failed its checksum or cannot be parsed; `planId` names the plan it belongs to. */
export class StorageCorrupt extends AppError {
  readonly code = 'storage_corrupt';
  constructor(
    message: string,
    readonly planId?: string,
  ) {
    super(message);
  }
}
/** The store cannot write durably right now (disk full, read-only, closed). */
export class StorageUnavailable extends AppError {
  readonly code = 'storage_unavailable';
}
