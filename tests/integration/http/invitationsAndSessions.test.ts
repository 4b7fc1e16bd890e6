import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSchemaVersion } from '../../../shared/src/schema/planSchema';
import { LATEST_SCHEMA_VERSION } from '../../../shared/src/schema/migrations';
import { fragmentText } from '../../../shared/src/schema/proseText';
import { proseV2 } from '../../../shared/src/schema/proseV2';
import { signInAs, acceptInvitation, type SignedIn } from '../../helpers/signIn';
import { connectDoc } from '../../helpers/syncClient';
import { waitFor } from '../../helpers/waitFor';
import { startServer, type TestServer } from '../../helpers/startServer';

describe('invitations and sessions over HTTP', () => {
  let server: TestServer;
  let jb: SignedIn;
  beforeAll(async () => {
    server = await startServer();
    jb = await signInAs(server.base, server.invitations, 'jeugdbeschermer');
  });
  afterAll(() => server.close({ remove: true }));

  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${server.base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', origin: server.base, ...headers }, body: JSON.stringify(body) });

  it('[H1] the demo has one invitation per role, with links', () => {
    expect(server.invitations.map((i) => i.role).sort()).toEqual(
      ['gedragswetenschapper', 'hulpverlener', 'jeugdbeschermer', 'jeugdige', 'netwerk', 'ouder', 'raadsonderzoeker'],
    );
    for (const i of server.invitations) expect(i.url).toBe(`${server.base}/uitnodiging#${i.token}`);
  });

  it('[H2] accepting sets an httpOnly SameSite cookie; a second use gets 410 with a Dutch message', async () => {
    const inv = server.invitations.find((i) => i.role === 'hulpverlener')!;
    const res = await post(`/api/invitations/${inv.token}/accept`, {});
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ role: 'hulpverlener', planId: expect.any(String), memberId: expect.any(String) });
    const cookie = res.headers.getSetCookie()[0]!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const again = await post(`/api/invitations/${inv.token}/accept`, {});
    expect(again.status).toBe(410);
    expect(await again.json()).toMatchObject({ error: 'invitation_gone', message: expect.stringContaining('uitnodiging') });
  });

  it('[H3] an unknown token gets 410', async () => {
    expect((await post('/api/invitations/nope-nope-nope-nope-nope/accept', {})).status).toBe(410);
  });

  it('[H4] a cross-site POST is refused (CSRF)', async () => {
    const inv = server.invitations.find((i) => i.role === 'netwerk')!;
    const res = await post(`/api/invitations/${inv.token}/accept`, {}, { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect((await res.json()).error).toBe('bad_origin');
  });

  it('[H5] the jeugdbeschermer invites; the invitation works once; a parent may not invite', async () => {
    const res = await post(`/api/plans/${jb.planId}/invitations`, { role: 'jeugdige', name: 'Mila de Boer', ageBand: 'under-12' }, { cookie: jb.cookie });
    expect(res.status).toBe(201);
    const { token, url } = (await res.json()) as { token: string; url: string };
    expect(url).toContain(token);
    const mila = await acceptInvitation(server.base, token);
    expect(mila.role).toBe('jeugdige');
    const plan = await (await fetch(`${server.base}/api/plans/${jb.planId}`, { headers: { cookie: jb.cookie } })).json();
    expect(plan.members.some((m: { name: string }) => m.name === 'Mila de Boer')).toBe(true);

    const ouder = await signInAs(server.base, server.invitations, 'ouder');
    const refused = await post(`/api/plans/${ouder.planId}/invitations`, { role: 'netwerk', name: 'Iemand' }, { cookie: ouder.cookie });
    expect(refused.status).toBe(403);
    expect((await refused.json()).message).toMatch(/toegang/);
  });

  it('[H5b] a newly invited member finds their own doc filled from the template, not empty', async () => {
    const res = await post(`/api/plans/${jb.planId}/invitations`, { role: 'netwerk', name: 'Buurvrouw Els' }, { cookie: jb.cookie });
    const { token } = (await res.json()) as { token: string };
    const els = await acceptInvitation(server.base, token);
    const own = connectDoc(server.base, els.planId, `eigen-${els.memberId}`, { cookie: els.cookie });
    await waitFor(() => own.synced, 'own doc synced');
    expect(readSchemaVersion(own.doc)).toBe(LATEST_SCHEMA_VERSION);
    expect(fragmentText(proseV2(own.doc, 'eigen', 'zoZieIkHet'))).toMatch(/Hoe kijkt u zelf/);
    own.close();
  });

  it('[H6] bad invitation input gets 400 with a Dutch message', async () => {
    for (const body of [{ role: 'koning', name: 'X' }, { role: 'ouder', name: '' }, { role: 'jeugdige', name: 'Kind' }, { role: 'ouder', name: 'X', ageBand: '16+' }, []]) {
      const res = await post(`/api/plans/${jb.planId}/invitations`, body, { cookie: jb.cookie });
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ error: 'invalid', message: 'De gegevens kloppen niet.' });
    }
    const notJson = await fetch(`${server.base}/api/plans/${jb.planId}/invitations`, { method: 'POST', headers: { 'content-type': 'text/plain', origin: server.base, cookie: jb.cookie }, body: 'role=ouder' });
    expect(notJson.status).toBe(415);
  });

  it('[H7] the plan lists only the docs a member may open: no professioneel for a parent', async () => {
    const ouder = await signInAs(server.base, server.invitations, 'jeugdige');
    const plan = (await (await fetch(`${server.base}/api/plans/${ouder.planId}`, { headers: { cookie: ouder.cookie } })).json()) as { docs: { docName: string; access: string }[] };
    expect(plan.docs.map((d) => d.docName)).not.toContain('professioneel');
    expect(plan.docs.find((d) => d.docName === `eigen-${ouder.memberId}`)?.access).toBe('write');
    expect((await fetch(`${server.base}/api/plans/${ouder.planId}`)).status).toBe(401);
    expect((await fetch(`${server.base}/api/plans/other`, { headers: { cookie: ouder.cookie } })).status).toBe(404);
  });

  it('[H8] /healthz and security headers', async () => {
    const res = await fetch(`${server.base}/healthz`);
    expect(await res.json()).toEqual({ ok: true });
    expect(res.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
    expect(res.headers.get('content-security-policy')).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('[H9] sign out ends the session', async () => {
    const nw = await signInAs(server.base, server.invitations, 'raadsonderzoeker');
    expect((await fetch(`${server.base}/api/session`, { headers: { cookie: nw.cookie } })).status).toBe(200);
    expect((await post('/api/session/logout', {}, { cookie: nw.cookie })).status).toBe(204);
    expect((await fetch(`${server.base}/api/session`, { headers: { cookie: nw.cookie } })).status).toBe(401);
  });
});
