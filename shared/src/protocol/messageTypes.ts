/**
 * WebSocket message types on `/sync/<planId>/<docName>` (DESIGN.md §7).
 * 0–3 are y-websocket's; 100 and 101 are Gezinsplan's own.
 */
export const MessageType = {
  /** y-protocols sync: step 1, step 2 or update, by sub type. */
  sync: 0,
  /** y-protocols awareness update. */
  awareness: 1,
  /** Ask the other side for all awareness states. */
  queryAwareness: 3,
  /** `varUint n`: every content message up to n that this socket sent is settled. */
  saved: 100,
  /** `varUint n, varString reason`: content message n was not applied. */
  rejected: 101,
} as const;
export type MessageType = (typeof MessageType)[keyof typeof MessageType];

/** Sub types inside a `sync` message (y-protocols/sync). */
export const SyncMessageType = {
  step1: 0,
  step2: 1,
  update: 2,
} as const;
export type SyncMessageType = (typeof SyncMessageType)[keyof typeof SyncMessageType];

/**
 * True for the sync sub types that carry document content: step 2 and update.
 * Both sides number these 1, 2, 3 … per socket, in the order sent; `saved` and `rejected` name that number.
 */
export function carriesContent(syncType: number): boolean {
  return syncType === SyncMessageType.step2 || syncType === SyncMessageType.update;
}
