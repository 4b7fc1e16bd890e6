import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addsNothing, rootNamesWritten } from '../../../../server/src/sync/updateInspection';

describe('update inspection', () => {
  it('[S2] names the roots an update writes into', () => {
    const doc = new Y.Doc();
    doc.getXmlFragment('zorgen').insert(0, [new Y.XmlElement('paragraph')]);
    doc.getMap('geheim').set('a', 1);
    expect([...rootNamesWritten(Y.encodeStateAsUpdate(doc))].sort()).toEqual(['geheim', 'zorgen']);
  });

  it('[S3] an update the doc already holds adds nothing; a new insert or delete does', () => {
    const server = new Y.Doc();
    const client = new Y.Doc();
    client.getText('t').insert(0, 'hallo');
    Y.applyUpdate(server, Y.encodeStateAsUpdate(client));
    expect(addsNothing(server, Y.encodeStateAsUpdate(client))).toBe(true);
    expect(addsNothing(server, Y.encodeStateAsUpdate(client, Y.encodeStateVector(server)))).toBe(true);

    const before = Y.encodeStateVector(client);
    client.getText('t').delete(0, 1);
    const deletion = Y.encodeStateAsUpdate(client, before);
    expect(addsNothing(server, deletion)).toBe(false);
    Y.applyUpdate(server, deletion);
    expect(addsNothing(server, deletion)).toBe(true);

    client.getText('t').insert(0, 'x');
    expect(addsNothing(server, Y.encodeStateAsUpdate(client))).toBe(false);
  });

  it('[S4] a malformed update throws', () => {
    expect(() => rootNamesWritten(new Uint8Array([5, 200, 200, 200]))).toThrow();
  });
});
