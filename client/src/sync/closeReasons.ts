import { translate, type MessageKey } from '../../../shared/src/i18n/translate';
import { CloseCode, isTerminalClose } from '../../../shared/src/protocol/closeCodes';

/** The Dutch text for each close code of DESIGN.md §7; the only place the client maps codes to words. */
const CLOSE_TEXT: Readonly<Record<CloseCode, MessageKey>> = {
  [CloseCode.malformed]: 'close.malformed',
  [CloseCode.notSignedIn]: 'close.notSignedIn',
  [CloseCode.noAccess]: 'close.noAccess',
  [CloseCode.unknownDoc]: 'close.unknownDoc',
  [CloseCode.accessChanged]: 'close.accessChanged',
  [CloseCode.tooLarge]: 'close.tooLarge',
  [CloseCode.tooManyMessages]: 'close.tooManyMessages',
  [CloseCode.serverError]: 'close.serverError',
};

function isKnownCloseCode(code: number): code is CloseCode {
  return Object.prototype.hasOwnProperty.call(CLOSE_TEXT, code);
}

/** The Dutch text for a socket close, or null for an ordinary drop that the offline status already explains. */
export function closeReasonText(code: number | null): string | null {
  if (code === null) return null;
  if (isKnownCloseCode(code)) return translate(CLOSE_TEXT[code]);
  return isTerminalClose(code) ? translate('close.malformed') : null;
}

/**
 * Whether the provider should reconnect after the server closed the socket with this code.
 * 4409 must reconnect (rights changed, DESIGN.md §5); other 44xx codes cannot be fixed by retrying.
 */
export function shouldReconnectAfter(code: number): boolean {
  return !isTerminalClose(code);
}
