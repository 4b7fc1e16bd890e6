import { afterEach, describe, expect, it } from 'vitest';
import { GEZAMENLIJK } from '../../../shared/src/schema/docNames';
import { proseField } from '../../../shared/src/schema/planSchema';
import { fragmentText } from '../../../shared/src/schema/proseText';
import { FaultyFileOps, type SyncGate } from '../../helpers/faultyFileOps';
import { signInAs } from '../../helpers/signIn';
import { startServer, type TestServer } from '../../helpers/startServer';
import { appendParagraph, connectDoc, type SyncClient } from '../../helpers/syncClient';
import { recordLocalUpdates, resendUpdate, roundTrip } from '../../helpers/syncRoundTrip';
import { waitFor } from '../../helpers/waitFor';

const zorgen = (c: SyncClient) => proseField(c.doc, 'gezamenlijk', 'zorgen');

describe('`saved` only after fsync (DESIGN.md §6, issue #9)', () => {
  let server: TestServer | undefined;
  let gate: SyncGate | undefined;
  afterEach(async () => {
    // A failed assertion must not leave a durable write held: closing waits for it.
    gate?.release();
    await server?.close({ remove: true });
    server = undefined;
  });

  it('[D1] while the durable (O_DSYNC) write of a record is held, the change is broadcast but neither its sender nor a resender gets `saved`', async () => {
    const disk = new FaultyFileOps(/[\\/]plans[\\/]/);
    server = await startServer({ fileOps: disk });
    const jb = await signInAs(server.base, server.invitations, 'jeugdbeschermer');
    const gw = await signInAs(server.base, server.invitations, 'gedragswetenschapper');
    const a = connectDoc(server.base, jb.planId, GEZAMENLIJK, { cookie: jb.cookie });
    const b = connectDoc(server.base, gw.planId, GEZAMENLIJK, { cookie: gw.cookie });
    await waitFor(() => a.synced && b.synced && a.saved >= a.contentSent && b.saved >= b.contentSent, 'both synced and settled');
    const sentByA = recordLocalUpdates(a.doc);

    gate = disk.holdSyncs();
    const n = appendParagraph(a, zorgen(a), 'nog niet op schijf');
    await waitFor(() => fragmentText(zorgen(b)).includes('nog niet op schijf'), 'the broadcast to b');
    await waitFor(() => (gate?.waiting ?? 0) > 0, 'the record written, its write not yet returned');
    // Everything the server sent a before answering this has arrived: no `saved` may be among it.
    await roundTrip(a);
    expect(a.saved).toBeLessThan(n);

    // b sends the same change back, as a client does after a reconnect. It adds nothing new to memory, but
    // what it carries is not on disk yet either.
    const m = resendUpdate(b, sentByA[0]!);
    await roundTrip(b);
    expect(b.saved).toBeLessThan(m);
    expect(a.saved).toBeLessThan(n);

    gate.release();
    await waitFor(() => a.saved >= n && b.saved >= m, '`saved` once the write returned');
    a.close();
    b.close();
  });
});
