import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { CloseCode } from '../../../shared/src/protocol/closeCodes';
import { GEZAMENLIJK } from '../../../shared/src/schema/docNames';
import { proseField } from '../../../shared/src/schema/planSchema';
import { fragmentText } from '../../../shared/src/schema/proseText';
import { updateFrame } from '../../helpers/hostileFrames';
import { signInAs } from '../../helpers/signIn';
import { startServer, type TestServer } from '../../helpers/startServer';
import { connectDoc } from '../../helpers/syncClient';
import { waitFor } from '../../helpers/waitFor';

/**
 * Updates that arrive before what they build on (issue #9). Yjs would hold them in memory until the missing
 * clocks come, which a hostile client can make "never" while every later update retries them. The server
 * refuses them instead: 4400, nothing stored. An honest client never sends one: its first sync carries all
 * the server lacks, and its live updates follow each other in order on one socket.
 */
describe('updates that arrive before what they build on', () => {
  let server: TestServer;
  afterEach(() => server.close({ remove: true }));

  it('[S13] an update with missing dependencies closes with 4400 and is not stored; sent after what it builds on, it applies and survives a restart', async () => {
    server = await startServer();
    const jb = await signInAs(server.base, server.invitations, 'jeugdbeschermer');
    const a = connectDoc(server.base, jb.planId, GEZAMENLIJK, { cookie: jb.cookie });
    await waitFor(() => a.synced, 'sync');
    a.close();

    // Build two edits offline; the second depends on the first.
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
    expect(await waitFor(() => b.closeCode, 'close')).toBe(CloseCode.malformed);

    const c = connectDoc(server.base, jb.planId, GEZAMENLIJK, { cookie: jb.cookie });
    await waitFor(() => c.synced && c.saved >= 1, 'sync');
    expect(fragmentText(proseField(c.doc, 'gezamenlijk', 'zorgen'))).not.toContain('en dan');
    c.sendRaw(updateFrame(first));
    c.sendRaw(updateFrame(second));
    await waitFor(() => c.saved >= 3, 'both saved');
    c.close();

    const { dataDir } = server;
    await server.close();
    server = await startServer({ dataDir });
    const d = connectDoc(server.base, jb.planId, GEZAMENLIJK, { cookie: jb.cookie });
    await waitFor(() => d.synced, 'sync after restart');
    expect(fragmentText(proseField(d.doc, 'gezamenlijk', 'zorgen'))).toContain('eerst en dan');
    d.close();
    expect(c.rejected).toEqual([]);
  });

  it('[S14] an edit that builds on a rejected one gets 101 as well, and the socket stays open', async () => {
    server = await startServer();
    const jb = await signInAs(server.base, server.invitations, 'jeugdbeschermer');
    const c = connectDoc(server.base, jb.planId, GEZAMENLIJK, { cookie: jb.cookie });
    await waitFor(() => c.synced && c.saved >= 1, 'sync');
    // A root outside the allowlist is rejected; the next keystroke in it was typed before the client knew.
    const local = new Y.Doc();
    const geheim = local.getText('geheim');
    geheim.insert(0, 'a');
    const sv = Y.encodeStateVector(local);
    const rejected = Y.encodeStateAsUpdate(local);
    geheim.insert(1, 'b');
    const builtOnIt = Y.encodeStateAsUpdate(local, sv);
    c.sendRaw(updateFrame(rejected));
    c.sendRaw(updateFrame(builtOnIt));
    await waitFor(() => c.rejected.length === 2 && c.saved >= 3, 'both rejected');
    expect(c.rejected.map((r) => r.n)).toEqual([2, 3]);
    expect(c.rejected[1]?.reason).toMatch(/voort op een wijziging die niet is opgeslagen/);
    expect(c.closeCode).toBeNull();
    c.close();
  });
});
