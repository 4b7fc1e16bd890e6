import { reconnectDelay } from './reconnectDelay';

/**
 * An open socket that heard nothing for this long is taken for dead. The server sends a heartbeat every
 * 10 s (server/src/sync/heartbeat.ts), so this is two and a half missed beats; with the 2 s check below a
 * dead socket is dropped within 27 s (issue #9: within 30 s). y-websocket's own check waits 30–33 s.
 */
export const SILENT_SOCKET_MS = 25_000;
const WATCH_EVERY_MS = 2_000;
/** While the browser says it is offline, try only this often, in case it is wrong. */
export const OFFLINE_RETRY_MS = 30_000;

/** The part of y-websocket's `WebsocketProvider` (3.1) this module drives. */
export interface ReconnectableProvider {
  shouldConnect: boolean;
  wsconnected: boolean;
  wsLastMessageReceived: number;
  ws: unknown;
  connect(): void;
  disconnect(): void;
  on(event: 'connection-close', listener: (event: CloseEvent | null) => void): void;
  on(event: 'sync', listener: (synced: boolean) => void): void;
  off(event: 'connection-close', listener: (event: CloseEvent | null) => void): void;
  off(event: 'sync', listener: (synced: boolean) => void): void;
}

/** Starts and stops the reconnect loop of one provider. */
export interface ReconnectControl {
  /** Connects now and keeps reconnecting until `stop`, or until the server closes for good. */
  start(): void;
  stop(): void;
}

/**
 * Takes reconnecting over from y-websocket, whose backoff has no jitter and whose dead-socket check is too
 * slow for issue #9:
 * - after a drop it waits `reconnectDelay` (exponential, jittered), reset once a connection synced;
 * - the browser going offline drops the socket at once (so the status says "Offline" and new work waits for
 *   the next sync step 2), and coming online reconnects at once;
 * - while the browser says it is offline, no attempts (but one every `OFFLINE_RETRY_MS`): each would fail,
 *   and Chromium delays every later handshake of the page by up to 5 s once many have failed (its
 *   per-process WebSocket throttle), which would slow the reconnect when the network is back;
 * - a socket silent for `SILENT_SOCKET_MS` is dropped and reconnected.
 *
 * y-websocket schedules its own retry right after it emits `connection-close`; clearing `shouldConnect` in
 * that event turns its retry into a no-op, and `connect()` later sets it again.
 */
export function controlReconnect(
  provider: ReconnectableProvider,
  options: {
    shouldReconnect: (code: number) => boolean;
    random?: () => number;
    events?: Pick<Window, 'addEventListener' | 'removeEventListener'>;
    isOnline?: () => boolean;
  },
): ReconnectControl {
  const events = options.events ?? window;
  const isOnline = options.isOnline ?? (() => navigator.onLine);
  let wanted = false;
  let attempt = 0;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let watch: ReturnType<typeof setInterval> | undefined;

  const schedule = (ms: number) => {
    clearTimeout(retry);
    retry = setTimeout(connectNow, ms);
  };
  const connectNow = () => {
    clearTimeout(retry);
    retry = undefined;
    if (!wanted || provider.ws !== null) return;
    if (isOnline()) provider.connect();
    else schedule(OFFLINE_RETRY_MS);
  };
  const onClose = (event: CloseEvent | null) => {
    if (!wanted) return;
    // A close the server meant (4401, 4403 …): y-websocket stops by itself, and so do we.
    if (event !== null && !options.shouldReconnect(event.code)) {
      wanted = false;
      return;
    }
    provider.shouldConnect = false;
    schedule(reconnectDelay(attempt, options.random));
    attempt += 1;
  };
  const onSync = (synced: boolean) => {
    if (synced) attempt = 0;
  };
  const onOnline = () => {
    attempt = 0;
    connectNow();
  };
  const onOffline = () => {
    if (wanted && provider.ws !== null) provider.disconnect();
  };
  const checkSilence = () => {
    if (wanted && provider.wsconnected && Date.now() - provider.wsLastMessageReceived > SILENT_SOCKET_MS) provider.disconnect();
  };

  provider.on('connection-close', onClose);
  provider.on('sync', onSync);
  events.addEventListener('online', onOnline);
  events.addEventListener('offline', onOffline);
  return {
    start() {
      wanted = true;
      watch ??= setInterval(checkSilence, WATCH_EVERY_MS);
      connectNow();
    },
    stop() {
      wanted = false;
      clearTimeout(retry);
      clearInterval(watch);
      provider.off('connection-close', onClose);
      provider.off('sync', onSync);
      events.removeEventListener('online', onOnline);
      events.removeEventListener('offline', onOffline);
    },
  };
}
