import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { zorgen } from '../../../shared/src/schema/blocks/zorgenKrachten';
import { GEZAMENLIJK } from '../../../shared/src/schema/docNames';
import { LATEST_SCHEMA_VERSION } from '../../../shared/src/schema/migrations';
import { readSchemaVersion } from '../../../shared/src/schema/planSchema';
import { appendParagraphs, fragmentText } from '../../../shared/src/schema/proseText';
import { proseV2 } from '../../../shared/src/schema/proseV2';
import { createInvitation } from '../../../server/src/auth/invitations';
import { silentLogger } from '../../../server/src/log';
import { openEmbeddedStore } from '../../../server/src/storage/embedded/openEmbeddedStore';
import type { MemberRecord } from '../../../server/src/storage/records';
import { acceptInvitation } from '../../helpers/signIn';
import { startServer } from '../../helpers/startServer';
import { connectDoc } from '../../helpers/syncClient';
import { waitFor } from '../../helpers/waitFor';

/** A gezamenlijk doc as schema version 1 wrote it: prose sections at the root, nothing else. */
function v1Gezamenlijk(): Uint8Array {
  const doc = new Y.Doc();
  doc.transact(() => {
    doc.getMap('meta').set('schemaVersion', 1);
    appendParagraphs(doc.getXmlFragment('zorgen'), ['Harde ruzie in de avond.', 'Noah slaapt slecht.']);
    appendParagraphs(doc.getXmlFragment('watGaatGoed'), ['Oma komt op woensdag.']);
    appendParagraphs(doc.getXmlFragment('wieZijnDeMensen'), ['Lisa, Noah en Mila.']);
    appendParagraphs(doc.getXmlFragment('doelenEnActies'), ['Rustige avonden.']);
  });
  return Y.encodeStateAsUpdate(doc);
}

describe('a plan of schema version 1 is migrated by the server', () => {
  const dirs: string[] = [];
  afterEach(async () => {
    for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
  });

  it('[M1] on first load it becomes version 2, keeps every v1 text as the blocks’ notes, stores that, and does it once', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'gezinsplan-v1-'));
    dirs.push(dataDir);
    const store = await openEmbeddedStore({ dataDir, log: silentLogger() });
    const now = new Date();
    const member: MemberRecord = { memberId: 'jb1', planId: 'plan-v1', role: 'jeugdbeschermer', name: 'Sanne Visser', createdAt: now.toISOString() };
    await store.docs.append('plan-v1', GEZAMENLIJK, v1Gezamenlijk());
    await store.meta.createPlan({ planId: 'plan-v1', titel: 'Oud plan', templateId: 'gezinsplan-jeugdbescherming', createdAt: now.toISOString() }, [member]);
    const tokens = [await createInvitation(store.meta, member, now, 14), await createInvitation(store.meta, member, now, 14)];
    await store.close();

    let server = await startServer({ dataDir, env: { DEMO: '0' } });
    const first = await acceptInvitation(server.base, tokens[0]!);
    const a = connectDoc(server.base, 'plan-v1', GEZAMENLIJK, { cookie: first.cookie });
    await waitFor(() => a.synced, 'synced');
    expect(readSchemaVersion(a.doc)).toBe(LATEST_SCHEMA_VERSION);
    expect(fragmentText(proseV2(a.doc, 'gezamenlijk', 'zorgenToelichting'))).toBe('Harde ruzie in de avond.\nNoah slaapt slecht.');
    expect(fragmentText(proseV2(a.doc, 'gezamenlijk', 'krachtenToelichting'))).toBe('Oma komt op woensdag.');
    expect(fragmentText(proseV2(a.doc, 'gezamenlijk', 'gezinToelichting'))).toBe('Lisa, Noah en Mila.');
    expect(fragmentText(proseV2(a.doc, 'gezamenlijk', 'doelenToelichting'))).toBe('Rustige avonden.');
    expect(server.logs.filter((l) => l.event === 'doc.migrated')).toHaveLength(1);

    // The migrated doc takes structured items like any v2 doc.
    zorgen.add(a.doc, { memberId: 'jb1', role: 'jeugdbeschermer', name: 'Sanne Visser' }, { tekst: 'Spanning bij de overdracht', type: 'gevaar' });
    await waitFor(() => a.saved >= a.contentSent && a.contentSent > 0, 'saved');
    a.close();
    await server.close();

    server = await startServer({ dataDir, env: { DEMO: '0' } });
    const second = await acceptInvitation(server.base, tokens[1]!);
    const b = connectDoc(server.base, 'plan-v1', GEZAMENLIJK, { cookie: second.cookie });
    await waitFor(() => b.synced, 'synced');
    expect(readSchemaVersion(b.doc)).toBe(LATEST_SCHEMA_VERSION);
    expect(zorgen.read(b.doc).map((z) => z.tekst)).toEqual(['Spanning bij de overdracht']);
    expect(fragmentText(proseV2(b.doc, 'gezamenlijk', 'zorgenToelichting'))).toContain('Harde ruzie');
    expect(server.logs.filter((l) => l.event === 'doc.migrated')).toHaveLength(0);
    b.close();
    await server.close();
  });
});
