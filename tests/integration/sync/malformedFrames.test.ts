import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { CloseCode } from '../../../shared/src/protocol/closeCodes';
import { SyncMessageType } from '../../../shared/src/protocol/messageTypes';
import { syncPath } from '../../../shared/src/protocol/syncPath';
import { GEZAMENLIJK } from '../../../shared/src/schema/docNames';
import { fragmentText } from '../../../shared/src/schema/proseText';
import { proseV2 } from '../../../shared/src/schema/proseV2';
import {
  awarenessFrame,
  deeplyNestedElements,
  deeplyNestedJson,
  deletionOfUnknownClocks,
  forwardReferenceToOwnClient,
  itemsInACycle,
  largeParagraph,
  manyStructs,
  noise,
  originAtUnknownClock,
  subdocumentUpdate,
  syncFrame,
  updateFrame,
  updateInTheNameOf,
  updateWithMissingClocks,
  v2Update,
} from '../../helpers/hostileFrames';
import { openHonestPlan, type HonestPlan } from '../../helpers/honestPlan';
import { signInAs, type SignedIn } from '../../helpers/signIn';
import { startServer, type TestServer } from '../../helpers/startServer';
import { appendParagraph, connectDoc } from '../../helpers/syncClient';
import { waitFor } from '../../helpers/waitFor';

/**
 * Issue #9, hostile input: each frame on its own socket gets its documented close code (4400 malformed or
 * invalid, 4413 too large), the stored doc does not change, the refusal is in the security log and in the
 * plan's audit trail, and an honest client in another plan keeps getting updates meanwhile.
 * Changed limits (so the size cases stay small): the doc cap is 128 KiB, an update holds at most 1,000 structs.
 */
const DOC_CAP = 128 * 1024;
const SERVER_ENV = { DOC_SIZE_CAP_BYTES: String(DOC_CAP), UPDATE_MAX_STRUCTS: '1000' };

interface Case {
  what: string;
  /** The frames to send, given the doc as the server holds it now. */
  frames: (state: Y.Doc) => (Uint8Array | string)[];
  code: number;
  /** The `reason` of the security log record and the audit record. */
  reason: string;
}

const CASES: Case[] = [
  { what: 'an empty frame', frames: () => [new Uint8Array([])], code: CloseCode.malformed, reason: 'undecodable' },
  { what: 'a text frame', frames: () => ['hallo'], code: CloseCode.malformed, reason: 'text_frame' },
  { what: 'a truncated varint', frames: () => [new Uint8Array([0x80])], code: CloseCode.malformed, reason: 'undecodable' },
  { what: 'an oversized varint', frames: () => [new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f])], code: CloseCode.malformed, reason: 'undecodable' },
  { what: 'an unknown message type', frames: () => [new Uint8Array([42])], code: CloseCode.malformed, reason: 'unknown_message_type' },
  { what: 'an unknown sync subtype', frames: () => [syncFrame(9, new Uint8Array([0]))], code: CloseCode.malformed, reason: 'unknown_sync_type' },
  { what: 'a declared length beyond the frame', frames: () => [new Uint8Array([0, 2, 0x7f, 1, 2])], code: CloseCode.malformed, reason: 'undecodable' },
  { what: 'trailing bytes after a message', frames: () => [new Uint8Array([0, 0, 1, 0, 9])], code: CloseCode.malformed, reason: 'trailing_bytes' },
  { what: 'random bytes as an update', frames: () => [updateFrame(noise(200, 7))], code: CloseCode.malformed, reason: 'malformed' },
  { what: 'random bytes as a sync step 2', frames: () => [syncFrame(SyncMessageType.step2, noise(64, 11))], code: CloseCode.malformed, reason: 'malformed' },
  { what: 'an update in the v2 encoding', frames: () => [updateFrame(v2Update())], code: CloseCode.malformed, reason: 'v2_encoding' },
  { what: 'an update that references clocks that do not exist', frames: () => [updateFrame(updateWithMissingClocks())], code: CloseCode.malformed, reason: 'missing_dependencies' },
  { what: 'an item placed after a clock that does not exist', frames: () => [updateFrame(originAtUnknownClock())], code: CloseCode.malformed, reason: 'missing_dependencies' },
  { what: 'a deletion of clocks that do not exist', frames: () => [updateFrame(deletionOfUnknownClocks())], code: CloseCode.malformed, reason: 'missing_dependencies' },
  { what: 'an item pointing at a later clock of its own client', frames: () => [updateFrame(forwardReferenceToOwnClient())], code: CloseCode.malformed, reason: 'malformed' },
  { what: 'two items that each must come before the other', frames: (doc) => [updateFrame(itemsInACycle(anItemOf(doc)))], code: CloseCode.malformed, reason: 'unresolvable_dependencies' },
  { what: 'a subdocument', frames: () => [updateFrame(subdocumentUpdate())], code: CloseCode.malformed, reason: 'subdocument' },
  { what: 'elements nested 101 deep', frames: () => [updateFrame(deeplyNestedElements(101))], code: CloseCode.malformed, reason: 'too_deep' },
  { what: 'a JSON value nested 150 deep', frames: () => [updateFrame(deeplyNestedJson(150))], code: CloseCode.malformed, reason: 'too_deep' },
  { what: 'more structs in one update than allowed', frames: () => [updateFrame(manyStructs(2000))], code: CloseCode.tooLarge, reason: 'too_many_structs' },
  { what: 'a frame over the size cap after sign-in', frames: () => [new Uint8Array(DOC_CAP + 1)], code: CloseCode.tooLarge, reason: 'frame_too_large' },
  { what: 'an update that would grow the doc past its cap', frames: () => [updateFrame(largeParagraph(100 * 1024))], code: CloseCode.tooLarge, reason: 'doc_too_large' },
];

