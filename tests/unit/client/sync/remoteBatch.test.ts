import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import { afterEach, describe, expect, it } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import { messageAwareness, messageSync, WebsocketProvider } from 'y-websocket';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { batchRemoteChanges } from '../../../../client/src/sync/remoteBatch';

/** A provider that never connects: messages are handed to its handlers as y-websocket's onmessage does. */
function setup() {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider('ws://127.0.0.1:9', 'gezamenlijk', doc, { connect: false, disableBc: true, WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket });
  let flush: () => void = () => undefined;
  let requests = 0;
  const stop = batchRemoteChanges(provider, (fn) => {
    flush = fn;
    return { request: () => void (requests += 1), cancel: () => undefined };
  });
  const receive = (type: number, write: (encoder: encoding.Encoder) => void): Uint8Array => {
    const message = encoding.createEncoder();
    write(message);
    const decoder = decoding.createDecoder(encoding.toUint8Array(message));
    const reply = encoding.createEncoder();
    provider.messageHandlers[type]?.(reply, decoder, provider, true, type);
    return encoding.toUint8Array(reply);
  };
  const events: { origin: unknown }[] = [];
  doc.on('update', (_update: Uint8Array, origin: unknown) => events.push({ origin }));
  return { doc, provider, stop, receive, events, flush: () => flush(), requests: () => requests };
}

/** Another person's doc: each keystroke an update message as the server relays it. */
function typist() {
  const doc = new Y.Doc();
  const text = doc.getText('t');
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  return { doc, type: (s: string) => text.insert(text.length, s), updates };
}

const updateMessage = (update: Uint8Array) => (e: encoding.Encoder) => {
  encoding.writeVarUint(e, syncProtocol.messageYjsUpdate);
  encoding.writeVarUint8Array(e, update);
};

let open: WebsocketProvider[] = [];
afterEach(() => {
  open.forEach((p) => p.destroy());
  open = [];
});

describe('batchRemoteChanges', () => {
  it('keeps remote updates until the frame is done, then applies them in one transaction from the provider', () => {
    const s = setup();
    open.push(s.provider);
    s.provider.synced = true;
    const other = typist();
    other.type('a');
    other.type('b');
    other.type('c');
    const replies = other.updates.map((u) => s.receive(messageSync, updateMessage(u)));
    expect(replies.every((r) => r.length === 0)).toBe(true);
    expect(s.doc.getText('t').toString()).toBe('');
    expect(s.requests()).toBe(3);
    s.flush();
    expect(s.doc.getText('t').toString()).toBe('abc');
    expect(s.events).toEqual([{ origin: s.provider }]);
  });

  it('applies the carets after the updates they point into, and handles sync steps at once, after what waits', () => {
    const s = setup();
    open.push(s.provider);
    s.provider.synced = true;
    const other = typist();
    const theirs = new awarenessProtocol.Awareness(other.doc);
    other.type('hallo');
    const caret = Y.createRelativePositionFromTypeIndex(other.doc.getText('t'), 5);
    theirs.setLocalStateField('cursor', Y.relativePositionToJSON(caret));
    s.receive(messageSync, updateMessage(other.updates[0] as Uint8Array));
    s.receive(messageAwareness, (e) => encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(theirs, [other.doc.clientID])));
    expect(s.provider.awareness.getStates().has(other.doc.clientID)).toBe(false);

    // A sync step 1 first takes in what waits, then is answered as usual.
    const reply = s.receive(messageSync, (e) => syncProtocol.writeSyncStep1(e, other.doc));
    expect(s.doc.getText('t').toString()).toBe('hallo');
    expect(s.provider.awareness.getStates().get(other.doc.clientID)?.cursor).toBeDefined();
    expect(decoding.readVarUint(decoding.createDecoder(reply))).toBe(messageSync);
    theirs.destroy();
  });

  it('applies updates at once before the first sync, takes in waiting ones when the socket closes, and can be stopped', () => {
    const s = setup();
    open.push(s.provider);
    const other = typist();
    other.type('x');
    s.receive(messageSync, updateMessage(other.updates[0] as Uint8Array));
    expect(s.doc.getText('t').toString()).toBe('x');

    s.provider.synced = true;
    other.type('y');
    s.receive(messageSync, updateMessage(other.updates[1] as Uint8Array));
    expect(s.doc.getText('t').toString()).toBe('x');
    s.provider.emit('connection-close', [null, s.provider]);
    expect(s.doc.getText('t').toString()).toBe('xy');

    s.stop();
    other.type('z');
    s.receive(messageSync, updateMessage(other.updates[2] as Uint8Array));
    expect(s.doc.getText('t').toString()).toBe('xyz');
  });
});
