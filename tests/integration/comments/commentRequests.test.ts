import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textRangePositions } from '../../../shared/src/comments/anchorRange';
import { draden } from '../../../shared/src/schema/blocks/opmerkingen';
import { zorgen } from '../../../shared/src/schema/blocks/zorgenKrachten';
import { GEZAMENLIJK, OPMERKINGEN, OPMERKINGEN_INTERN, PROFESSIONEEL } from '../../../shared/src/schema/docNames';
import { readAnchor } from '../../../shared/src/comments/threadAnchor';
import { callPlanApi } from '../../helpers/planApi';
import { signInAs, type SignedIn } from '../../helpers/signIn';
import { startServer, type TestServer } from '../../helpers/startServer';
import { connectDoc, type SyncClient } from '../../helpers/syncClient';
import { waitFor } from '../../helpers/waitFor';

/**
 * Issue #7 over HTTP: bad input gets a 400 with a Dutch message and writes nothing; the server stamps author and
 * time and finds the @mentions; a comment is edited and deleted by its author only and stays as "verwijderd";
 * a thread is resolved and reopened; an intern thread reaches everyone only through the copy action, which says
 * so; an item anchor names whose words it is about; every post and deletion is in the audit log, without text.
 */

type Role = 'jeugdbeschermer' | 'gedragswetenschapper' | 'ouder';

/** Well-formed positions at the start of a root fragment: they decode, so only the rule under test can refuse. */
function rootRange(root: string): { start: string; end: string } {
  const at = { type: new Y.Doc().getXmlFragment(root), index: 0 };
  return textRangePositions(at, at);
}

