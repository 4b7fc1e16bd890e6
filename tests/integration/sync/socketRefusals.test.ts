import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloseCode } from '../../../shared/src/protocol/closeCodes';
import { eigenDocName, GEZAMENLIJK, PROFESSIONEEL } from '../../../shared/src/schema/docNames';
import { signInAs, type SignedIn } from '../../helpers/signIn';
import { startServer, type TestServer } from '../../helpers/startServer';
import { connectDoc } from '../../helpers/syncClient';
import { waitFor } from '../../helpers/waitFor';

describe('the upgrade gate refuses with the documented close codes', () => {
  let server: TestServer;
  let jb: SignedIn;
  let ouder: SignedIn;
  beforeAll(async () => {
    server = await startServer();
    jb = await signInAs(server.base, server.invitations, 'jeugdbeschermer');
    ouder = await signInAs(server.base, server.invitations, 'ouder');
  });
  afterAll(() => server.close({ remove: true }));

  async function closeCodeOf(planId: string, docName: string, options: { cookie?: string; origin?: string }) {
    const c = connectDoc(server.base, planId, docName, options);
    await c.opened;
    return waitFor(() => c.closeCode, 'close');
  }

  it('[S20] no cookie → 4401', async () => {
    expect(await closeCodeOf(jb.planId, GEZAMENLIJK, {})).toBe(CloseCode.notSignedIn);
  });

  it('[S21] a forged cookie → 4401', async () => {
    expect(await closeCodeOf(jb.planId, GEZAMENLIJK, { cookie: 'gp_session=forged-session-id-that-does-not-exist' })).toBe(CloseCode.notSignedIn);
  });

  it('[S22] a foreign Origin is refused at the upgrade with HTTP 403', async () => {
    expect(await closeCodeOf(jb.planId, GEZAMENLIJK, { cookie: jb.cookie, origin: 'https://evil.example' })).toBe('http 403');
  });

  it('[S23] an unknown plan → 4404', async () => {
    expect(await closeCodeOf('no-such-plan', GEZAMENLIJK, { cookie: jb.cookie })).toBe(CloseCode.unknownDoc);
  });

  it('[S24] an unknown doc, or the own doc of someone who is no member → 4404', async () => {
    expect(await closeCodeOf(jb.planId, 'notulen', { cookie: jb.cookie })).toBe(CloseCode.unknownDoc);
    expect(await closeCodeOf(jb.planId, eigenDocName('nobody'), { cookie: jb.cookie })).toBe(CloseCode.unknownDoc);
  });

  it('[R2] a parent gets no socket on professioneel (4403)', async () => {
    expect(await closeCodeOf(ouder.planId, PROFESSIONEEL, { cookie: ouder.cookie })).toBe(CloseCode.noAccess);
  });

  it('[S25] a text frame or a malformed frame closes with 4400', async () => {
    for (const frame of ['hello', new Uint8Array([0xff, 0xff, 0xff]), new Uint8Array([42]), new Uint8Array([0, 9])]) {
      const c = connectDoc(server.base, jb.planId, GEZAMENLIJK, { cookie: jb.cookie });
      expect(await c.opened).toBe(true);
      c.sendRaw(frame);
      expect(await waitFor(() => c.closeCode, 'close')).toBe(CloseCode.malformed);
    }
  });
});
