import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '../../../shared/src/protocol/closeCodes';
import { GEZAMENLIJK } from '../../../shared/src/schema/docNames';
import { fragmentText } from '../../../shared/src/schema/proseText';
import { proseV2 } from '../../../shared/src/schema/proseV2';
import { acceptInvitation, signInAs, type SignedIn } from '../../helpers/signIn';
import { startServer, type TestServer } from '../../helpers/startServer';
import { appendParagraph, connectDoc, type SyncClient } from '../../helpers/syncClient';
import { waitFor } from '../../helpers/waitFor';

/** A sync message (type 0) of a subtype with a payload, as y-protocols writes it. */
function syncFrame(subtype: number, payload: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, subtype);
  encoding.writeVarUint8Array(e, payload);
  return encoding.toUint8Array(e);
}

/** Random bytes from a fixed seed, so a failure can be replayed. */
function noise(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

/** An update in Yjs's v2 encoding, which the protocol (v1) does not carry. */
function v2Update(): Uint8Array {
  const d = new Y.Doc();
  proseV2(d, 'gezamenlijk', 'aanleiding').insert(0, [new Y.XmlElement('paragraph')]);
  return Y.encodeStateAsUpdateV2(d);
}

const CASES: [string, Uint8Array | string][] = [
  ['an empty frame', new Uint8Array([])],
  ['a text frame', 'hallo'],
  ['a truncated varint', new Uint8Array([0x80])],
  ['an oversized varint', new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f])],
  ['an unknown message type', new Uint8Array([42])],
  ['an unknown sync subtype', syncFrame(9, new Uint8Array([0]))],
  ['a declared length beyond the frame', new Uint8Array([0, 2, 0x7f, 1, 2])],
  ['random bytes as an update', syncFrame(2, noise(200, 7))],
  ['random bytes as a sync step 2', syncFrame(1, noise(64, 11))],
  ['an update in the v2 encoding', syncFrame(2, v2Update())],
];

describe('malformed frames close with 4400 and change nothing; other plans keep their updates', () => {
  let server: TestServer;
  let jb: SignedIn;
  let other: { planId: string; a: SyncClient; b: SyncClient };
  beforeAll(async () => {
    server = await startServer();
    jb = await signInAs(server.base, server.invitations, 'jeugdbeschermer');
    const res = await fetch(`${server.base}/api/plans`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.base, cookie: jb.cookie },
      body: JSON.stringify({ templateId: 'veiligheidskaart', titel: 'Ander gezin' }),
    });
    const created = (await res.json()) as { planId: string; token: string };
    const maker = await acceptInvitation(server.base, created.token);
    const a = connectDoc(server.base, created.planId, GEZAMENLIJK, { cookie: maker.cookie });
    const b = connectDoc(server.base, created.planId, GEZAMENLIJK, { cookie: maker.cookie });
    await waitFor(() => a.synced && b.synced, 'the other plan synced');
    other = { planId: created.planId, a, b };
  });
  afterAll(async () => {
    other.a.close();
    other.b.close();
    await server.close({ remove: true });
  });

  for (const [what, frame] of CASES) {
    it(`${what} → 4400, the stored doc is unchanged, the other plan stays live`, async () => {
      const before = connectDoc(server.base, jb.planId, GEZAMENLIJK, { cookie: jb.cookie });
      await waitFor(() => before.synced, 'sync');
      const stateBefore = Y.encodeStateVector(before.doc);
      const hostile = connectDoc(server.base, jb.planId, GEZAMENLIJK, { cookie: jb.cookie });
      expect(await hostile.opened).toBe(true);
      hostile.sendRaw(frame);
      const line = `leeft nog na ${what}`;
      appendParagraph(other.a, proseV2(other.a.doc, 'gezamenlijk', 'aanleiding'), line);
      expect(await waitFor(() => hostile.closeCode, 'close')).toBe(CloseCode.malformed);
      await waitFor(() => fragmentText(proseV2(other.b.doc, 'gezamenlijk', 'aanleiding')).includes(line), 'the other plan’s update');
      const after = connectDoc(server.base, jb.planId, GEZAMENLIJK, { cookie: jb.cookie });
      await waitFor(() => after.synced, 'sync after');
      expect(Y.encodeStateVector(after.doc)).toEqual(stateBefore);
      expect(server.logs.some((l) => l.event === 'message.malformed')).toBe(true);
      before.close();
      after.close();
    });
  }

  it('an update that references clocks that do not exist is kept aside, not applied, and the socket stays open', async () => {
    const c = connectDoc(server.base, jb.planId, GEZAMENLIJK, { cookie: jb.cookie });
    await waitFor(() => c.synced, 'sync');
    const ghost = new Y.Doc();
    ghost.clientID = 123456789;
    const text = proseV2(ghost, 'gezamenlijk', 'aanleiding');
    text.insert(0, [new Y.XmlElement('paragraph')]);
    const sv = Y.encodeStateVector(ghost);
    text.insert(1, [new Y.XmlElement('paragraph')]);
    const second = Y.encodeStateAsUpdate(ghost, sv);
    c.sendRaw(syncFrame(2, second));
    await new Promise((r) => setTimeout(r, 300));
    expect(c.closeCode).toBeNull();
    const fresh = connectDoc(server.base, jb.planId, GEZAMENLIJK, { cookie: jb.cookie });
    await waitFor(() => fresh.synced, 'sync');
    expect(Y.encodeStateVector(fresh.doc)).toEqual(Y.encodeStateVector(c.doc));
    c.close();
    fresh.close();
  });
});
