import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { GEZAMENLIJK } from '../../../shared/src/schema/docNames';
import { proseField } from '../../../shared/src/schema/planSchema';
import { fragmentText } from '../../../shared/src/schema/proseText';
import { signInAs } from '../../helpers/signIn';
import { startServer, type TestServer } from '../../helpers/startServer';
import { connectDoc } from '../../helpers/syncClient';
import { waitFor } from '../../helpers/waitFor';

function updateFrame(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  syncProtocol.writeUpdate(e, update);
  return encoding.toUint8Array(e);
}

describe('updates that arrive before what they build on', () => {
  let server: TestServer;
  afterEach(() => server.close({ remove: true }));

  it('[S13] an acknowledged update with missing dependencies survives a restart and applies once they come', async () => {
    server = await startServer();
    const jb = await signInAs(server.base, server.invitations, 'jeugdbeschermer');
    const a = connectDoc(server.base, jb.planId, GEZAMENLIJK, { cookie: jb.cookie });
    await waitFor(() => a.synced, 'sync');
    a.close();

    // Build two edits offline; send only the second, which depends on the first.
    const local = new Y.Doc();
    Y.applyUpdate(local, Y.encodeStateAsUpdate(a.doc));
    const zorgen = proseField(local, 'gezamenlijk', 'zorgen');
    const base = Y.encodeStateVector(local);
    const p = new Y.XmlElement('paragraph');
    const text = new Y.XmlText('eerst');
    p.insert(0, [text]);
    zorgen.insert(zorgen.length, [p]);
    const mid = Y.encodeStateVector(local);
    const first = Y.encodeStateAsUpdate(local, base);
    text.insert(text.length, ' en dan');
    const second = Y.encodeStateAsUpdate(local, mid);

    const b = connectDoc(server.base, jb.planId, GEZAMENLIJK, { cookie: jb.cookie });
    await waitFor(() => b.synced && b.saved >= 1, 'sync');
    b.sendRaw(updateFrame(second));
    await waitFor(() => b.saved >= 2, 'saved for the dependent update');
    b.close();

    const { dataDir } = server;
    await server.close();
    server = await startServer({ dataDir });
    const c = connectDoc(server.base, jb.planId, GEZAMENLIJK, { cookie: jb.cookie });
    await waitFor(() => c.synced && c.saved >= 1, 'sync after restart');
    c.sendRaw(updateFrame(first));
    await waitFor(() => c.saved >= 2, 'saved for the first update');
    await waitFor(() => fragmentText(proseField(c.doc, 'gezamenlijk', 'zorgen')).includes('eerst en dan'), 'both edits merged');
    c.close();
    expect(c.rejected).toEqual([]);
  });
});
