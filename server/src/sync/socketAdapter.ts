import type { WebSocket } from 'ws';
import type { RoomPeer } from './room';

/** What the adapter hands to the layer above: frames in order, and the end of the socket. */
export interface SocketListener {
  receive(frame: Uint8Array): void;
  closed(): void;
}

/**
 * Wraps a `ws` socket: attaches the message, close and error listeners once, turns frames into
 * Uint8Arrays of their own (so that no declared length can read past a frame into the next one), refuses
 * text frames, closes a socket whose first message does not come in time, and pings so that a dead peer is
 * noticed (STYLE.md pattern 1). Until `attach` is called, frames are buffered up to `maxBufferedBytes`.
 */
export class SocketAdapter implements RoomPeer {
  private listener: SocketListener | undefined;
  private buffered: Uint8Array[] = [];
  private bufferedBytes = 0;
  private alive = true;
  private isClosed = false;
  private resumeTimer: NodeJS.Timeout | undefined;
  private readonly firstMessageTimer: NodeJS.Timeout;

  constructor(
    private readonly ws: WebSocket,
    private readonly options: {
      maxBufferedBytes: number;
      /** A client sends its sync step 1 as soon as it is open; a socket that says nothing this long is closed. */
      firstMessageMs: number;
      onTextFrame: () => void;
      onOverflow: () => void;
      onSilent: () => void;
    },
  ) {
    this.firstMessageTimer = setTimeout(() => options.onSilent(), options.firstMessageMs);
    ws.on('message', (data, isBinary) => this.onMessage(data, isBinary));
    ws.on('pong', () => (this.alive = true));
    ws.on('close', () => this.onClose());
    // Without an error listener a socket error would crash the process (STYLE.md, Avoid).
    ws.on('error', () => this.close(1011, 'error'));
  }

  /** Starts delivering frames to the listener, first the buffered ones. */
  attach(listener: SocketListener): void {
    this.listener = listener;
    const frames = this.buffered;
    this.buffered = [];
    for (const frame of frames) if (!this.isClosed) listener.receive(frame);
    if (this.isClosed) listener.closed();
  }

  send(message: Uint8Array): void {
    if (this.ws.readyState === this.ws.OPEN) this.ws.send(message);
  }

  close(code: number, reason: string): void {
    // A paused socket could not read the peer's answer to the close frame; frames still queued are dropped.
    clearTimeout(this.resumeTimer);
    if (this.ws.isPaused) this.ws.resume();
    if (this.ws.readyState === this.ws.OPEN || this.ws.readyState === this.ws.CONNECTING) this.ws.close(code, reason);
  }

  /** Stops reading frames for `ms` (the sender is slowed by TCP; nothing is dropped). */
  pause(ms: number): void {
    if (this.ws.readyState !== this.ws.OPEN) return;
    this.ws.pause();
    clearTimeout(this.resumeTimer);
    this.resumeTimer = setTimeout(() => {
      if (this.ws.readyState === this.ws.OPEN) this.ws.resume();
    }, ms);
  }

  /** Called by the heartbeat: a socket that did not answer the last ping is ended. */
  heartbeat(): void {
    if (!this.alive) {
      this.ws.terminate();
      return;
    }
    this.alive = false;
    this.ws.ping();
  }

  get closed(): boolean {
    return this.isClosed;
  }

  private onMessage(data: unknown, isBinary: boolean): void {
    clearTimeout(this.firstMessageTimer);
    // Once the server has closed a socket (e.g. its rights changed), nothing more it sends is acted on.
    if (this.ws.readyState !== this.ws.OPEN) return;
    if (!isBinary) return this.options.onTextFrame();
    const frame = toUint8Array(data);
    if (this.listener) return this.listener.receive(frame);
    this.bufferedBytes += frame.length;
    if (this.bufferedBytes > this.options.maxBufferedBytes) return this.options.onOverflow();
    this.buffered.push(frame);
  }

  private onClose(): void {
    if (this.isClosed) return;
    this.isClosed = true;
    clearTimeout(this.resumeTimer);
    clearTimeout(this.firstMessageTimer);
    this.listener?.closed();
  }
}

/**
 * A frame as a Uint8Array over exactly its own bytes. `ws` may hand out a view into a larger buffer (the rest
 * of a TCP read); lib0 bounds its reads by the buffer, not the view, so a declared length beyond the frame
 * would read the next frame's bytes. Such a view is copied (small frames only; large ones come whole).
 */
function toUint8Array(data: unknown): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data as Buffer[]));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  const buf = data as Buffer;
  const view = new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  return buf.byteOffset === 0 && buf.buffer.byteLength === buf.byteLength ? view : view.slice();
}