describe('comment requests', () => {
  let server: TestServer;
  const who = new Map<Role, SignedIn>();
  const sockets: SyncClient[] = [];
  const me = (role: Role) => who.get(role)!;
  const api = (role: Role, method: string, path: string, body?: unknown) => callPlanApi(server.base, me(role), method, path, body);
  const BLOCK = { kind: 'block', docName: GEZAMENLIJK, block: 'zorgen' };

  /** A live, synced socket of the jeugdbeschermer on a doc: it shows what the server holds. */
  async function watch(docName: string): Promise<SyncClient> {
    const c = connectDoc(server.base, me('jeugdbeschermer').planId, docName, { cookie: me('jeugdbeschermer').cookie });
    sockets.push(c);
    await waitFor(() => c.synced, `sync of ${docName}`);
    return c;
  }

  beforeAll(async () => {
    server = await startServer();
    for (const role of ['jeugdbeschermer', 'gedragswetenschapper', 'ouder'] as const) who.set(role, await signInAs(server.base, server.invitations, role));
  }, 30_000);
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await server.close({ remove: true });
  });

  it('[C1] bad input: 400 with a Dutch message naming what to change, and nothing written', async () => {
    const publicDoc = await watch(OPMERKINGEN);
    const before = draden.read(publicDoc.doc).length;
    const cases: [string, unknown, RegExp][] = [
      ['empty text', { kanaal: 'iedereen', anker: BLOCK, tekst: '   \n ' }, /Schrijf eerst uw opmerking/],
      ['no text', { kanaal: 'iedereen', anker: BLOCK }, /Schrijf eerst uw opmerking/],
      ['text not a string', { kanaal: 'iedereen', anker: BLOCK, tekst: ['a'] }, /Schrijf eerst uw opmerking/],
      ['5,001 characters', { kanaal: 'iedereen', anker: BLOCK, tekst: 'a'.repeat(5001) }, /hoogstens 5\.000 tekens/],
      ['a control character', { kanaal: 'iedereen', anker: BLOCK, tekst: 'Hallo\u0007' }, /tekens die niet kunnen/],
      ['no channel', { anker: BLOCK, tekst: 'Hallo' }, /voor iedereen is of alleen voor professionals/],
      ['an unknown channel', { kanaal: 'familie', anker: BLOCK, tekst: 'Hallo' }, /voor iedereen is of alleen voor professionals/],
      ['no anchor', { kanaal: 'iedereen', tekst: 'Hallo' }, /bij welk deel van het plan/],
      ['an unknown anchor kind', { kanaal: 'iedereen', anker: { kind: 'versie', docName: GEZAMENLIJK }, tekst: 'Hallo' }, /bij welk deel van het plan/],
      ['an anchor into a comment doc', { kanaal: 'iedereen', anker: { kind: 'block', docName: OPMERKINGEN, block: 'zorgen' }, tekst: 'Hallo' }, /bij welk deel/],
      ['an unknown block', { kanaal: 'iedereen', anker: { kind: 'block', docName: GEZAMENLIJK, block: 'geheim' }, tekst: 'Hallo' }, /bij welk deel/],
      ['an unknown list', { kanaal: 'iedereen', anker: { kind: 'item', docName: GEZAMENLIJK, list: 'x', itemId: 'a' }, tekst: 'Hallo' }, /bij welk deel/],
      ['an item that is not there', { kanaal: 'iedereen', anker: { kind: 'item', docName: GEZAMENLIJK, list: 'zorgen', itemId: 'bestaatNiet' }, tekst: 'Hallo' }, /staat niet \(meer\) in het plan/],
      ['positions that are not positions', { kanaal: 'iedereen', anker: { kind: 'text', docName: GEZAMENLIJK, field: 'aanleiding', start: '!!', end: '??' }, tekst: 'Hallo' }, /bij welk deel/],
      ['a public thread on the professionals’ part', { kanaal: 'iedereen', anker: { kind: 'text', docName: PROFESSIONEEL, field: 'taxatie', ...rootRange('taxatie') }, tekst: 'Hallo' }, /altijd alleen voor professionals/],
    ];
    for (const [what, body, message] of cases) {
      const res = await api('jeugdbeschermer', 'POST', '/opmerkingen', body);
      expect(res.status, what).toBe(400);
      const json = (await res.json()) as { error: string; message: string };
      expect(json.error, what).toBe('invalid');
      expect(json.message, what).toMatch(message);
    }
    const notJson = await api('jeugdbeschermer', 'POST', '/opmerkingen', '[1, 2');
    expect(notJson.status).toBe(400);
    // Exactly 5,000 characters, counted as people count them (an emoji is one), is fine.
    const longest = `${'😀'.repeat(10)}${'a'.repeat(4990)}`;
    const ok = await api('jeugdbeschermer', 'POST', '/opmerkingen', { kanaal: 'iedereen', anker: BLOCK, tekst: longest });
    expect(ok.status).toBe(201);
    await waitFor(() => draden.read(publicDoc.doc).length === before + 1, 'only the valid thread arrives');
  });

  it('[C2] the server stamps the author and time, keeps line breaks as text, and finds @mentions of readers only', async () => {
    const publicDoc = await watch(OPMERKINGEN);
    const internDoc = await watch(OPMERKINGEN_INTERN);
    const before = Date.now();
    const tekst = 'Eerste regel\r\nTweede regel met <b>geen HTML</b>, @lisa de boer en @Karim Haddou.';
    const res = await api('gedragswetenschapper', 'POST', '/opmerkingen', { kanaal: 'iedereen', anker: BLOCK, tekst, auteur: me('ouder').memberId });
    expect(res.status).toBe(201);
    const { draadId, reactieId } = (await res.json()) as { draadId: string; reactieId: string };
    const draad = await waitFor(() => draden.get(publicDoc.doc, draadId), 'the thread arrives live');
    const opening = draad.reacties.find((r) => r.id === reactieId)!;
    expect(draad.created.memberId).toBe(me('gedragswetenschapper').memberId);
    expect(opening.created).toMatchObject({ memberId: me('gedragswetenschapper').memberId, role: 'gedragswetenschapper', name: 'Karim Haddou' });
    expect(Date.parse(opening.created.at)).toBeGreaterThanOrEqual(before - 1000);
    expect(opening.tekst).toBe('Eerste regel\nTweede regel met <b>geen HTML</b>, @lisa de boer en @Karim Haddou.');
    expect([...opening.vermeldingen].sort()).toEqual([me('ouder').memberId, me('gedragswetenschapper').memberId].sort());

    // In the professionals' channel a parent cannot read along, so mentioning her counts for nothing.
    const intern = await api('gedragswetenschapper', 'POST', '/opmerkingen', { kanaal: 'professionals', anker: BLOCK, tekst: 'Voor @Sanne Visser, niet voor @Lisa de Boer' });
    const internIds = (await intern.json()) as { draadId: string };
    const internDraad = await waitFor(() => draden.get(internDoc.doc, internIds.draadId), 'the intern thread arrives');
    expect(internDraad.reacties[0]?.vermeldingen).toEqual([me('jeugdbeschermer').memberId]);
  });

  it('[C3] edit and delete are the author’s own; a deleted comment stays as "verwijderd" without its text', async () => {
    const publicDoc = await watch(OPMERKINGEN);
    const { draadId, reactieId } = (await (await api('ouder', 'POST', '/opmerkingen', { kanaal: 'iedereen', anker: BLOCK, tekst: 'Dit klopt niet' })).json()) as {
      draadId: string;
      reactieId: string;
    };
    const path = `/opmerkingen/iedereen/${draadId}/reacties/${reactieId}`;
    expect((await api('jeugdbeschermer', 'PUT', path, { tekst: 'Anders gezegd' })).status).toBe(403);
    expect((await api('jeugdbeschermer', 'DELETE', path)).status).toBe(403);
    expect((await api('ouder', 'PUT', path, { tekst: '' })).status).toBe(400);
    expect((await api('ouder', 'PUT', path, { tekst: 'Dit klopt niet: het was één keer' })).status).toBe(204);
    const edited = await waitFor(() => draden.get(publicDoc.doc, draadId)?.reacties.find((r) => r.bewerktOp !== null), 'the edit arrives');
    expect(edited.tekst).toBe('Dit klopt niet: het was één keer');
    expect(edited.created.memberId).toBe(me('ouder').memberId);

    expect((await api('ouder', 'DELETE', path)).status).toBe(204);
    const deleted = await waitFor(() => draden.get(publicDoc.doc, draadId)?.reacties.find((r) => r.verwijderdOp !== null), 'the deletion arrives');
    expect(deleted).toMatchObject({ id: reactieId, tekst: '', vermeldingen: [] });
    expect((await api('ouder', 'DELETE', path)).status).toBe(204);
    expect((await api('ouder', 'PUT', path, { tekst: 'Terug' })).status).toBe(400);
    expect((await api('ouder', 'DELETE', `/opmerkingen/iedereen/${draadId}/reacties/bestaatNiet`)).status).toBe(404);
    expect((await api('ouder', 'POST', `/opmerkingen/iedereen/bestaatNiet/reacties`, { tekst: 'Hallo' })).status).toBe(404);
  });

  it('[C4] the starter and the jeugdbeschermer resolve and reopen; the thread says who did it', async () => {
    const publicDoc = await watch(OPMERKINGEN);
    const { draadId } = (await (await api('ouder', 'POST', '/opmerkingen', { kanaal: 'iedereen', anker: BLOCK, tekst: 'Wat betekent dit?' })).json()) as { draadId: string };
    const status = (role: Role, value: unknown) => api(role, 'PUT', `/opmerkingen/iedereen/${draadId}/status`, { status: value });
    expect((await status('ouder', 'klaar')).status).toBe(400);
    expect((await status('gedragswetenschapper', 'opgelost')).status).toBe(403);
    expect((await status('ouder', 'opgelost')).status).toBe(204);
    await waitFor(() => draden.get(publicDoc.doc, draadId)?.status === 'opgelost', 'resolved');
    expect(draden.get(publicDoc.doc, draadId)?.statusDoor?.memberId).toBe(me('ouder').memberId);
    expect((await status('jeugdbeschermer', 'open')).status).toBe(204);
    await waitFor(() => draden.get(publicDoc.doc, draadId)?.status === 'open', 'reopened');
    expect(draden.get(publicDoc.doc, draadId)?.statusDoor?.memberId).toBe(me('jeugdbeschermer').memberId);
  });

  it('[C5] an intern thread becomes public only through the copy action, which says who copied it', async () => {
    const publicDoc = await watch(OPMERKINGEN);
    const { draadId } = (await (await api('gedragswetenschapper', 'POST', '/opmerkingen', { kanaal: 'professionals', anker: BLOCK, tekst: 'Kunnen we dit met Lisa bespreken?' })).json()) as {
      draadId: string;
    };
    await api('jeugdbeschermer', 'POST', `/opmerkingen/professionals/${draadId}/reacties`, { tekst: 'Ja, dat is goed.' });
    expect((await api('ouder', 'POST', `/opmerkingen/professionals/${draadId}/kopie`, {})).status).toBe(403);
    expect((await api('jeugdbeschermer', 'POST', `/opmerkingen/iedereen/${draadId}/kopie`, {})).status).toBe(400);
    const res = await api('jeugdbeschermer', 'POST', `/opmerkingen/professionals/${draadId}/kopie`, {});
    expect(res.status).toBe(201);
    const copyId = ((await res.json()) as { draadId: string }).draadId;
    const copy = await waitFor(() => draden.get(publicDoc.doc, copyId), 'the copy arrives in the public doc');
    expect(copy.gekopieerdUit).toMatchObject({ draadId, door: { memberId: me('jeugdbeschermer').memberId } });
    expect(copy.created.memberId).toBe(me('gedragswetenschapper').memberId);
    expect(copy.reacties.map((r) => [r.created.memberId, r.tekst])).toEqual([
      [me('gedragswetenschapper').memberId, 'Kunnen we dit met Lisa bespreken?'],
      [me('jeugdbeschermer').memberId, 'Ja, dat is goed.'],
    ]);
  });

  it('[C6] an item anchor must name an item that is there, and says whose words it is about', async () => {
    const plan = await watch(GEZAMENLIJK);
    const zorg = zorgen.read(plan.doc)[0]!;
    const res = await api('ouder', 'POST', '/opmerkingen', { kanaal: 'iedereen', anker: { kind: 'item', docName: GEZAMENLIJK, list: 'zorgen', itemId: zorg.id }, tekst: 'Zo is het niet gegaan.' });
    expect(res.status).toBe(201);
    const { draadId } = (await res.json()) as { draadId: string };
    const publicDoc = await watch(OPMERKINGEN);
    const draad = await waitFor(() => draden.get(publicDoc.doc, draadId), 'the thread');
    expect(readAnchor(draad.anker)).toEqual({ kind: 'item', docName: GEZAMENLIJK, list: 'zorgen', itemId: zorg.id });
    expect(draad.over).toEqual([zorg.created.memberId]);
  });

  it('[C7] every post, edit, deletion, resolve and copy is in the audit log with its object, never the text', async () => {
    const records = (await (await api('jeugdbeschermer', 'GET', '/audit')).json()).records as { event: string; object?: string; memberId: string; outcome: string }[];
    const events = new Set(records.map((r) => r.event));
    for (const e of ['opmerking.posted', 'opmerking.edited', 'opmerking.deleted', 'draad.resolved', 'draad.reopened', 'draad.copied']) expect(events.has(e), e).toBe(true);
    const deleted = records.filter((r) => r.event === 'opmerking.deleted');
    expect(deleted.length).toBe(1);
    expect(deleted[0]?.object).toMatch(/^opmerkingen:[A-Za-z0-9_-]+:[A-Za-z0-9_-]+$/);
    expect(records.some((r) => r.event === 'access.denied' && r.memberId === me('ouder').memberId && r.outcome === 'refused')).toBe(true);
    expect(JSON.stringify(records)).not.toMatch(/klopt niet|bespreken|Wat betekent/);
  });

  it('[C8] a thread on a block of a frozen version: posted, read back from the comment doc; a missing version or section is a 400, the professional part is not for parents', async () => {
    expect((await api('jeugdbeschermer', 'POST', '/versies', { label: 'Overleg', ondanksWaarschuwingen: true })).status).toBe(201);
    const onVersion = { kind: 'version', versionNumber: 1, blockPath: ['zorgen'] };
    const res = await api('ouder', 'POST', '/opmerkingen', { kanaal: 'iedereen', anker: onVersion, tekst: 'In deze versie staat mijn zorg goed.' });
    expect(res.status).toBe(201);
    const { draadId } = (await res.json()) as { draadId: string };
    const publicDoc = await watch(OPMERKINGEN);
    await waitFor(() => draden.get(publicDoc.doc, draadId) !== undefined, 'the version thread in opmerkingen');
    expect(readAnchor(draden.get(publicDoc.doc, draadId)!.anker)).toEqual(onVersion);

    const refused = async (role: Role, kanaal: string, anker: unknown, status: number) => {
      const r = await api(role, 'POST', '/opmerkingen', { kanaal, anker, tekst: 'Mag dit?' });
      expect(r.status, JSON.stringify(anker)).toBe(status);
      return (await r.json()) as { error: string; message: string };
    };
    expect((await refused('ouder', 'iedereen', { ...onVersion, versionNumber: 9 }, 400)).message).toMatch(/versie van het plan bestaat niet/);
    expect((await refused('ouder', 'iedereen', { ...onVersion, blockPath: ['bestaatNiet'] }, 400)).message).toMatch(/staat niet in deze versie/);
    expect((await refused('ouder', 'iedereen', { ...onVersion, versionNumber: 0 }, 400)).message).toMatch(/bij welk deel van het plan/);
    expect((await refused('ouder', 'iedereen', { ...onVersion, blockPath: ['zorgen', 'extra'] }, 400)).error).toBe('invalid');
    // A parent may neither start an intern thread nor point at the professionals' part of a version.
    await refused('ouder', 'professionals', onVersion, 403);
    await refused('ouder', 'iedereen', { ...onVersion, blockPath: ['professioneel'] }, 403);
    // A professional points at it only in the intern channel.
    expect((await refused('gedragswetenschapper', 'iedereen', { ...onVersion, blockPath: ['professioneel'] }, 400)).message).toMatch(/alleen voor professionals/);
    const intern = await api('gedragswetenschapper', 'POST', '/opmerkingen', { kanaal: 'professionals', anker: { ...onVersion, blockPath: ['professioneel'] }, tekst: 'Intern over versie 1' });
    expect(intern.status).toBe(201);
    // The copy action never moves a thread on the professionals' part of a version to everyone.
    const internId = ((await intern.json()) as { draadId: string }).draadId;
    expect((await api('gedragswetenschapper', 'POST', `/opmerkingen/professionals/${internId}/kopie`)).status).toBe(400);
  });
});
