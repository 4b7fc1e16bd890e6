import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBlockOrder } from '../../../shared/src/schema/blockCatalog';
import { goedGenoeg } from '../../../shared/src/schema/blocks/goedGenoeg';
import { GEZAMENLIJK } from '../../../shared/src/schema/docNames';
import { readSchemaVersion } from '../../../shared/src/schema/planSchema';
import { validateTemplateV2 } from '../../../shared/src/schema/templateV2';
import { acceptInvitation, signInAs, type SignedIn } from '../../helpers/signIn';
import { startServer, type TestServer } from '../../helpers/startServer';
import { connectDoc } from '../../helpers/syncClient';
import { waitFor } from '../../helpers/waitFor';

describe('a jeugdbeschermer makes a new plan from a template', () => {
  let server: TestServer;
  let jb: SignedIn;
  beforeAll(async () => {
    server = await startServer();
    jb = await signInAs(server.base, server.invitations, 'jeugdbeschermer');
  });
  afterAll(() => server.close({ remove: true }));

  const post = (body: unknown, cookie: string) =>
    fetch(`${server.base}/api/plans`, { method: 'POST', headers: { 'content-type': 'application/json', origin: server.base, cookie }, body: JSON.stringify(body) });

  it('[P1] GET /api/templates lists the three templates to a signed-in member, and nothing without a session', async () => {
    const res = await fetch(`${server.base}/api/templates`, { headers: { cookie: jb.cookie } });
    expect(res.status).toBe(200);
    const list = (await res.json()) as { id: string; titel: string; beschrijving: string }[];
    expect(list.map((t) => t.id).sort()).toEqual(['gezinsplan-jeugdbescherming', 'veiligheidskaart', 'veiligheidsplan-raadsonderzoek']);
    for (const t of list) expect(t.titel.length).toBeGreaterThan(0);
    expect((await fetch(`${server.base}/api/templates`)).status).toBe(401);
  });

  it('[P2] the new plan has the template’s blocks and content, and its invitation signs the maker in to it', async () => {
    const res = await post({ templateId: 'veiligheidsplan-raadsonderzoek', titel: 'Veiligheidsplan gezin Jansen' }, jb.cookie);
    expect(res.status).toBe(201);
    const created = (await res.json()) as { planId: string; token: string; url: string };
    expect(created.url).toBe(`${server.base}/uitnodiging#${created.token}`);
    const maker = await acceptInvitation(server.base, created.token);
    expect(maker).toMatchObject({ planId: created.planId, role: 'jeugdbeschermer' });

    const plan = await (await fetch(`${server.base}/api/plans/${created.planId}`, { headers: { cookie: maker.cookie } })).json();
    expect(plan.titel).toBe('Veiligheidsplan gezin Jansen');
    expect(plan.members).toHaveLength(1);
    expect(plan.members[0].name).toBe(server.invitations.find((i) => i.role === 'jeugdbeschermer')!.name);

    const template = validateTemplateV2(JSON.parse(await readFile(path.resolve('templates/veiligheidsplan-raadsonderzoek.json'), 'utf8')));
    const client = connectDoc(server.base, created.planId, GEZAMENLIJK, { cookie: maker.cookie });
    await waitFor(() => client.synced, 'synced');
    expect(readSchemaVersion(client.doc)).toBe(2);
    expect(readBlockOrder(client.doc)).toEqual(template.blokken);
    expect(template.blokken[1]).toBe('netwerk');
    client.close();

    // The old session still opens the old plan: making a plan does not sign anyone out.
    expect((await fetch(`${server.base}/api/plans/${jb.planId}`, { headers: { cookie: jb.cookie } })).status).toBe(200);
  });

  it('[P3] the jeugdbescherming template starts with the eight basic-safety criteria', async () => {
    const created = (await (await post({ templateId: 'gezinsplan-jeugdbescherming', titel: 'Gezin Bakker' }, jb.cookie)).json()) as { planId: string; token: string };
    const maker = await acceptInvitation(server.base, created.token);
    const client = connectDoc(server.base, created.planId, GEZAMENLIJK, { cookie: maker.cookie });
    await waitFor(() => client.synced, 'synced');
    expect(goedGenoeg.read(client.doc)).toHaveLength(8);
    client.close();
  });

  it('[P4] a parent may not make a plan; a bad template or title gets 400 with a Dutch message', async () => {
    const ouder = await signInAs(server.base, server.invitations, 'ouder');
    const refused = await post({ templateId: 'veiligheidskaart', titel: 'Mijn plan' }, ouder.cookie);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: 'no_access', message: expect.stringContaining('toegang') });
    for (const body of [{ templateId: 'bestaat-niet', titel: 'X' }, { templateId: 'veiligheidskaart', titel: '  ' }, { titel: 'X' }, [1, 2]]) {
      const res = await post(body, jb.cookie);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: 'invalid', message: expect.any(String) });
    }
  });
});
