import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import { MessageType, SyncMessageType } from '../../../shared/src/protocol/messageTypes';
import type { Seat } from './loadClient';

/**
 * A socket that sits on a doc and does nothing, for the idle-memory scenario: no Y.Doc of its own, so a
 * thousand of them cost the load generator next to nothing. On open it may push an update as sync step 2
 * (content message 1), then sends sync step 1 with an empty state vector; the server's step 2 answer
 * arrives after it has handled the push (messages are handled in order) and holds the doc's whole state.
 * Everything else the server sends is counted and dropped.
 */
export class IdleClient {
  readonly ws: WebSocket;
  /** The payload of the first sync step 2 received: the doc's whole state, push included. */
  state: Uint8Array | undefined;
  savedUpTo = 0;
  bytesReceived = 0;
  readonly ready: Promise<void>;

  constructor(seat: Seat, options: { push?: Uint8Array; timeoutMs?: number } = {}) {
    this.ws = new WebSocket(seat.url, { headers: seat.headers, perMessageDeflate: false });
    this.ws.binaryType = 'nodebuffer';
    this.ws.on('error', () => undefined);
    const timeoutMs = options.timeoutMs ?? 60_000;
    this.ready = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`idle client not answered within ${timeoutMs} ms`)), timeoutMs);
      this.ws.on('message', (data: Buffer) => {
        this.receive(data);
        if (this.state) {
          clearTimeout(timer);
          resolve();
        }
      });
      this.ws.once('close', (code) => {
        clearTimeout(timer);
        reject(new Error(`closed ${code} before the server answered`));
      });
      this.ws.once('unexpected-response', (_req, res) => {
        clearTimeout(timer);
        reject(new Error(`upgrade refused: HTTP ${res.statusCode}`));
      });
    });
    this.ready.catch(() => undefined);
    this.ws.on('open', () => {
      if (options.push) this.ws.send(syncMessage(SyncMessageType.step2, options.push));
      this.ws.send(syncMessage(SyncMessageType.step1, new Uint8Array([0])));
    });
  }

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

  private receive(data: Buffer): void {
    this.bytesReceived += data.length;
    const d = decoding.createDecoder(data);
    const type = decoding.readVarUint(d);
    if (type === MessageType.saved) this.savedUpTo = Math.max(this.savedUpTo, decoding.readVarUint(d));
    if (type !== MessageType.sync || this.state) return;
    if (decoding.readVarUint(d) === SyncMessageType.step2) this.state = decoding.readVarUint8Array(d);
  }
}

function syncMessage(syncType: number, payload: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.sync);
  encoding.writeVarUint(e, syncType);
  encoding.writeVarUint8Array(e, payload);
  return encoding.toUint8Array(e);
}
