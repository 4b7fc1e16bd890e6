import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { readUpdateShape } from '../../../../../server/src/sync/inspection/readUpdateShape';
import type { UpdateShape } from '../../../../../server/src/sync/inspection/updateShape';
import { addsNothing, appliesToCopy, clientsAdded, continuesCollectedStruct, deepestAnchoredNesting, hasMissingDependencies } from '../../../../../server/src/sync/inspection/shapeAgainstDoc';
import { holdingsOfDoc, StoredState, type DocHoldings } from '../../../../../server/src/sync/storedState';

function shapeOf(update: Uint8Array): UpdateShape {
  const r = readUpdateShape(update, { maxStructs: 100_000, maxDepth: 100 });
  if (!r.ok) throw new Error(r.fault);
  return r.shape;
}

/** The doc as a live Y.Doc and as its stored bytes (a room whose doc is not built): every check must agree. */
function bothViews(doc: Y.Doc): Array<[string, DocHoldings]> {
  return [
    ['live doc', holdingsOfDoc(doc)],
    ['stored bytes', StoredState.of([Y.encodeStateAsUpdate(doc)])],
  ];
}

describe('an update’s shape against the live doc (main thread)', () => {
  it('[S3] an update the doc already holds adds nothing; a new insert or delete does (live doc and stored bytes alike)', () => {
    const server = new Y.Doc();
    const client = new Y.Doc();
    client.getText('t').insert(0, 'hallo');
    Y.applyUpdate(server, Y.encodeStateAsUpdate(client));
    for (const [view, held] of bothViews(server)) {
      expect(addsNothing(shapeOf(Y.encodeStateAsUpdate(client)), held), view).toBe(true);
      expect(addsNothing(shapeOf(Y.encodeStateAsUpdate(client, Y.encodeStateVector(server))), held), view).toBe(true);
    }

    const before = Y.encodeStateVector(client);
    client.getText('t').delete(0, 1);
    const deletion = Y.encodeStateAsUpdate(client, before);
    for (const [view, held] of bothViews(server)) expect(addsNothing(shapeOf(deletion), held), view).toBe(false);
    Y.applyUpdate(server, deletion);
    for (const [view, held] of bothViews(server)) expect(addsNothing(shapeOf(deletion), held), view).toBe(true);

    client.getText('t').insert(0, 'x');
    for (const [view, held] of bothViews(server)) {
      expect(addsNothing(shapeOf(Y.encodeStateAsUpdate(client)), held), view).toBe(false);
      expect(clientsAdded(shapeOf(Y.encodeStateAsUpdate(client)), held), view).toEqual([client.clientID]);
    }
  });

  it('[S3b] a deletion only part of which the doc holds adds something, from the bytes as from the live doc', () => {
    const server = new Y.Doc();
    const client = new Y.Doc();
    client.getText('t').insert(0, 'abcdefgh');
    Y.applyUpdate(server, Y.encodeStateAsUpdate(client));
    let sv = Y.encodeStateVector(client);
    client.getText('t').delete(2, 2);
    Y.applyUpdate(server, Y.encodeStateAsUpdate(client, sv));
    sv = Y.encodeStateVector(client);
    client.getText('t').delete(1, 4); // b, (c, d already gone), e, f
    const wider = Y.encodeStateAsUpdate(client, sv);
    for (const [view, held] of bothViews(server)) expect(addsNothing(shapeOf(wider), held), view).toBe(false);
    Y.applyUpdate(server, wider);
    for (const [view, held] of bothViews(server)) expect(addsNothing(shapeOf(Y.encodeStateAsUpdate(client)), held), view).toBe(true);
  });

  it('[S5] an update missing what it builds on is told apart from one that follows it', () => {
    const server = new Y.Doc();
    const client = new Y.Doc();
    const text = client.getText('t');
    text.insert(0, 'a');
    const first = Y.encodeStateAsUpdate(client);
    const sv = Y.encodeStateVector(client);
    text.insert(1, 'b');
    const second = Y.encodeStateAsUpdate(client, sv);
    for (const [view, held] of bothViews(server)) expect(hasMissingDependencies(shapeOf(second), held), view).toBe(true);
    Y.applyUpdate(server, first);
    for (const [view, held] of bothViews(server)) expect(hasMissingDependencies(shapeOf(second), held), view).toBe(false);
  });

  it('[S6] the depth of a type nested under one in the doc counts from the root', () => {
    const server = new Y.Doc();
    const client = new Y.Doc();
    let inner = client.getXmlFragment('f') as Y.XmlFragment | Y.XmlElement;
    for (let i = 0; i < 5; i++) {
      const el = new Y.XmlElement('div');
      inner.insert(0, [el]);
      inner = el;
    }
    Y.applyUpdate(server, Y.encodeStateAsUpdate(client));
    const sv = Y.encodeStateVector(client);
    const deeper = new Y.XmlElement('p');
    deeper.insert(0, [new Y.XmlElement('em')]);
    inner.insert(0, [deeper]);
    const shape = shapeOf(Y.encodeStateAsUpdate(client, sv));
    // fragment 1, five divs 2–6, p 7, em 8.
    expect(deepestAnchoredNesting(shape, server, 100)).toBe(8);
  });
  it('[S7] an update going on from collected clocks: the mutant the fuzzer found (Yjs throws on it) is caught; an honest resend into a deleted text applies', () => {
    const fixture = (name: string) => new Uint8Array(readFileSync(fileURLToPath(new URL(`../../../../fixtures/fuzz/${name}`, import.meta.url))));
    const doc = new Y.Doc();
    Y.applyUpdate(doc, fixture('continues-collected.base.bin'));
    const mutant = fixture('continues-collected.update.bin');
    expect(continuesCollectedStruct(shapeOf(mutant), doc)).toBe(true);
    expect(appliesToCopy(doc, mutant)).toBe(false);

    const client = new Y.Doc();
    client.clientID = 5;
    const text = new Y.Text();
    client.getMap('m').set('t', text);
    text.insert(0, 'abc');
    const server = new Y.Doc();
    Y.applyUpdate(server, Y.encodeStateAsUpdate(client));
    server.getMap('m').delete('t'); // removed at the server: its characters are collected
    text.insert(3, 'de'); // the client, unaware, goes on typing: one item "abcde" on its side
    const resend = Y.encodeStateAsUpdate(client);
    expect(continuesCollectedStruct(shapeOf(resend), server)).toBe(true);
    expect(appliesToCopy(server, resend)).toBe(true);
    const since = Y.encodeStateAsUpdate(client, Y.encodeStateVector(server));
    expect(continuesCollectedStruct(shapeOf(since), server)).toBe(false);
  });
});
