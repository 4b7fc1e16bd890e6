/** The first wait after a dropped socket, before jitter. */
export const RECONNECT_BASE_MS = 300;
/** The longest wait between two attempts. */
export const RECONNECT_MAX_MS = 10_000;

/**
 * How long to wait before reconnect attempt `attempt` (0 for the first): exponential backoff with "equal
 * jitter", a random point in the upper half of the window. After a server restart every open page
 * reconnects at once; the jitter spreads them out, the lower half keeps a fast client from hammering.
 *
 * @example reconnectDelay(0, () => 0.5) // 225: window 300 ms, half of it plus a quarter
 */
export function reconnectDelay(attempt: number, random: () => number = Math.random): number {
  const window = Math.min(RECONNECT_MAX_MS, RECONNECT_BASE_MS * 2 ** Math.max(0, attempt));
  return Math.round(window / 2 + random() * (window / 2));
}
