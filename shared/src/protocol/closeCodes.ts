/**
 * WebSocket close codes (DESIGN.md §7). One cause per code; the client maps each to Dutch text in one place.
 * 4400–4499 tell the client not to reconnect blindly; 4409 asks it to reconnect for new rights.
 */
export const CloseCode = {
  /** The message could not be decoded, or is not valid for this doc. */
  malformed: 4400,
  /** No valid session cookie. */
  notSignedIn: 4401,
  /** Signed in, but no access to this plan or doc, or a foreign Origin. */
  noAccess: 4403,
  /** The plan or the doc does not exist. */
  unknownDoc: 4404,
  /** The member's rights changed; reconnect to get the new ones. */
  accessChanged: 4409,
  /** A message or the doc is larger than allowed. */
  tooLarge: 4413,
  /** Too many messages in too short a time. */
  tooManyMessages: 4429,
  /** The server failed (for example, the doc could not be loaded); try again later. */
  serverError: 4500,
} as const;
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

/** True when reconnecting with the same rights cannot help. */
export function isTerminalClose(code: number): boolean {
  return code >= 4400 && code < 4500 && code !== CloseCode.accessChanged;
}
