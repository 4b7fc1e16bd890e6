import { decodePDFRawStream, PDFArray, PDFDocument, PDFRawStream, type PDFPage } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../shared/src/permissions/roles';
import { acties, doelen } from '../../../shared/src/schema/blocks/doelenActies';
import { GEZAMENLIJK } from '../../../shared/src/schema/docNames';
import { proseJsonText, type ProseJson } from '../../../shared/src/schema/proseJson';
import { proseV2 } from '../../../shared/src/schema/proseV2';
import { compareVersions } from '../../../shared/src/versions/compareVersions';
import type { FamilieRendering, VersionHeader } from '../../../shared/src/versions/versionTypes';
import { planApi } from '../../helpers/planApi';
import { signInAs, type SignedIn } from '../../helpers/signIn';
import { startServer, type TestServer } from '../../helpers/startServer';
import { appendParagraph, connectDoc, type SyncClient } from '../../helpers/syncClient';
import { waitFor } from '../../helpers/waitFor';

/**
 * Frozen versions over HTTP (issue #8): freezing with and without warnings, reading each scope with the
 * rights of DESIGN.md §5 (a parent never gets the professional rendering), answers only for oneself, restore
 * as a new change, the PDF export, verification and the audit records. Expected values written by hand.
 */

describe('frozen versions over HTTP', () => {
  let server: TestServer;
  const who = new Map<Role, SignedIn>();
  const sockets: SyncClient[] = [];
  const me = (role: Role) => who.get(role)!;
  const call = (role: Role, method: string, path: string, body?: unknown) => planApi(server.base, me(role))(method, path, body);
  let v1: VersionHeader;

  beforeAll(async () => {
    server = await startServer();
    for (const role of ROLES) who.set(role, await signInAs(server.base, server.invitations, role));
  }, 30_000);
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await server.close({ remove: true });
  });

  async function join(role: Role, docName: string): Promise<SyncClient> {
    const c = connectDoc(server.base, me(role).planId, docName, { cookie: me(role).cookie });
    sockets.push(c);
    expect(await c.opened).toBe(true);
    await waitFor(() => c.synced, `${role} sync of ${docName}`);
    return c;
  }

  it('[V1] the jeugdbeschermer sees the warnings first; freezing anyway records them; nobody else may freeze', async () => {
    const clean = (await (await call('jeugdbeschermer', 'GET', '/versies/voorbereiding')).json()) as { waarschuwingen: unknown[] };
    expect(clean.waarschuwingen).toEqual([]);
    // An action without an owner and a date: two warnings of DESIGN.md §4.
    const jb = await join('jeugdbeschermer', GEZAMENLIJK);
    const doel = doelen.read(jb.doc)[0]!;
    acties.add(jb.doc, { memberId: me('jeugdbeschermer').memberId, role: 'jeugdbeschermer', name: 'Sanne Visser' }, doel.id, { wat: 'Nog uitzoeken' });
    await waitFor(() => jb.saved >= jb.contentSent, 'action saved');
    const prep = await call('jeugdbeschermer', 'GET', '/versies/voorbereiding');
    expect(prep.status).toBe(200);
    const preview = (await prep.json()) as { nummer: number; waarschuwingen: { code: string }[] };
    expect(preview.nummer).toBe(1);
    expect(preview.waarschuwingen.map((w) => w.code)).toEqual(['actie.zonder-eigenaar', 'actie.zonder-datum']);

    expect((await call('jeugdbeschermer', 'POST', '/versies', { label: 'Teamoverleg november' })).status).toBe(400);
    for (const role of ROLES.filter((r) => r !== 'jeugdbeschermer')) {
      expect((await call(role, 'POST', '/versies', { label: 'x', ondanksWaarschuwingen: true })).status, role).toBe(403);
      expect((await call(role, 'GET', '/versies/voorbereiding')).status, role).toBe(403);
    }
    const res = await call('jeugdbeschermer', 'POST', '/versies', { label: 'Teamoverleg november', ondanksWaarschuwingen: true });
    expect(res.status).toBe(201);
    v1 = (await res.json()) as VersionHeader;
    expect(v1.nummer).toBe(1);
    expect(v1.label).toBe('Teamoverleg november');
    expect(v1.vastgesteldDoor.memberId).toBe(me('jeugdbeschermer').memberId);
    expect(v1.vorigeHash).toBe('0'.repeat(64));
    expect(v1.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(v1.waarschuwingen.map((w) => w.code)).toEqual(preview.waarschuwingen.map((w) => w.code));
    expect(v1.aanwezigheid).toEqual([]);
  });

  it('[V2] every member reads the family scope; only who may read professioneel gets the professional one (a parent: 403)', async () => {
    for (const role of ROLES) {
      const res = await call(role, 'GET', '/versies/1');
      expect(res.status, role).toBe(200);
      const body = (await res.json()) as { header: VersionHeader; familie: FamilieRendering };
      expect(body.header.hash).toBe(v1.hash);
      expect(body.familie.gezamenlijk.lists.doelen.length).toBeGreaterThan(0);
      expect(Object.keys(body).sort()).toEqual(['familie', 'header']);
      expect(Object.keys(body.familie).sort()).toEqual(['eigen', 'gezamenlijk', 'leden', 'scope']);
    }
    const expected: Record<Role, number> = {
      jeugdbeschermer: 200,
      gedragswetenschapper: 200,
      hulpverlener: 403,
      raadsonderzoeker: 403,
      ouder: 403,
      jeugdige: 403,
      netwerk: 403,
    };
    for (const role of ROLES) {
      expect((await call(role, 'GET', '/versies/1/professioneel')).status, role).toBe(expected[role]);
      expect((await call(role, 'GET', '/versies/nu/professioneel')).status, role).toBe(expected[role]);
    }
    const prof = (await (await call('gedragswetenschapper', 'GET', '/versies/1/professioneel')).json()) as { professioneel: { professioneel: { prose: Record<string, unknown[]> } } };
    expect(prof.professioneel.professioneel.prose.taxatie!.length).toBeGreaterThan(0);
    // Not a word of the professionals' part reaches a parent through any version route.
    const taxatie = proseJsonText(prof.professioneel.professioneel.prose.taxatie as ProseJson);
    expect(taxatie.length).toBeGreaterThan(20);
    for (const path of ['/versies', '/versies/1', '/versies/nu', '/versies/cijfers', '/versies/controle']) {
      expect(await (await call('ouder', 'GET', path)).text(), path).not.toContain(taxatie.slice(0, 20));
    }
    const list = (await (await call('ouder', 'GET', '/versies')).json()) as { versies: VersionHeader[]; professioneel: boolean };
    expect(list.versies.map((v) => v.nummer)).toEqual([1]);
    expect(list.professioneel).toBe(false);
    expect((await call('ouder', 'GET', '/versies/2')).status).toBe(404);
    expect((await call('ouder', 'GET', '/versies/abc')).status).toBe(400);
  });

  it('[V3] an edit after the freeze shows in a compare with now, and only that edit', async () => {
    const jb = await join('jeugdbeschermer', GEZAMENLIJK);
    const n = appendParagraph(jb, proseV2(jb.doc, 'gezamenlijk', 'aanleiding'), 'Na het overleg kwam er een melding van school.');
    await waitFor(() => jb.saved >= n, 'edit saved');
    const was = (await (await call('ouder', 'GET', '/versies/1')).json()) as { familie: FamilieRendering };
    const now = (await (await call('ouder', 'GET', '/versies/nu')).json()) as { header: null; familie: FamilieRendering };
    expect(now.header).toBeNull();
    const diff = compareVersions({ familie: was.familie }, { familie: now.familie });
    expect(diff.eigen).toEqual([]);
    expect(diff.scores).toEqual([]);
    expect(diff.blokken.map((b) => b.blok)).toEqual(['plankop']);
    const [block] = diff.blokken;
    expect(block!.lists).toEqual([]);
    expect(block!.records).toEqual([]);
    expect(block!.prose.map((p) => p.key)).toEqual(['aanleiding']);
    expect(block!.prose[0]!.parts.filter((p) => p.op !== 'equal')).toEqual([{ op: 'insert', text: '\nNa het overleg kwam er een melding van school.' }]);
  });

  it('[V4] each member answers for themselves only; "niet akkoord" needs a reason; the list shows every answer', async () => {
    const ouder = me('ouder').memberId;
    const netwerk = me('netwerk').memberId;
    expect((await call('ouder', 'PUT', `/versies/1/akkoord/${netwerk}`, { akkoord: true })).status).toBe(403);
    expect((await call('jeugdbeschermer', 'PUT', `/versies/1/akkoord/${ouder}`, { akkoord: true })).status).toBe(403);
    expect((await call('ouder', 'PUT', `/versies/1/akkoord/${ouder}`, { akkoord: false })).status).toBe(400);
    expect((await call('ouder', 'PUT', `/versies/1/akkoord/${ouder}`, { akkoord: 'ja' })).status).toBe(400);
    expect((await call('ouder', 'PUT', `/versies/9/akkoord/${ouder}`, { akkoord: true })).status).toBe(404);
    expect((await call('ouder', 'PUT', `/versies/1/akkoord/${ouder}`, { akkoord: false, reden: 'De avonden staan er niet goed in.' })).status).toBe(200);
    expect((await call('ouder', 'PUT', `/versies/1/akkoord/${ouder}`, { akkoord: true, reden: 'Na uitleg wel.' })).status).toBe(200);
    expect((await call('netwerk', 'PUT', `/versies/1/akkoord/${netwerk}`, { akkoord: false, reden: 'Ik mis de zondag.' })).status).toBe(200);
    const list = (await (await call('jeugdige', 'GET', '/versies')).json()) as { antwoorden: { memberId: string; akkoord: boolean; reden: string }[] };
    expect(list.antwoorden.map((a) => [a.memberId, a.akkoord, a.reden])).toEqual([
      [ouder, false, 'De avonden staan er niet goed in.'],
      [ouder, true, 'Na uitleg wel.'],
      [netwerk, false, 'Ik mis de zondag.'],
    ]);
  });

  it('[V5] the jeugdbeschermer restores a block from a version as a new change; the version stays as it was', async () => {
    const jb = await join('jeugdbeschermer', GEZAMENLIJK);
    const first = doelen.read(jb.doc)[0]!;
    const sanne = { memberId: me('jeugdbeschermer').memberId, role: 'jeugdbeschermer' as const, name: 'Sanne Visser' };
    doelen.update(jb.doc, sanne, first.id, { titel: 'Een andere titel' });
    const added = doelen.add(jb.doc, sanne, { titel: 'Een nieuw doel na het overleg' });
    await waitFor(() => jb.saved >= jb.contentSent, 'edits saved');

    expect((await call('hulpverlener', 'POST', '/versies/1/terugzetten', { blok: 'doelen' })).status).toBe(403);
    expect((await call('jeugdbeschermer', 'POST', '/versies/1/terugzetten', { blok: 'onzin' })).status).toBe(400);
    expect((await call('jeugdbeschermer', 'POST', '/versies/1/terugzetten', { blok: 'doelen' })).status).toBe(204);
    const version = (await (await call('jeugdbeschermer', 'GET', '/versies/1')).json()) as { header: VersionHeader; familie: FamilieRendering };
    const inVersion = version.familie.gezamenlijk.lists.doelen;
    await waitFor(() => doelen.read(jb.doc).every((d) => d.id !== added), 'restored live');
    const live = doelen.read(jb.doc);
    expect(live.map((d) => [d.id, d.titel, d.created])).toEqual(inVersion.map((d) => [d.id, d.titel, d.created]));
    expect(live.find((d) => d.id === first.id)!.updated.memberId).toBe(sanne.memberId);
    expect(version.header.hash).toBe(v1.hash);
    // The prose edit of V3 is outside the block and stays.
    const now = (await (await call('jeugdbeschermer', 'GET', '/versies/nu')).json()) as { familie: FamilieRendering };
    const diff = compareVersions({ familie: version.familie }, { familie: now.familie });
    expect(diff.blokken.map((b) => b.blok)).toEqual(['plankop']);
  });

  it('[V6] the PDF opens, has the version hash on every page and every goal title; the export is audited', async () => {
    expect((await call('ouder', 'GET', '/versies/1/pdf')).status).toBe(403);
    const res = await call('jeugdbeschermer', 'GET', '/versies/1/pdf');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const pdf = await PDFDocument.load(new Uint8Array(await res.arrayBuffer()));
    const pages = pdf.getPages();
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) expect(pageText(page).replace(/\s+/g, ' ')).toContain(v1.hash);
    const all = pages.map(pageText).join(' ').replace(/\s+/g, ' ');
    const version = (await (await call('jeugdbeschermer', 'GET', '/versies/1')).json()) as { familie: FamilieRendering };
    const titles = version.familie.gezamenlijk.lists.doelen.map((d) => d.titel);
    expect(titles.length).toBeGreaterThan(0);
    for (const title of titles) expect(all).toContain(title.replace(/\s+/g, ' '));
    expect(all).toContain('Teamoverleg november');
  });

  it('[V7] a second version links to the first; the chain verifies; the audit log holds freeze, answers, restore and export', async () => {
    const res = await call('jeugdbeschermer', 'POST', '/versies', { label: '', ondanksWaarschuwingen: true });
    const v2 = (await res.json()) as VersionHeader;
    expect(v2.nummer).toBe(2);
    expect(v2.label).toBe('Versie 2');
    expect(v2.vorigeHash).toBe(v1.hash);
    expect(await (await call('ouder', 'GET', '/versies/controle')).json()).toEqual({ ok: true, count: 2 });
    const records = (await (await call('jeugdbeschermer', 'GET', '/audit')).json()).records as { event: string; object?: string; memberId: string; reason?: string }[];
    expect(records.filter((r) => r.event === 'version.frozen').map((r) => r.object)).toEqual([`1:${v1.hash}`, `2:${v2.hash}`]);
    expect(records.filter((r) => r.event === 'version.answered').map((r) => [r.memberId, r.reason])).toEqual([
      [me('ouder').memberId, 'niet_akkoord'],
      [me('ouder').memberId, 'akkoord'],
      [me('netwerk').memberId, 'niet_akkoord'],
    ]);
    expect(records.filter((r) => r.event === 'version.restored').map((r) => r.object)).toEqual(['1:doelen']);
    expect(records.filter((r) => r.event === 'plan.exported').map((r) => r.object)).toEqual(['1']);
    expect(JSON.stringify(records)).not.toContain('De avonden staan er niet goed in');
  });
});

/** The text drawn on a page: pdf-lib writes standard-font text as hex strings in Windows-1252. */
function pageText(page: PDFPage): string {
  const contents = page.node.Contents();
  const streams = contents instanceof PDFArray ? contents.asArray().map((ref) => page.doc.context.lookup(ref)) : [contents];
  const decoder = new TextDecoder('windows-1252');
  return streams
    .filter((s): s is PDFRawStream => s instanceof PDFRawStream)
    .map((s) => new TextDecoder('latin1').decode(decodePDFRawStream(s).decode()))
    .join('\n')
    .split('\n')
    .flatMap((line) => [...line.matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g)].map((m) => decoder.decode(Buffer.from(m[1] ?? '', 'hex'))))
    .join('\n');
}
