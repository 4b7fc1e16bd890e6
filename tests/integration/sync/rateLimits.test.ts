import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GEZAMENLIJK } from '../../../shared/src/schema/docNames';
import { fragmentText } from '../../../shared/src/schema/proseText';
import { proseV2 } from '../../../shared/src/schema/proseV2';
import { signInAs, type SignedIn } from '../../helpers/signIn';
import { startServer, type TestServer } from '../../helpers/startServer';
import { appendParagraph, connectDoc, type SyncClient } from '../../helpers/syncClient';
import { waitFor } from '../../helpers/waitFor';

/** Per-socket rates (issue #9), with limits lowered by configuration so the test stays short: 5 updates/s (a burst of 20), 5 s backlog, 10 awareness/s. */
describe('per-socket rate limits', () => {
  let server: TestServer;
  let jb: SignedIn;
  let hv: SignedIn;
  const open: SyncClient[] = [];
  beforeAll(async () => {
    server = await startServer({ env: { UPDATES_PER_SECOND: '5', UPDATE_BACKLOG_SECONDS: '5', AWARENESS_PER_SECOND: '10' } });
    jb = await signInAs(server.base, server.invitations, 'jeugdbeschermer');
    hv = await signInAs(server.base, server.invitations, 'hulpverlener');
  });
  afterAll(async () => {
    open.forEach((c) => c.close());
    await server.close({ remove: true });
  });

  async function join(who: SignedIn): Promise<SyncClient> {
    const c = connectDoc(server.base, who.planId, GEZAMENLIJK, { cookie: who.cookie });
    open.push(c);
    expect(await c.opened).toBe(true);
    await waitFor(() => c.synced, 'sync');
    return c;
  }

  it('[L1] an awareness flood is never closed: the latest state arrives and at most the rate is forwarded', async () => {
    const watcher = await join(jb);
    const typist = await join(hv);
    let changes = 0;
    watcher.awareness.on('change', () => (changes += 1));
    const t0 = Date.now();
    for (let i = 1; i <= 300; i++) typist.sendAwareness({ user: {}, cursor: i });
    await waitFor(() => watcher.awareness.getStates().get(typist.doc.clientID)?.cursor === 300, 'the latest caret', 10_000);
    const seconds = (Date.now() - t0) / 1000;
    expect(typist.closeCode).toBeNull();
    expect(changes).toBeLessThanOrEqual(10 + Math.ceil(seconds * 10) + 2);
  });

  it('[L2] a burst above the update rate is slowed down, not refused: every edit is saved', async () => {
    const writer = await join(hv);
    let last = 0;
    for (let i = 0; i < 30; i++) last = appendParagraph(writer, proseV2(writer.doc, 'gezamenlijk', 'aanleiding'), `snel ${i}`);
    await waitFor(() => writer.saved >= last, 'all saved', 20_000);
    expect(writer.closeCode).toBeNull();
    expect(writer.rejected).toEqual([]);
  });

  it('[L3] a flood far above the rate closes with 4429; another socket keeps getting updates meanwhile', async () => {
    const flooder = await join(hv);
    const watcher = await join(jb);
    const honest = await join(jb);
    for (let i = 0; i < 200; i++) appendParagraph(flooder, proseV2(flooder.doc, 'gezamenlijk', 'aanleiding'), `vloed ${i}`);
    appendParagraph(honest, proseV2(honest.doc, 'gezamenlijk', 'aanleiding'), 'eerlijke regel');
    await waitFor(() => fragmentText(proseV2(watcher.doc, 'gezamenlijk', 'aanleiding')).includes('eerlijke regel'), 'the honest edit arrives', 5000);
    await waitFor(() => flooder.closeCode === 4429, 'closed for too many messages', 20_000);
    expect(server.logs.some((l) => l.event === 'socket.too_many_messages')).toBe(true);
  });
});