/** Some item the doc holds, for updates that must build on something real. */
function anItemOf(doc: Y.Doc): { client: number; clock: number } {
  for (const [client, structs] of doc.store.clients) {
    const item = structs.find((s) => s instanceof Y.Item && !s.deleted);
    if (item) return { client, clock: item.id.clock };
  }
  throw new Error('the demo doc holds items');
}

describe('hostile frames close with 4400 or 4413, change nothing, are logged, and other plans keep their updates', () => {
  let server: TestServer;
  let jb: SignedIn;
  let gw: SignedIn;
  let other: HonestPlan;
  beforeAll(async () => {
    server = await startServer({ env: SERVER_ENV });
    jb = await signInAs(server.base, server.invitations, 'jeugdbeschermer');
    gw = await signInAs(server.base, server.invitations, 'gedragswetenschapper');
    other = await openHonestPlan(server.base, jb.cookie);
  });
  afterAll(async () => {
    other.close();
    await server.close({ remove: true });
  });

  /** The plan's doc as the server serves it, read by a fresh client. */
  async function served(): Promise<Y.Doc> {
    const c = connectDoc(server.base, jb.planId, GEZAMENLIJK, { cookie: jb.cookie });
    await waitFor(() => c.synced, 'sync');
    c.close();
    return c.doc;
  }

  async function auditReasons(): Promise<string[]> {
    const res = await fetch(`${server.base}/api/plans/${jb.planId}/audit`, { headers: { cookie: jb.cookie } });
    const { records } = (await res.json()) as { records: { event: string; reason?: string }[] };
    return records.filter((r) => r.event === 'message.refused').map((r) => r.reason ?? '');
  }

  function loggedReasons(): unknown[] {
    return server.logs.filter((l) => l.event === 'security.message_refused').map((l) => l.reason);
  }

  for (const c of CASES) {
    it(`${c.what} → ${c.code}, the stored doc is unchanged, logged and audited, the other plan stays live`, async () => {
      const before = await served();
      const auditedBefore = (await auditReasons()).filter((r) => r === c.reason).length;
      const hostile = connectDoc(server.base, jb.planId, GEZAMENLIJK, { cookie: jb.cookie });
      expect(await hostile.opened).toBe(true);
      for (const frame of c.frames(before)) hostile.sendRaw(frame);
      const otherLive = other.staysLive();
      expect(await waitFor(() => hostile.closeCode, 'close')).toBe(c.code);
      await otherLive;
      expect(Y.encodeStateAsUpdate(await served())).toEqual(Y.encodeStateAsUpdate(before));
      expect(loggedReasons()).toContain(c.reason);
      await waitFor(async () => (await auditReasons()).filter((r) => r === c.reason).length > auditedBefore, 'the audit record');
    });
  }

  it('new structs in the name of another member’s connected client → 4400; the doc keeps only that member’s own edits', async () => {
    const honest = connectDoc(server.base, jb.planId, GEZAMENLIJK, { cookie: jb.cookie });
    await waitFor(() => honest.synced, 'sync');
    honest.sendAwareness({ cursor: 1 });
    const mine = appendParagraph(honest, proseV2(honest.doc, 'gezamenlijk', 'aanleiding'), 'van de jeugdbeschermer');
    await waitFor(() => honest.saved >= mine, 'the honest edit saved');
    const before = await served();
    const hostile = connectDoc(server.base, gw.planId, GEZAMENLIJK, { cookie: gw.cookie });
    await waitFor(() => hostile.synced, 'sync');
    hostile.sendRaw(updateFrame(updateInTheNameOf(honest.doc.clientID, Y.encodeStateAsUpdate(before))));
    const otherLive = other.staysLive();
    expect(await waitFor(() => hostile.closeCode, 'close')).toBe(CloseCode.malformed);
    await otherLive;
    expect(Y.encodeStateAsUpdate(await served())).toEqual(Y.encodeStateAsUpdate(before));
    expect(loggedReasons()).toContain('client_id_taken');
    // The honest client's next edit at those very clocks is still taken.
    const next = appendParagraph(honest, proseV2(honest.doc, 'gezamenlijk', 'aanleiding'), 'nog steeds van mij');
    await waitFor(() => honest.saved >= next, 'the honest edit saved');
    expect(fragmentText(proseV2(await served(), 'gezamenlijk', 'aanleiding'))).toContain('nog steeds van mij');
    honest.close();
  });

  it('an awareness state over 2 KiB is dropped (the socket stays open, presence best effort) and logged once', async () => {
    const c = connectDoc(server.base, jb.planId, GEZAMENLIJK, { cookie: jb.cookie });
    const watcher = connectDoc(server.base, jb.planId, GEZAMENLIJK, { cookie: jb.cookie });
    await waitFor(() => c.synced && watcher.synced, 'sync');
    const big = JSON.stringify({ cursor: 'x'.repeat(3000) });
    for (let i = 1; i <= 3; i++) c.sendRaw(awarenessFrame(c.doc.clientID, i, big));
    await other.staysLive();
    c.sendAwareness({ cursor: 'klein' });
    await waitFor(() => watcher.awareness.getStates().get(c.doc.clientID)?.cursor === 'klein', 'the small state');
    expect(c.closeCode).toBeNull();
    const dropped = server.logs.filter((l) => l.event === 'security.awareness_dropped' && l.reason === 'state_too_large');
    expect(dropped).toHaveLength(1);
    c.close();
    watcher.close();
  });

  it('a frame over 16 KiB before sign-in: the refusal (4401) comes first, the frame is cut off unread, the server stays up', async () => {
    const ws = new WebSocket(`${server.base.replace(/^http/, 'ws')}${syncPath(jb.planId, GEZAMENLIJK)}`, { origin: server.base });
    ws.on('error', () => undefined);
    ws.on('open', () => ws.send(new Uint8Array(20 * 1024)));
    const code = await new Promise<number>((resolve) => ws.on('close', (c) => resolve(c)));
    expect(code).toBe(CloseCode.notSignedIn);
    await waitFor(() => server.logs.some((l) => l.event === 'security.refused_socket_error' && l.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH'), 'the cut-off frame logged');
    await other.staysLive();
  });

  it('after all of the above and a restart, the stored doc is what the server served before the restart', async () => {
    const before = await served();
    const { dataDir } = server;
    other.close();
    await server.close();
    server = await startServer({ dataDir, env: SERVER_ENV });
    const after = await served();
    expect(Y.encodeStateAsUpdate(after)).toEqual(Y.encodeStateAsUpdate(before));
  });
});
