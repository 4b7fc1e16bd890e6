import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { SocketAdapter } from '../../../../server/src/sync/socketAdapter';

/** Just enough of a `ws` socket for the adapter: events, a state, and a record of closes. */
function fakeSocket() {
  const ws = Object.assign(new EventEmitter(), {
    OPEN: 1,
    CONNECTING: 0,
    readyState: 1,
    isPaused: false,
    closed: [] as number[],
    close(code: number) {
      this.closed.push(code);
      this.readyState = 3;
    },
    send() {},
    ping() {},
    terminate() {},
    pause() {},
    resume() {},
  });
  return ws;
}

function adapterOn(ws: ReturnType<typeof fakeSocket>, firstMessageMs = 60_000) {
  const frames: Uint8Array[] = [];
  const events: string[] = [];
  const adapter = new SocketAdapter(ws as unknown as WebSocket, {
    maxBufferedBytes: 1024,
    firstMessageMs,
    onTextFrame: () => events.push('text'),
    onOverflow: () => events.push('overflow'),
    onSilent: () => events.push('silent'),
  });
  adapter.attach({ receive: (f) => frames.push(f), closed: () => events.push('closed') });
  return { adapter, frames, events };
}

describe('the socket adapter', () => {
  it('[S26] a frame handed over as a view into a larger buffer gets bytes of its own: no declared length reads the next frame', () => {
    const ws = fakeSocket();
    const { frames, adapter } = adapterOn(ws);
    const chunk = Buffer.from([0, 2, 9, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    ws.emit('message', chunk.subarray(0, 3), true);
    const frame = frames[0] as Uint8Array;
    expect([...frame]).toEqual([0, 2, 9]);
    expect(frame.buffer.byteLength).toBe(3);
    adapter.close(1000, 'done');
  });

  it('[S27] a socket that sends nothing within the first-message time is reported silent; one that speaks is not', async () => {
    const silent = adapterOn(fakeSocket(), 20);
    const speaking = fakeSocket();
    const spoke = adapterOn(speaking, 20);
    speaking.emit('message', Buffer.from([0]), true);
    await new Promise((r) => setTimeout(r, 60));
    expect(silent.events).toContain('silent');
    expect(spoke.events).not.toContain('silent');
  });
});
