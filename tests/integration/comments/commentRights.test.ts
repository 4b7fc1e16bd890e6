import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { draden, reacties } from '../../../shared/src/schema/blocks/opmerkingen';
import type { Author } from '../../../shared/src/schema/items';
import { OPMERKINGEN, OPMERKINGEN_INTERN } from '../../../shared/src/schema/docNames';
import { callPlanApi, inviteAndAccept } from '../../helpers/planApi';
import { signInAs, type SignedIn } from '../../helpers/signIn';
import { startServer, type TestServer } from '../../helpers/startServer';
import { connectDoc, type SyncClient } from '../../helpers/syncClient';
import { waitFor } from '../../helpers/waitFor';

/**
 * Issue #7, the rights of comments over a real server: every role (and the jeugdige's age bands) × {public,
 * intern} × {read, post, reply, resolve own, resolve another's, delete own, delete another's}, against a table
 * written by hand here — not read from `can`. Reading is a socket on the comment doc; the rest is HTTP. A
 * parent's sockets never carry a byte of an intern thread, and writes to a comment doc over a socket are refused.
 */

type Who = 'jeugdbeschermer' | 'gedragswetenschapper' | 'hulpverlener' | 'raadsonderzoeker' | 'ouder' | 'jeugdige-12-15' | 'jeugdige-under-12' | 'netwerk';
type Op = 'read' | 'post' | 'reply' | 'resolveOwn' | 'resolveOther' | 'deleteOwn' | 'deleteOther';
/** `n/a`: the member cannot have a thread or comment of their own to try it on. */
type Outcome = 'yes' | 'no' | 'n/a';
type Channel = 'iedereen' | 'professionals';

const PROFESSIONAL: Record<Op, Outcome> = { read: 'yes', post: 'yes', reply: 'yes', resolveOwn: 'yes', resolveOther: 'no', deleteOwn: 'yes', deleteOther: 'no' };
const JEUGDBESCHERMER: Record<Op, Outcome> = { ...PROFESSIONAL, resolveOther: 'yes' };
const FAMILY_PUBLIC: Record<Op, Outcome> = PROFESSIONAL;
const SHUT_OUT: Record<Op, Outcome> = { read: 'no', post: 'no', reply: 'no', resolveOwn: 'n/a', resolveOther: 'no', deleteOwn: 'n/a', deleteOther: 'no' };
// A child under 12 reads; the jeugdbeschermer speaks for them (DESIGN.md §2).
const CHILD_UNDER_12: Record<Op, Outcome> = { ...SHUT_OUT, read: 'yes' };

const EXPECTED: Record<Who, Record<Channel, Record<Op, Outcome>>> = {
  jeugdbeschermer: { iedereen: JEUGDBESCHERMER, professionals: JEUGDBESCHERMER },
  gedragswetenschapper: { iedereen: PROFESSIONAL, professionals: PROFESSIONAL },
  hulpverlener: { iedereen: PROFESSIONAL, professionals: PROFESSIONAL },
  raadsonderzoeker: { iedereen: PROFESSIONAL, professionals: PROFESSIONAL },
  ouder: { iedereen: FAMILY_PUBLIC, professionals: SHUT_OUT },
  'jeugdige-12-15': { iedereen: FAMILY_PUBLIC, professionals: SHUT_OUT },
  'jeugdige-under-12': { iedereen: CHILD_UNDER_12, professionals: SHUT_OUT },
  netwerk: { iedereen: FAMILY_PUBLIC, professionals: SHUT_OUT },
};

const WHO = Object.keys(EXPECTED) as Who[];
const OPS: readonly Op[] = ['read', 'post', 'reply', 'resolveOwn', 'resolveOther', 'deleteOwn', 'deleteOther'];
const DOC: Record<Channel, string> = { iedereen: OPMERKINGEN, professionals: OPMERKINGEN_INTERN };
const ZORGEN_BLOCK = { kind: 'block', docName: 'gezamenlijk', block: 'zorgen' };

/** Writes a thread with the typed accessors straight into a client's copy, as a forger would. */
function startThreadInDoc(doc: Y.Doc, author: Author, tekst: string, id: string): void {
  doc.transact(() => {
    draden.add(doc, author, { anker: ZORGEN_BLOCK }, { id });
    reacties.add(doc, author, id, { tekst });
  });
}

