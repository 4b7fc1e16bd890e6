import * as decoding from 'lib0/decoding';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { doelen } from '../../../shared/src/schema/blocks/doelenActies';
import { draden } from '../../../shared/src/schema/blocks/opmerkingen';
import { GEZAMENLIJK, OPMERKINGEN } from '../../../shared/src/schema/docNames';
import { MessageType, SyncMessageType } from '../../../shared/src/protocol/messageTypes';
import { proseField } from '../../../shared/src/schema/planSchema';
import { fragmentText } from '../../../shared/src/schema/proseText';
import { silentLogger } from '../../../server/src/log';
import { openEmbeddedStore } from '../../../server/src/storage/embedded/openEmbeddedStore';
import { planApi } from '../../helpers/planApi';
import { signInAs, type SignedIn } from '../../helpers/signIn';
import { startServer, type TestServer } from '../../helpers/startServer';
import { appendParagraph, connectDoc, type SyncClient } from '../../helpers/syncClient';
import { waitFor } from '../../helpers/waitFor';

/**
 * A room holds a doc nobody writes to as its stored bytes and builds the Y.Doc only for a write, a server-side
 * change or a reader (docs/performance.md, idle memory and cold join). The server is restarted before each
 * check, so the doc is served from disk; `doc.built` in the log says when a room built its Y.Doc.
 */
