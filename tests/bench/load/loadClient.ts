import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { CloseCode } from '../../../shared/src/protocol/closeCodes';
import { MessageType } from '../../../shared/src/protocol/messageTypes';

/** Where one simulated client connects: the sync URL and the headers a signed-in browser would send. */
export interface Seat {
  url: string;
  headers: Record<string, string>;
}

/** Origin of updates applied from the server: they are not sent back. */
const FROM_SERVER = Symbol('server');

/**
 * A lean raw y-websocket client with its own Y.Doc, for load. Unlike tests/helpers/syncClient it keeps no
 * awareness and no message log: it applies sync messages, answers step 1, numbers its content messages
 * (sync step 2 and update, DESIGN.md §7) and calls back on `saved` and after each applied update, so the
 * latency trackers can work with plain counters. Byte counting is cheap and always on.
 */
export class LoadClient {
  readonly ws: WebSocket;
  readonly doc: Y.Doc;
  /** Content messages sent so far; the number of the last one. */
  contentSent = 0;
  /** The last `saved` watermark (project only). */
  savedUpTo = 0;
  rejected = 0;
  bytesReceived = 0;
  closeCode: number | undefined;
  /** performance.now() of the socket's open event. */
  openedAt = NaN;
  /** When the first sync step 2 from the server arrived, before it was applied. */
  step2ArrivedAt = NaN;
  /** When the first sync step 2 from the server was applied. */
  syncedAt = NaN;
  /** Called after every applied step 2 or update from the server. */
  onApplied: (() => void) | undefined;
  /** Called when the `saved` watermark moves, with the old and new watermark. */
  onSaved: ((from: number, to: number) => void) | undefined;
  readonly synced: Promise<void>;
  private nextStep2: (() => void)[] = [];

  constructor(seat: Seat, options: { doc?: Y.Doc; syncTimeoutMs?: number } = {}) {
    this.doc = options.doc ?? new Y.Doc();
    // Compression off on the client: the project's server refuses it anyway, and the reference's ws 6 would
    // otherwise deflate every frame, measuring zlib instead of sync (docs/performance.md).
    this.ws = new WebSocket(seat.url, { headers: seat.headers, perMessageDeflate: false });
    this.ws.binaryType = 'nodebuffer';
    this.synced = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`not synced within ${options.syncTimeoutMs ?? 30_000} ms: ${seat.url}`)), options.syncTimeoutMs ?? 30_000);
      this.nextStep2.push(() => {
        clearTimeout(timer);
        resolve();
      });
      this.ws.once('close', (code) => {
        clearTimeout(timer);
        reject(new Error(`closed ${code} before synced`));
      });
      this.ws.once('unexpected-response', (_req, res) => {
        clearTimeout(timer);
        reject(new Error(`upgrade refused: HTTP ${res.statusCode}${res.statusCode === 429 ? ' (an upgrade-rate limit: raise it in tests/bench/limits.ts)' : ''}`));
      });
    });
    this.synced.catch(() => undefined);
    this.ws.on('error', () => undefined);
    this.ws.on('open', () => {
      this.openedAt = performance.now();
      this.sendStep1();
    });
    this.ws.on('close', (code) => {
      this.closeCode = code;
    });
    this.ws.on('message', (data: Buffer) => this.receive(data));
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === FROM_SERVER || this.ws.readyState !== WebSocket.OPEN) return;
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, MessageType.sync);
      syncProtocol.writeUpdate(e, update);
      this.ws.send(encoding.toUint8Array(e));
      this.contentSent += 1;
    });
  }

  /** Sends sync step 1; resolves when the server's next step 2 has been applied (everything sent before is in). */
  roundTrip(): Promise<void> {
    return new Promise((resolve) => {
      this.nextStep2.push(resolve);
      this.sendStep1();
    });
  }

  /** Sends an awareness update (y-protocols/awareness `encodeAwarenessUpdate`) as message type 1. */
  sendAwareness(update: Uint8Array): void {
    if (this.ws.readyState !== WebSocket.OPEN) return;
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, MessageType.awareness);
    encoding.writeVarUint8Array(e, update);
    this.ws.send(encoding.toUint8Array(e));
  }

  /** Closes the socket; resolves once it is closed (or after a second, whichever is first). */
  close(): Promise<void> {
    if (this.ws.readyState === WebSocket.CLOSED) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.ws.terminate();
        resolve();
      }, 1000);
      this.ws.once('close', () => {
        clearTimeout(timer);
        resolve();
      });
      this.ws.close();
    });
  }

  /** Every content message sent so far is settled by `saved` (project only). */
  get allSaved(): boolean {
    return this.savedUpTo >= this.contentSent;
  }

  /** True when the server closed this socket for sending too much (4429): the bench must raise that limit. */
  get rateLimited(): boolean {
    return this.closeCode === CloseCode.tooManyMessages;
  }

  private sendStep1(): void {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, MessageType.sync);
    syncProtocol.writeSyncStep1(e, this.doc);
    this.ws.send(encoding.toUint8Array(e));
  }

  private receive(data: Buffer): void {
    this.bytesReceived += data.length;
    const d = decoding.createDecoder(data);
    const type = decoding.readVarUint(d);
    if (type === MessageType.sync) this.receiveSync(d);
    else if (type === MessageType.saved) this.receiveSaved(decoding.readVarUint(d));
    else if (type === MessageType.rejected) this.rejected += 1;
    // Awareness (1) is not applied: the load clients have no presence UI, and skipping it keeps them lean.
  }

  private receiveSync(d: decoding.Decoder): void {
    const arrivedAt = performance.now();
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, MessageType.sync);
    const syncType = syncProtocol.readSyncMessage(d, e, this.doc, FROM_SERVER);
    if (encoding.length(e) > 1) {
      this.ws.send(encoding.toUint8Array(e));
      this.contentSent += 1; // our step 2, the answer to the server's step 1
    }
    if (syncType === syncProtocol.messageYjsSyncStep1) return;
    if (syncType === syncProtocol.messageYjsSyncStep2) {
      if (Number.isNaN(this.syncedAt)) {
        this.step2ArrivedAt = arrivedAt;
        this.syncedAt = performance.now();
      }
      const waiting = this.nextStep2;
      this.nextStep2 = [];
      for (const resolve of waiting) resolve();
    }
    this.onApplied?.();
  }

  private receiveSaved(n: number): void {
    if (n <= this.savedUpTo) return;
    const from = this.savedUpTo;
    this.savedUpTo = n;
    this.onSaved?.(from, n);
  }
}
