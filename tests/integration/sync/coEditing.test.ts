import { afterEach, describe, expect, it } from 'vitest';
import { GEZAMENLIJK } from '../../../shared/src/schema/docNames';
import { proseField } from '../../../shared/src/schema/planSchema';
import { fragmentText } from '../../../shared/src/schema/proseText';
import { signInAs } from '../../helpers/signIn';
import { startServer, type TestServer } from '../../helpers/startServer';
import { appendParagraph, connectDoc, type SyncClient } from '../../helpers/syncClient';
import { waitFor } from '../../helpers/waitFor';

describe('co-editing over real sockets', () => {
  let server: TestServer;
  const clients: SyncClient[] = [];
  afterEach(async () => {
    clients.forEach((c) => c.close());
    clients.length = 0;
    await server.close({ remove: true });
  });

  async function join(role: string): Promise<SyncClient> {
    const who = await signInAs(server.base, server.invitations, role);
    const c = connectDoc(server.base, who.planId, GEZAMENLIJK, { cookie: who.cookie });
    clients.push(c);
    expect(await c.opened).toBe(true);
    await waitFor(() => c.synced, 'initial sync');
    return c;
  }

  it('[S10] two clients converge and a late joiner gets the full state', async () => {
    server = await startServer();
    const a = await join('jeugdbeschermer');
    const b = await join('hulpverlener');
    expect(fragmentText(proseField(a.doc, 'gezamenlijk', 'zorgen'))).toContain('ruzie');

    const seqA = appendParagraph(a, proseField(a.doc, 'gezamenlijk', 'zorgen'), 'van A');
    const seqB = appendParagraph(b, proseField(b.doc, 'gezamenlijk', 'zorgen'), 'van B');
    for (const c of [a, b]) {
      await waitFor(() => fragmentText(proseField(c.doc, 'gezamenlijk', 'zorgen')).includes('van A') && fragmentText(proseField(c.doc, 'gezamenlijk', 'zorgen')).includes('van B'), 'both edits everywhere');
    }
    await waitFor(() => a.saved >= seqA && b.saved >= seqB, 'saved for both writers');
    expect(fragmentText(proseField(a.doc, 'gezamenlijk', 'zorgen'))).toBe(fragmentText(proseField(b.doc, 'gezamenlijk', 'zorgen')));

    const late = await join('gedragswetenschapper');
    expect(fragmentText(proseField(late.doc, 'gezamenlijk', 'zorgen'))).toBe(fragmentText(proseField(a.doc, 'gezamenlijk', 'zorgen')));
    expect(late.rejected).toEqual([]);
  });

  it('[S11] a restarted server keeps what was saved', async () => {
    server = await startServer();
    const a = await join('jeugdbeschermer');
    const seq = appendParagraph(a, proseField(a.doc, 'gezamenlijk', 'watGaatGoed'), 'blijft bewaard');
    await waitFor(() => a.saved >= seq, 'saved');
    a.close();
    const { dataDir, invitations } = server;
    await server.close();
    server = await startServer({ dataDir });
    expect(server.invitations.map((i) => i.token)).toEqual(invitations.map((i) => i.token));
    const again = await join('hulpverlener');
    expect(fragmentText(proseField(again.doc, 'gezamenlijk', 'watGaatGoed'))).toContain('blijft bewaard');
  });

  it('[S12] the empty sync step 2 of a new client is settled, not rejected', async () => {
    server = await startServer();
    const a = await join('ouder');
    await waitFor(() => a.saved >= 1, 'saved covering the step 2');
    expect(a.rejected).toEqual([]);
  });
});