describe('a room that keeps its doc as bytes until something writes', () => {
  let server: TestServer;
  const sockets: SyncClient[] = [];
  afterEach(async () => {
    sockets.splice(0).forEach((s) => s.close());
    await server.close({ remove: true });
  });

  /** The demo plan with a writer and a reader signed in, then a restart: every doc is cold. */
  async function coldServer(): Promise<{ writer: SignedIn; reader: SignedIn }> {
    server = await startServer();
    const writer = await signInAs(server.base, server.invitations, 'jeugdbeschermer');
    const reader = await signInAs(server.base, server.invitations, 'raadsonderzoeker');
    await restart();
    return { writer, reader };
  }

  async function restart(): Promise<void> {
    const { dataDir } = server;
    await server.close();
    server = await startServer({ dataDir });
  }

  async function join(who: SignedIn, docName: string, doc?: Y.Doc): Promise<SyncClient> {
    const c = connectDoc(server.base, who.planId, docName, { cookie: who.cookie, ...(doc ? { doc } : {}) });
    sockets.push(c);
    expect(await c.opened).toBe(true);
    await waitFor(() => c.synced && c.saved >= c.contentSent && c.contentSent > 0, `sync of ${docName}`);
    return c;
  }

  const built = (docName: string) => server.logs.filter((l) => l.event === 'doc.built' && l.docName === docName).length;

  it('[L1] a reader, a new device and a device that holds everything join and sync without the doc being built', async () => {
    const { writer, reader } = await coldServer();
    const r = await join(reader, GEZAMENLIJK);
    const w = await join(writer, GEZAMENLIJK);
    // A device that holds the whole doc: its step 1 covers ours, and its step 2 carries its whole delete set.
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(r.doc));
    const back = await join(writer, GEZAMENLIJK, copy);
    expect(built(GEZAMENLIJK)).toBe(0);
    expect(back.rejected).toEqual([]);
    expect(w.doc.toJSON()).toEqual(r.doc.toJSON());
    expect(back.doc.toJSON()).toEqual(r.doc.toJSON());
    expect(fragmentText(proseField(r.doc, 'gezamenlijk', 'zorgen')).length).toBeGreaterThan(0);
  });

  it('[L2] a join with an empty state vector gets exactly the stored state', async () => {
    server = await startServer();
    const writer = await signInAs(server.base, server.invitations, 'jeugdbeschermer');
    const { dataDir } = server;
    await server.close();
    const store = await openEmbeddedStore({ dataDir, log: silentLogger() });
    const loaded = await store.docs.load(writer.planId, GEZAMENLIJK);
    await store.close();
    const stored = loaded.updates.length === 1 ? loaded.updates[0] : Y.mergeUpdates(loaded.updates);

    server = await startServer({ dataDir });
    const c = connectDoc(server.base, writer.planId, GEZAMENLIJK, { cookie: writer.cookie });
    sockets.push(c);
    const step2 = new Promise<Uint8Array>((resolve) =>
      c.ws.on('message', (data: ArrayBuffer) => {
        const d = decoding.createDecoder(new Uint8Array(data));
        if (decoding.readVarUint(d) === MessageType.sync && decoding.readVarUint(d) === SyncMessageType.step2) resolve(decoding.readVarUint8Array(d));
      }),
    );
    expect(new Uint8Array(await step2)).toEqual(new Uint8Array(stored as Uint8Array));
    expect(built(GEZAMENLIJK)).toBe(0);
  });

  it('[L3] a device with an older copy and offline edits converges: it gets what it lacks, the server gets its edits', async () => {
    const { writer, reader } = await coldServer();
    const old = await join(writer, GEZAMENLIJK);
    const offline = new Y.Doc();
    Y.applyUpdate(offline, Y.encodeStateAsUpdate(old.doc));
    old.close();
    const live = await join(writer, GEZAMENLIJK);
    const m = appendParagraph(live, proseField(live.doc, 'gezamenlijk', 'zorgen'), 'Getypt terwijl de ander offline was.');
    await waitFor(() => live.saved >= m, 'live edit saved');
    live.close();
    await restart();

    const zorgen = proseField(offline, 'gezamenlijk', 'zorgen');
    offline.transact(() => {
      const p = new Y.XmlElement('paragraph');
      p.insert(0, [new Y.XmlText('Offline getypt.')]);
      zorgen.insert(zorgen.length, [p]);
    });
    const back = await join(writer, GEZAMENLIJK, offline);
    const r = await join(reader, GEZAMENLIJK);
    for (const doc of [back.doc, r.doc]) {
      expect(fragmentText(proseField(doc, 'gezamenlijk', 'zorgen'))).toContain('Getypt terwijl de ander offline was.');
      expect(fragmentText(proseField(doc, 'gezamenlijk', 'zorgen'))).toContain('Offline getypt.');
    }
    expect(back.doc.toJSON()).toEqual(r.doc.toJSON());
  });

  it('[L4] the first real write builds the doc once; it is saved, reaches the reader and survives a restart', async () => {
    const { writer, reader } = await coldServer();
    const r = await join(reader, GEZAMENLIJK);
    const w = await join(writer, GEZAMENLIJK);
    expect(built(GEZAMENLIJK)).toBe(0);
    const m = appendParagraph(w, proseField(w.doc, 'gezamenlijk', 'zorgen'), 'De eerste echte wijziging.');
    await waitFor(() => w.saved >= m, 'write saved');
    await waitFor(() => fragmentText(proseField(r.doc, 'gezamenlijk', 'zorgen')).includes('De eerste echte wijziging.'), 'broadcast to the reader');
    appendParagraph(w, proseField(w.doc, 'gezamenlijk', 'zorgen'), 'En nog een.');
    await waitFor(() => w.saved >= w.contentSent, 'second write saved');
    expect(built(GEZAMENLIJK)).toBe(1);
    sockets.splice(0).forEach((s) => s.close());

    await restart();
    const again = await join(reader, GEZAMENLIJK);
    expect(fragmentText(proseField(again.doc, 'gezamenlijk', 'zorgen'))).toContain('De eerste echte wijziging.\nEn nog een.');
  });

  it('[L5] a comment and a frozen version work on docs that are open as bytes', async () => {
    const { writer, reader } = await coldServer();
    const r = await join(reader, GEZAMENLIJK);
    const watch = await join(writer, OPMERKINGEN);
    expect(built(GEZAMENLIJK) + built(OPMERKINGEN)).toBe(0);
    const api = planApi(server.base, writer);
    const posted = await api('POST', '/opmerkingen', { kanaal: 'iedereen', anker: { kind: 'block', docName: GEZAMENLIJK, block: 'zorgen' }, tekst: 'Klopt dit nog?' });
    expect(posted.status).toBe(201);
    await waitFor(() => draden.read(watch.doc).some((d) => d.reacties[0]?.tekst === 'Klopt dit nog?'), 'thread on the open socket');

    const frozen = await api('POST', '/versies', { label: 'Na de herstart', ondanksWaarschuwingen: true });
    expect(frozen.status).toBe(201);
    const version = (await (await api('GET', '/versies/1')).json()) as { header: { nummer: number }; familie: { gezamenlijk: { lists: { doelen: unknown[] } } } };
    expect(version.header.nummer).toBe(1);
    expect(version.familie.gezamenlijk.lists.doelen).toHaveLength(doelen.read(r.doc).length);
    expect(r.closeCode).toBeNull();
  });
});
