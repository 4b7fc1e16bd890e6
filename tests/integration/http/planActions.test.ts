import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../shared/src/permissions/roles';
import { acties, doelen } from '../../../shared/src/schema/blocks/doelenActies';
import { eigenDoelen } from '../../../shared/src/schema/blocks/eigen';
import { eigenDocName, GEZAMENLIJK, PROFESSIONEEL } from '../../../shared/src/schema/docNames';
import { proposedGoals } from '../../../shared/src/schema/eigenViews';
import { proseV2 } from '../../../shared/src/schema/proseV2';
import { signInAs, type SignedIn } from '../../helpers/signIn';
import { startServer, type TestServer } from '../../helpers/startServer';
import { appendParagraph, connectDoc, type SyncClient } from '../../helpers/syncClient';
import { waitFor } from '../../helpers/waitFor';

/**
 * The server-mediated actions of issue #6 over HTTP: who may take each (a table written by hand), what they
 * do to open sockets (rights shrink within 5 s), what they do to the plan, and what the audit log says.
 */

describe('server-mediated actions', () => {
  let server: TestServer;
  const who = new Map<Role, SignedIn>();
  const sockets: SyncClient[] = [];

  beforeAll(async () => {
    server = await startServer();
    for (const role of ROLES) who.set(role, await signInAs(server.base, server.invitations, role));
  }, 30_000);
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await server.close({ remove: true });
  });

  const me = (role: Role) => who.get(role)!;
  const planId = () => me('jeugdbeschermer').planId;
  const call = (role: Role, method: string, path: string, body?: unknown) =>
    fetch(`${server.base}/api/plans/${planId()}${path}`, {
      method,
      headers: { 'content-type': 'application/json', origin: server.base, cookie: me(role).cookie },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  async function join(role: Role, docName: string): Promise<SyncClient> {
    const c = connectDoc(server.base, planId(), docName, { cookie: me(role).cookie });
    sockets.push(c);
    expect(await c.opened).toBe(true);
    await waitFor(() => c.synced, `${role} sync of ${docName}`);
    return c;
  }

  it('[A1] only the jeugdbeschermer takes the plan-wide actions; everyone else gets 403 and an audit record', async () => {
    const target = me('hulpverlener').memberId;
    const attempts: [string, string, unknown][] = [
      ['POST', '/teamoverleg', { open: true }],
      ['PUT', `/teamoverleg/aanwezigheid/${target}`, { aanwezigheid: 'aanwezig' }],
      ['PUT', `/toegang/professioneel/${target}`, { toegang: true }],
      ['PUT', `/members/${target}/rol`, { role: 'hulpverlener' }],
      ['POST', '/invitations', { role: 'netwerk', name: 'Buurvrouw' }],
      ['POST', '/raadsonderzoek/sluiten', {}],
      ['DELETE', `/members/${target}`, undefined],
    ];
    for (const role of ROLES.filter((r) => r !== 'jeugdbeschermer')) {
      for (const [method, path, body] of attempts) {
        const res = await call(role, method, path, body);
        expect(res.status, `${role} ${method} ${path}`).toBe(403);
        expect((await res.json()).message).toMatch(/toegang/);
      }
    }
    const records = (await (await call('jeugdbeschermer', 'GET', '/audit')).json()).records as { event: string; memberId: string; outcome: string }[];
    const denied = records.filter((r) => r.event === 'access.denied' && r.memberId === me('ouder').memberId);
    expect(denied.length).toBeGreaterThanOrEqual(attempts.length - 1);
  });

  it('[A2] a teamoverleg lets the parent write the common plan; closing it takes that back within 5 s (4409, then read-only)', async () => {
    let ouder = await join('ouder', GEZAMENLIJK);
    const closedBefore = ouder;
    expect((await call('jeugdbeschermer', 'POST', '/teamoverleg', { open: true })).status).toBe(200);
    await waitFor(() => closedBefore.closeCode === 4409, 'the parent’s socket closes for new rights', 5000);
    ouder = await join('ouder', GEZAMENLIJK);
    const seq = appendParagraph(ouder, proseV2(ouder.doc, 'gezamenlijk', 'aanleiding'), 'Lisa schrijft mee in het overleg.');
    await waitFor(() => ouder.saved >= seq, 'saved');
    expect(ouder.rejected).toEqual([]);

    const t0 = Date.now();
    expect((await call('jeugdbeschermer', 'POST', '/teamoverleg', { open: false })).status).toBe(200);
    await waitFor(() => ouder.closeCode === 4409, 'closed when the teamoverleg ends', 5000);
    expect(Date.now() - t0).toBeLessThan(5000);
    const after = await join('ouder', GEZAMENLIJK);
    const refused = appendParagraph(after, proseV2(after.doc, 'gezamenlijk', 'aanleiding'), 'Na het overleg.');
    await waitFor(() => after.rejected.some((r) => r.n === refused), 'rejected after the teamoverleg');
  });

  it('[A3] granting professioneel lets a hulpverlener in; withdrawing it closes their socket with 4403', async () => {
    const hv = me('hulpverlener').memberId;
    expect((await call('jeugdbeschermer', 'PUT', `/toegang/professioneel/${hv}`, { toegang: true })).status).toBe(200);
    const prof = await join('hulpverlener', PROFESSIONEEL);
    expect((await call('jeugdbeschermer', 'PUT', `/toegang/professioneel/${hv}`, { toegang: false })).status).toBe(200);
    await waitFor(() => prof.closeCode === 4403, 'closed when the grant is withdrawn', 5000);
  });

  it('[A4] the owner of an action sets its status; someone else may not', async () => {
    const jb = await join('jeugdbeschermer', GEZAMENLIJK);
    const owned = doelen
      .read(jb.doc)
      .flatMap((d) => acties.read(jb.doc, d.id).map((a) => ({ doelId: d.id, actie: a })))
      .find(({ actie }) => actie.wie?.kind === 'lid' && actie.wie.memberId === me('hulpverlener').memberId);
    expect(owned, 'the demo gives the hulpverlener an action').toBeDefined();
    const path = `/acties/${owned!.actie.id}/status`;
    const gedaan = { doelId: owned!.doelId, status: { kind: 'gedaan', op: '2026-11-20' } };
    expect((await call('netwerk', 'POST', path, gedaan)).status).toBe(403);
    expect((await call('hulpverlener', 'POST', path, gedaan)).status).toBe(204);
    await waitFor(() => acties.read(jb.doc, owned!.doelId).find((a) => a.id === owned!.actie.id)?.status.kind === 'gedaan', 'live on the jb socket');
    const stamped = acties.read(jb.doc, owned!.doelId).find((a) => a.id === owned!.actie.id)!;
    expect(stamped.updated.memberId).toBe(me('hulpverlener').memberId);
    expect((await call('hulpverlener', 'POST', path, { doelId: owned!.doelId, status: { kind: 'klaar' } })).status).toBe(400);
  });

  it('[A5] the jeugdbeschermer adopts a proposed goal and declines another with a reason the proposer sees', async () => {
    const ouder = me('ouder');
    const own = await join('ouder', eigenDocName(ouder.memberId));
    const id = eigenDoelen.add(own.doc, { memberId: ouder.memberId, role: 'ouder', name: 'Lisa de Boer' }, { titel: 'Ik wil op zondag met de kinderen naar oma' });
    await waitFor(() => own.saved >= own.contentSent, 'own goal saved');
    const jb = await join('jeugdbeschermer', GEZAMENLIJK);
    const ref = { memberId: ouder.memberId, role: 'ouder' as const, name: 'Lisa de Boer' };
    const openBefore = proposedGoals(doelen.read(jb.doc), [{ member: ref, doelen: eigenDoelen.read(own.doc) }]);
    expect(openBefore.some((v) => v.doel.id === id)).toBe(true);

    expect((await call('ouder', 'POST', `/voorstellen/${ouder.memberId}/${id}/overnemen`)).status).toBe(403);
    const adopted = await call('jeugdbeschermer', 'POST', `/voorstellen/${ouder.memberId}/${id}/overnemen`);
    expect(adopted.status).toBe(201);
    await waitFor(() => doelen.read(jb.doc).some((d) => d.voorstel?.doelId === id && d.status.kind === 'actief'), 'adopted goal live');
    expect((await call('jeugdbeschermer', 'POST', `/voorstellen/${ouder.memberId}/${id}/overnemen`)).status).toBe(400);

    const second = eigenDoelen.add(own.doc, { memberId: ouder.memberId, role: 'ouder', name: 'Lisa de Boer' }, { titel: 'Geen jeugdzorg meer' });
    await waitFor(() => own.saved >= own.contentSent, 'second own goal saved');
    expect((await call('jeugdbeschermer', 'POST', `/voorstellen/${ouder.memberId}/${second}/afwijzen`, { reden: '' })).status).toBe(400);
    expect((await call('jeugdbeschermer', 'POST', `/voorstellen/${ouder.memberId}/${second}/afwijzen`, { reden: 'Eerst moet het thuis veilig zijn.' })).status).toBe(201);
    const ouderView = await join('ouder', GEZAMENLIJK);
    await waitFor(() => doelen.read(ouderView.doc).find((d) => d.voorstel?.doelId === second), 'declined goal visible to the proposer');
    expect(doelen.read(ouderView.doc).find((d) => d.voorstel?.doelId === second)!.status).toEqual({ kind: 'afgewezen', reden: 'Eerst moet het thuis veilig zijn.' });
  });

  it('[A6] a role change closes sockets with 4409; closing the investigation shuts the raadsonderzoeker out (4403)', async () => {
    const netwerk = await join('netwerk', GEZAMENLIJK);
    expect((await call('jeugdbeschermer', 'PUT', `/members/${me('netwerk').memberId}/rol`, { role: 'hulpverlener' })).status).toBe(200);
    await waitFor(() => netwerk.closeCode === 4409, 'closed for the new role', 5000);
    const asHv = await join('netwerk', GEZAMENLIJK);
    const seq = appendParagraph(asHv, proseV2(asHv.doc, 'gezamenlijk', 'aanleiding'), 'Nu als hulpverlener.');
    await waitFor(() => asHv.saved >= seq, 'saved as hulpverlener');
    expect(asHv.rejected).toEqual([]);

    const raad = await join('raadsonderzoeker', GEZAMENLIJK);
    expect((await call('jeugdbeschermer', 'POST', '/raadsonderzoek/sluiten', {})).status).toBe(200);
    await waitFor(() => raad.closeCode === 4403, 'the raadsonderzoeker is shut out', 5000);
    const again = connectDoc(server.base, planId(), GEZAMENLIJK, { cookie: me('raadsonderzoeker').cookie });
    sockets.push(again);
    await waitFor(() => again.closeCode === 4403, 'refused on reconnect');
  });

  it('[A7] a revoked member’s sockets close with 4401 and their session ends', async () => {
    const eigen = await join('jeugdige', eigenDocName(me('jeugdige').memberId));
    expect((await call('jeugdbeschermer', 'DELETE', `/members/${me('jeugdige').memberId}`)).status).toBe(204);
    await waitFor(() => eigen.closeCode === 4401, 'closed on revocation', 5000);
    expect((await call('jeugdige', 'GET', '')).status).toBe(401);
    const plan = await (await call('jeugdbeschermer', 'GET', '')).json();
    expect(plan.members.some((m: { memberId: string }) => m.memberId === me('jeugdige').memberId)).toBe(false);
  });

  it('[A8] the audit log holds each action once, hash-chained; the parent sees who looked at or changed the plan', async () => {
    const res = await call('jeugdbeschermer', 'GET', '/audit');
    const records = (await res.json()).records as { seq: number; event: string; memberId: string; object?: string; outcome: string; prevHash: string; hash: string }[];
    const jb = me('jeugdbeschermer').memberId;
    const events = (e: string) => records.filter((r) => r.event === e && r.memberId === jb && r.outcome === 'ok');
    expect(events('teamoverleg.opened')).toHaveLength(1);
    expect(events('teamoverleg.closed')).toHaveLength(1);
    expect(events('access.granted')).toHaveLength(1);
    expect(events('access.withdrawn')).toHaveLength(1);
    expect(events('voorstel.adopted')).toHaveLength(1);
    expect(events('voorstel.declined')).toHaveLength(1);
    expect(events('member.role_changed').map((r) => r.object)).toEqual([me('netwerk').memberId]);
    expect(events('raadsonderzoek.closed')).toHaveLength(1);
    expect(events('member.revoked').map((r) => r.object)).toEqual([me('jeugdige').memberId]);
    expect(records.filter((r) => r.event === 'actie.status_set' && r.memberId === me('hulpverlener').memberId)).toHaveLength(1);
    expect(records.some((r) => r.event === 'write.rejected' && r.memberId === me('ouder').memberId)).toBe(true);
    expect(records.map((r) => r.seq)).toEqual(records.map((_, i) => i + 1));
    for (let i = 1; i < records.length; i++) expect(records[i]!.prevHash).toBe(records[i - 1]!.hash);
    expect(JSON.stringify(records)).not.toMatch(/Lisa schrijft mee|Eerst moet het thuis veilig/);

    const family = await call('ouder', 'GET', '/audit');
    expect(family.status).toBe(200);
    const lines = (await family.json()).lines as { text: string }[];
    expect(lines.some((l) => l.text.includes('Sanne Visser'))).toBe(true);
    expect(lines.every((l) => !l.text.includes('Lisa de Boer ('))).toBe(true);
    expect((await call('netwerk', 'GET', '/audit')).status).toBe(403);
  });
});