describe('comment rights over real sockets and HTTP', () => {
  let server: TestServer;
  const members = new Map<Who, SignedIn>();
  const sockets: SyncClient[] = [];
  /** Reference threads per channel: one started by the jeugdbeschermer, one by the gedragswetenschapper. */
  const refs = new Map<string, { draadId: string; reactieId: string }>();

  const me = (who: Who) => members.get(who)!;
  const api = (who: Who, method: string, path: string, body?: unknown) => callPlanApi(server.base, me(who), method, path, body);
  const startThread = async (who: Who, kanaal: Channel, tekst: string) => {
    const res = await api(who, 'POST', '/opmerkingen', { kanaal, anker: ZORGEN_BLOCK, tekst });
    return { status: res.status, ids: res.status === 201 ? ((await res.json()) as { draadId: string; reactieId: string }) : null };
  };
  const join = (who: Who, docName: string) => {
    const c = connectDoc(server.base, me(who).planId, docName, { cookie: me(who).cookie });
    sockets.push(c);
    return c;
  };
  /** The jeugdbeschermer's view of a channel, synced: what the server holds. */
  async function stored(kanaal: Channel) {
    const c = join('jeugdbeschermer', DOC[kanaal]);
    await waitFor(() => c.synced, `sync of ${DOC[kanaal]}`);
    const threads = draden.read(c.doc);
    c.close();
    return threads;
  }

  beforeAll(async () => {
    server = await startServer();
    for (const role of ['jeugdbeschermer', 'gedragswetenschapper', 'hulpverlener', 'raadsonderzoeker', 'ouder', 'netwerk'] as const) {
      members.set(role, await signInAs(server.base, server.invitations, role));
    }
    members.set('jeugdige-12-15', await signInAs(server.base, server.invitations, 'jeugdige'));
    members.set('jeugdige-under-12', await inviteAndAccept(server.base, me('jeugdbeschermer'), { role: 'jeugdige', name: 'Mila de Boer', ageBand: 'under-12' }));
    for (const kanaal of ['iedereen', 'professionals'] as const) {
      for (const starter of ['jeugdbeschermer', 'gedragswetenschapper'] as const) {
        const { status, ids } = await startThread(starter, kanaal, `Referentie van ${starter} in ${kanaal}`);
        expect(status).toBe(201);
        refs.set(`${kanaal}/${starter}`, ids!);
      }
    }
  }, 60_000);

  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await server.close({ remove: true });
  });

  /** Tries one operation; true when the server allowed it. */
  async function attempt(who: Who, kanaal: Channel, op: Op, own: { draadId: string; reactieId: string } | null): Promise<boolean | 'n/a'> {
    const other = refs.get(`${kanaal}/${who === 'jeugdbeschermer' ? 'gedragswetenschapper' : 'jeugdbeschermer'}`)!;
    const path = (t: { draadId: string }) => `/opmerkingen/${kanaal}/${t.draadId}`;
    const expectRefusal = async (res: Response) => {
      if (res.status === 403) expect(((await res.json()) as { message: string }).message).toMatch(/toegang/);
      return res.status < 300;
    };
    switch (op) {
      case 'read': {
        const c = join(who, DOC[kanaal]);
        const opened = await c.opened;
        if (!opened || c.closeCode !== null) return false;
        await waitFor(() => c.synced || c.closeCode !== null, `${who} read ${kanaal}`);
        if (c.closeCode !== null) return false;
        expect(draden.read(c.doc).map((d) => d.id)).toContain(other.draadId);
        c.close();
        return true;
      }
      case 'post':
        return (await startThread(who, kanaal, `Nieuw van ${who}`)).status === 201;
      case 'reply':
        return expectRefusal(await api(who, 'POST', `${path(other)}/reacties`, { tekst: `Reactie van ${who}` }));
      case 'resolveOwn':
        if (!own) return 'n/a';
        return expectRefusal(await api(who, 'PUT', `${path(own)}/status`, { status: 'opgelost' }));
      case 'resolveOther': {
        const ok = await expectRefusal(await api(who, 'PUT', `${path(other)}/status`, { status: 'opgelost' }));
        if (ok) expect((await api(who, 'PUT', `${path(other)}/status`, { status: 'open' })).status).toBe(204);
        return ok;
      }
      case 'deleteOwn': {
        if (!own) return 'n/a';
        const res = await api(who, 'POST', `${path(own)}/reacties`, { tekst: `Weg te halen door ${who}` });
        const { reactieId } = (await res.json()) as { reactieId: string };
        return expectRefusal(await api(who, 'DELETE', `${path(own)}/reacties/${reactieId}`));
      }
      case 'deleteOther':
        return expectRefusal(await api(who, 'DELETE', `${path(other)}/reacties/${other.reactieId}`));
      default: {
        const never: never = op;
        return never;
      }
    }
  }

  for (const who of WHO) {
    for (const kanaal of ['iedereen', 'professionals'] as const) {
      it(`[R20-R25] ${who} × ${kanaal}: ${OPS.map((op) => `${op} ${EXPECTED[who][kanaal][op]}`).join(', ')}`, async () => {
        const own = (await startThread(who, kanaal, `Eigen draad van ${who}`)).ids;
        const got: Record<string, Outcome> = {};
        for (const op of OPS) {
          const result = await attempt(who, kanaal, op, own);
          got[op] = result === 'n/a' ? 'n/a' : result ? 'yes' : 'no';
        }
        expect(got).toEqual(EXPECTED[who][kanaal]);
        // What went through carries the server's stamp of this member; what was refused left no trace.
        const threads = await stored(kanaal);
        const refIds = [...refs.values()].map((r) => r.draadId);
        const mine = threads.filter((d) => d.created.memberId === me(who).memberId && !refIds.includes(d.id));
        expect(mine.length).toBe(EXPECTED[who][kanaal].post === 'yes' ? 2 : 0);
        for (const [key, ref] of refs) {
          if (!key.startsWith(`${kanaal}/`)) continue;
          const opening = threads.find((d) => d.id === ref.draadId)?.reacties.find((r) => r.id === ref.reactieId);
          expect(opening?.verwijderdOp).toBeNull();
        }
      });
    }
  }

  it('[R20] a parent’s sockets never carry a byte of an intern thread, and opmerkingen-intern is refused with 4403', async () => {
    const secret = 'Intern: vermoeden van huiselijk geweld bij de vader';
    const frames: Buffer[] = [];
    const publicDoc = join('ouder', OPMERKINGEN);
    const plan = join('ouder', 'gezamenlijk');
    for (const c of [publicDoc, plan]) c.ws.on('message', (data: ArrayBuffer) => frames.push(Buffer.from(data)));
    await waitFor(() => publicDoc.synced && plan.synced, 'the parent’s docs sync');
    const { status, ids } = await startThread('jeugdbeschermer', 'professionals', secret);
    expect(status).toBe(201);
    // A public thread posted after the intern one arrives: the sockets were live all along.
    const marker = await startThread('jeugdbeschermer', 'iedereen', 'Openbaar na het interne bericht');
    await waitFor(() => draden.read(publicDoc.doc).some((d) => d.id === marker.ids!.draadId), 'the public thread arrives');
    const all = Buffer.concat(frames);
    expect(all.includes(Buffer.from(secret))).toBe(false);
    expect(all.includes(Buffer.from(ids!.draadId))).toBe(false);

    const intern = join('ouder', OPMERKINGEN_INTERN);
    const internFrames: Buffer[] = [];
    intern.ws.on('message', (data: ArrayBuffer) => internFrames.push(Buffer.from(data)));
    await waitFor(() => intern.closeCode !== null, 'refusal');
    expect(intern.closeCode).toBe(4403);
    expect(intern.synced).toBe(false);
    expect(Buffer.concat(internFrames).includes(Buffer.from(secret))).toBe(false);
  });

  it('[R20] a write to a comment doc over a socket is rejected, also a forged thread in someone else’s name', async () => {
    for (const who of ['ouder', 'jeugdbeschermer'] as const) {
      const c = join(who, OPMERKINGEN);
      await waitFor(() => c.synced && c.saved >= c.contentSent, `${who} synced and settled`);
      const forged = `Vervalst door ${who}`;
      // A thread as the server would write it, in another member's name.
      startThreadInDoc(c.doc, { memberId: me('gedragswetenschapper').memberId, role: 'gedragswetenschapper', name: 'Karim Haddou' }, forged, `vals-${who}`);
      const n = c.contentSent;
      await waitFor(() => c.saved >= n, `${who}: forged message settled`);
      expect(c.rejected.map((r) => r.n)).toEqual([n]);
      expect(c.rejected[0]?.reason).toMatch(/niet wijzigen/);
      const threads = await stored('iedereen');
      expect(threads.some((d) => d.id === `vals-${who}`)).toBe(false);
      c.close();
    }
    const records = (await (await api('jeugdbeschermer', 'GET', '/audit')).json()).records as { event: string; object?: string; memberId: string }[];
    expect(records.some((r) => r.event === 'write.rejected' && r.object === OPMERKINGEN && r.memberId === me('ouder').memberId)).toBe(true);
  });
});
