import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { MessageType } from '../../shared/src/protocol/messageTypes';
import { syncPath } from '../../shared/src/protocol/syncPath';

/** A raw y-websocket client with its own Y.Doc, recording what the server said (saved, rejected, close code). */
export interface SyncClient {
  ws: WebSocket;
  doc: Y.Doc;
  awareness: awarenessProtocol.Awareness;
  /** Resolves true once open, false when refused or closed first. */
  opened: Promise<boolean>;
  synced: boolean;
  /** The last `saved` watermark. */
  saved: number;
  rejected: { n: number; reason: string }[];
  /** Content messages sent on this socket (sync step 2 and update), numbered as the server numbers them. */
  contentSent: number;
  closeCode: number | string | null;
  /** Raw frames to send as they are (hostile-input tests). */
  sendRaw(frame: Uint8Array | string): void;
  sendAwareness(state: Record<string, unknown>): void;
  close(): void;
}

/** Connects to `/sync/<planId>/<docName>` with a cookie and an Origin (default: the server's own). */
export function connectDoc(base: string, planId: string, docName: string, options: { cookie?: string; origin?: string; doc?: Y.Doc } = {}): SyncClient {
  const ws = new WebSocket(`${base.replace(/^http/, 'ws')}${syncPath(planId, docName)}`, {
    headers: options.cookie ? { cookie: options.cookie } : {},
    origin: options.origin ?? base,
  });
  ws.binaryType = 'arraybuffer';
  const doc = options.doc ?? new Y.Doc();
  const awareness = new awarenessProtocol.Awareness(doc);
  const c: SyncClient = {
    ws, doc, awareness, synced: false, saved: 0, rejected: [], contentSent: 0, closeCode: null,
    opened: new Promise<boolean>((resolve) => {
      ws.on('open', () => resolve(true));
      ws.on('close', (code) => { c.closeCode = code; resolve(false); });
      ws.on('unexpected-response', (_req, res) => { c.closeCode = `http ${res.statusCode}`; resolve(false); });
    }),
    sendRaw: (frame) => ws.send(frame),
    sendAwareness(state) {
      awareness.setLocalState(state);
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, MessageType.awareness);
      encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID]));
      ws.send(encoding.toUint8Array(e));
    },
    close: () => ws.close(),
  };
  ws.on('error', () => undefined);
  ws.on('open', () => {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, MessageType.sync);
    syncProtocol.writeSyncStep1(e, doc);
    ws.send(encoding.toUint8Array(e));
  });
  ws.on('message', (data: ArrayBuffer) => onMessage(c, new Uint8Array(data)));
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin === 'server' || ws.readyState !== WebSocket.OPEN) return;
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, MessageType.sync);
    syncProtocol.writeUpdate(e, update);
    ws.send(encoding.toUint8Array(e));
    c.contentSent += 1;
  });
  return c;
}

function onMessage(c: SyncClient, buf: Uint8Array): void {
  const d = decoding.createDecoder(buf);
  const type = decoding.readVarUint(d);
  if (type === MessageType.sync) {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, MessageType.sync);
    const syncType = syncProtocol.readSyncMessage(d, e, c.doc, 'server');
    if (syncType === syncProtocol.messageYjsSyncStep2) c.synced = true;
    if (encoding.length(e) > 1) {
      c.ws.send(encoding.toUint8Array(e));
      c.contentSent += 1; // our step 2, the answer to the server's step 1
    }
  } else if (type === MessageType.awareness) {
    awarenessProtocol.applyAwarenessUpdate(c.awareness, decoding.readVarUint8Array(d), 'server');
  } else if (type === MessageType.saved) {
    c.saved = decoding.readVarUint(d);
  } else if (type === MessageType.rejected) {
    c.rejected.push({ n: decoding.readVarUint(d), reason: decoding.readVarString(d) });
  }
}

/** Writes a paragraph at the end of a rich-text field; returns the number of the content message carrying it. */
export function appendParagraph(c: SyncClient, fragment: Y.XmlFragment, text: string): number {
  c.doc.transact(() => {
    const p = new Y.XmlElement('paragraph');
    p.insert(0, [new Y.XmlText(text)]);
    fragment.insert(fragment.length, [p]);
  });
  return c.contentSent;
}
