import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { contentMessageKind } from '../../../client/src/sync/contentMessageKind';

function syncFrame(write: (e: encoding.Encoder, doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, 'hallo');
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  write(e, doc);
  return encoding.toUint8Array(e);
}

describe('contentMessageKind', () => {
  it('counts sync step 2 and update, not step 1', () => {
    expect(contentMessageKind(syncFrame((e, d) => syncProtocol.writeSyncStep1(e, d)))).toBe('other');
    expect(contentMessageKind(syncFrame((e, d) => syncProtocol.writeSyncStep2(e, d)))).toBe('step2');
    expect(contentMessageKind(syncFrame((e, d) => syncProtocol.writeUpdate(e, Y.encodeStateAsUpdate(d))))).toBe('update');
  });

  it('does not count awareness, junk or text frames', () => {
    const doc = new Y.Doc();
    const awareness = new awarenessProtocol.Awareness(doc);
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID]));
    expect(contentMessageKind(encoding.toUint8Array(e))).toBe('other');
    expect(contentMessageKind(new Uint8Array([0]))).toBe('other');
    expect(contentMessageKind(new Uint8Array([]))).toBe('other');
    expect(contentMessageKind('hallo')).toBe('other');
  });

  it('reads an ArrayBuffer as well as a view', () => {
    const frame = syncFrame((e, d) => syncProtocol.writeSyncStep2(e, d));
    expect(contentMessageKind(frame.slice().buffer)).toBe('step2');
  });
});
