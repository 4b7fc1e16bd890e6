import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { controlReconnect, OFFLINE_RETRY_MS, SILENT_SOCKET_MS, type ReconnectableProvider } from '../../../../client/src/sync/reconnectControl';
import { RECONNECT_BASE_MS, RECONNECT_MAX_MS, reconnectDelay } from '../../../../client/src/sync/reconnectDelay';

describe('reconnectDelay', () => {
  it('doubles the window per attempt up to the maximum, and waits at least half of it', () => {
    expect(reconnectDelay(0, () => 0)).toBe(RECONNECT_BASE_MS / 2);
    expect(reconnectDelay(0, () => 1)).toBe(RECONNECT_BASE_MS);
    expect(reconnectDelay(3, () => 1)).toBe(RECONNECT_BASE_MS * 8);
    expect(reconnectDelay(30, () => 1)).toBe(RECONNECT_MAX_MS);
    expect(reconnectDelay(30, () => 0)).toBe(RECONNECT_MAX_MS / 2);
  });

  it('spreads clients that dropped at the same moment', () => {
    const delays = new Set(Array.from({ length: 50 }, () => reconnectDelay(4)));
    expect(delays.size).toBeGreaterThan(10);
  });
});

/** A stand-in for y-websocket's provider with the fields and events the controller uses. */
function fakeProvider() {
  const listeners = new Map<string, Set<(arg: never) => void>>();
  const emit = (name: string, arg: unknown) => listeners.get(name)?.forEach((l) => (l as (a: unknown) => void)(arg));
  const p = {
    shouldConnect: false,
    wsconnected: false,
    wsLastMessageReceived: 0,
    ws: null as unknown,
    connects: 0,
    connect() {
      p.shouldConnect = true;
      p.connects += 1;
      p.ws = {};
    },
    disconnect() {
      p.shouldConnect = false;
      p.drop(null);
    },
    /** The socket closed (event null: closed by us). */
    drop(event: { code: number } | null) {
      emit('connection-close', event);
      p.ws = null;
      p.wsconnected = false;
    },
    open() {
      p.wsconnected = true;
      p.wsLastMessageReceived = Date.now();
      emit('sync', true);
    },
    on: (name: string, l: (arg: never) => void) => void (listeners.get(name) ?? listeners.set(name, new Set()).get(name))?.add(l),
    off: (name: string, l: (arg: never) => void) => void listeners.get(name)?.delete(l),
  };
  return p;
}

describe('controlReconnect', () => {
  let events: EventTarget;
  let online: boolean;
  beforeEach(() => {
    vi.useFakeTimers();
    events = new EventTarget();
    online = true;
  });
  /** The browser's network state changes, with its event. */
  const goOnline = (value: boolean) => {
    online = value;
    events.dispatchEvent(new Event(value ? 'online' : 'offline'));
  };
  afterEach(() => vi.useRealTimers());

  function setup() {
    const provider = fakeProvider();
    const control = controlReconnect(provider as unknown as ReconnectableProvider, {
      shouldReconnect: (code) => code !== 4403,
      random: () => 0,
      events: events as unknown as Window,
      isOnline: () => online,
    });
    control.start();
    return { provider, control };
  }

  it('reconnects after a drop with a growing, jittered wait, and stops y-websocket’s own retry', () => {
    const { provider } = setup();
    expect(provider.connects).toBe(1);
    provider.drop({ code: 1006 });
    expect(provider.shouldConnect).toBe(false);
    vi.advanceTimersByTime(RECONNECT_BASE_MS / 2 - 1);
    expect(provider.connects).toBe(1);
    vi.advanceTimersByTime(1);
    expect(provider.connects).toBe(2);
    provider.drop({ code: 1006 });
    vi.advanceTimersByTime(RECONNECT_BASE_MS - 1);
    expect(provider.connects).toBe(2);
    vi.advanceTimersByTime(1);
    expect(provider.connects).toBe(3);
  });

  it('does not reconnect after a close the server meant for good', () => {
    const { provider } = setup();
    provider.drop({ code: 4403 });
    vi.advanceTimersByTime(RECONNECT_MAX_MS * 2);
    goOnline(true);
    expect(provider.connects).toBe(1);
  });

  it('drops the socket when the browser goes offline, tries only rarely meanwhile, and reconnects at once when it is back', () => {
    const { provider } = setup();
    provider.open();
    goOnline(false);
    expect(provider.ws).toBeNull();
    vi.advanceTimersByTime(OFFLINE_RETRY_MS - 1);
    expect(provider.connects).toBe(1);
    goOnline(true);
    expect(provider.connects).toBe(2);
  });

  it('still tries now and then while the browser says offline, in case it is wrong', () => {
    online = false;
    const { provider } = setup();
    expect(provider.connects).toBe(0);
    online = true;
    vi.advanceTimersByTime(OFFLINE_RETRY_MS);
    expect(provider.connects).toBe(1);
  });

  it('drops a socket that stayed silent for too long, and connects again', () => {
    const { provider } = setup();
    provider.open();
    vi.advanceTimersByTime(SILENT_SOCKET_MS - 2_000);
    expect(provider.ws).not.toBeNull();
    // Checked every 2 s: dropped within 27 s of silence, well inside the 30 s of issue #9.
    vi.advanceTimersByTime(3_000);
    expect(provider.ws).toBeNull();
    expect(provider.connects).toBe(1);
    vi.advanceTimersByTime(RECONNECT_BASE_MS);
    expect(provider.connects).toBe(2);
  });

  it('does nothing after stop', () => {
    const { provider, control } = setup();
    control.stop();
    provider.drop({ code: 1006 });
    goOnline(true);
    vi.advanceTimersByTime(RECONNECT_MAX_MS);
    expect(provider.connects).toBe(1);
  });
});
