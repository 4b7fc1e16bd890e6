import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { readUpdateShape } from '../../../../../server/src/sync/inspection/readUpdateShape';
import type { UpdateShape } from '../../../../../server/src/sync/inspection/updateShape';
import { addsNothing, clientsAdded, deepestAnchoredNesting, hasMissingDependencies } from '../../../../../server/src/sync/inspection/shapeAgainstDoc';

function shapeOf(update: Uint8Array): UpdateShape {
  const r = readUpdateShape(update, { maxStructs: 100_000, maxDepth: 100 });
  if (!r.ok) throw new Error(r.fault);
  return r.shape;
}

describe('an update’s shape against the live doc (main thread)', () => {
  it('[S3] an update the doc already holds adds nothing; a new insert or delete does', () => {
    const server = new Y.Doc();
    const client = new Y.Doc();
    client.getText('t').insert(0, 'hallo');
    Y.applyUpdate(server, Y.encodeStateAsUpdate(client));
    expect(addsNothing(shapeOf(Y.encodeStateAsUpdate(client)), server)).toBe(true);
    expect(addsNothing(shapeOf(Y.encodeStateAsUpdate(client, Y.encodeStateVector(server))), server)).toBe(true);

    const before = Y.encodeStateVector(client);
    client.getText('t').delete(0, 1);
    const deletion = Y.encodeStateAsUpdate(client, before);
    expect(addsNothing(shapeOf(deletion), server)).toBe(false);
    Y.applyUpdate(server, deletion);
    expect(addsNothing(shapeOf(deletion), server)).toBe(true);

    client.getText('t').insert(0, 'x');
    expect(addsNothing(shapeOf(Y.encodeStateAsUpdate(client)), server)).toBe(false);
    expect(clientsAdded(shapeOf(Y.encodeStateAsUpdate(client)), server)).toEqual([client.clientID]);
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
    expect(hasMissingDependencies(shapeOf(second), server)).toBe(true);
    Y.applyUpdate(server, first);
    expect(hasMissingDependencies(shapeOf(second), server)).toBe(false);
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
});
