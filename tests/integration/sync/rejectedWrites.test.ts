import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eigenDocName, GEZAMENLIJK } from '../../../shared/src/schema/docNames';
import { proseField } from '../../../shared/src/schema/planSchema';
import { fragmentText } from '../../../shared/src/schema/proseText';
import { signInAs, type SignedIn } from '../../helpers/signIn';
import { startServer, type TestServer } from '../../helpers/startServer';
import { appendParagraph, connectDoc, type SyncClient } from '../../helpers/syncClient';
import { waitFor } from '../../helpers/waitFor';

describe('writes the member may not make are rejected, stored nowhere and reach nobody', () => {
  let server: TestServer;
  let ouder: SignedIn;
  let netwerk: SignedIn;
  let jb: SignedIn;
  const open: SyncClient[] = [];
  beforeAll(async () => {
    server = await startServer();
    ouder = await signInAs(server.base, server.invitations, 'ouder');
    netwerk = await signInAs(server.base, server.invitations, 'netwerk');
    jb = await signInAs(server.base, server.invitations, 'jeugdbeschermer');
  });
  afterAll(async () => {
    open.forEach((c) => c.close());
    await server.close({ remove: true });
  });

  async function join(who: SignedIn, docName: string): Promise<SyncClient> {
    const c = connectDoc(server.base, who.planId, docName, { cookie: who.cookie });
    open.push(c);
    expect(await c.opened).toBe(true);
    await waitFor(() => c.synced, 'sync');
    return c;
  }

  it("[R3] a network member cannot write a parent's own doc: 101 names the message, the owner never sees it", async () => {
    const owner = await join(ouder, eigenDocName(ouder.memberId));
    const other = await join(netwerk, eigenDocName(ouder.memberId));
    await waitFor(() => other.saved >= 1, 'the empty step 2 settled');
    const seq = appendParagraph(other, proseField(other.doc, 'eigen', 'zoZieIkHet'), 'vervalst');
    await waitFor(() => other.rejected.length > 0, 'a rejected message');
    expect(other.rejected).toEqual([{ n: seq, reason: expect.stringContaining('niet') }]);
    await waitFor(() => other.saved >= seq, 'saved covers the rejected message');
    expect(fragmentText(proseField(owner.doc, 'eigen', 'zoZieIkHet'))).not.toContain('vervalst');
    expect(server.logs.some((l) => l.event === 'update.rejected' && l.memberId === netwerk.memberId)).toBe(true);

    // A fresh reader sees the stored doc without the forged text.
    const fresh = await join(jb, eigenDocName(ouder.memberId));
    expect(fragmentText(proseField(fresh.doc, 'eigen', 'zoZieIkHet'))).not.toContain('vervalst');
  });

  it('[S40] an update that creates a root outside the allowlist is rejected', async () => {
    const c = await join(jb, GEZAMENLIJK);
    const before = c.contentSent;
    c.doc.getMap('geheim').set('x', 1);
    const seq = before + 1;
    await waitFor(() => c.rejected.some((r) => r.n === seq), 'rejected root');
    const fresh = await join(netwerk, GEZAMENLIJK);
    expect(fresh.doc.share.has('geheim')).toBe(false);
  });

  it('[S41] a resent update that adds nothing is settled on a read-only socket, not rejected', async () => {
    const owner = await join(ouder, eigenDocName(ouder.memberId));
    const reader = await join(netwerk, eigenDocName(ouder.memberId));
    const rejectedBefore = reader.rejected.length;
    // The reader resends the whole state it received: nothing new for the server.
    const whole = Y.encodeStateAsUpdate(reader.doc);
    const { writeUpdate } = await import('y-protocols/sync');
    const enc = await import('lib0/encoding');
    const e = enc.createEncoder();
    enc.writeVarUint(e, 0);
    writeUpdate(e, whole);
    const seq = reader.contentSent + 1;
    reader.contentSent = seq;
    reader.sendRaw(enc.toUint8Array(e));
    await waitFor(() => reader.saved >= seq, 'saved for the no-op');
    expect(reader.rejected.length).toBe(rejectedBefore);
    expect(owner.closeCode).toBeNull();
  });
});
