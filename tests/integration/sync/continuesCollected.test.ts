import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '../../../shared/src/protocol/closeCodes';
import { GEZAMENLIJK } from '../../../shared/src/schema/docNames';
import { updateFrame } from '../../helpers/hostileFrames';
import { openHonestPlan } from '../../helpers/honestPlan';
import { makePlansOnDisk } from '../../helpers/plansOnDisk';
import { acceptInvitation } from '../../helpers/signIn';
import { startServer } from '../../helpers/startServer';
import { connectDoc } from '../../helpers/syncClient';
import { waitFor } from '../../helpers/waitFor';

const fixture = async (name: string) => new Uint8Array(await readFile(new URL(`../../fixtures/fuzz/${name}`, import.meta.url)));

/**
 * Issue #9, the fuzzer's second finding through a real socket: an update whose struct goes on from clocks the
 * doc holds as collected passed every check and made Yjs throw halfway through applying it to the live doc.
 * The server tries such an update on a copy first and closes with 4400 `continues_collected`; the live doc,
 * what is stored, and another plan's sync are untouched.
 */
describe('an update that goes on from collected clocks, through the socket', () => {
  it('[S70] closes with 4400 continues_collected; the doc as served and as stored after a restart is unchanged', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'gezinsplan-collected-'));
    // The fuzzer's base doc, stored as an earlier write into the plan: its collected text is what the mutant continues.
    const base = await fixture('continues-collected.base.bin');
    const [plan] = await makePlansOnDisk(dataDir, 1, async (store, plans) => store.docs.append(plans[0]!.planId, GEZAMENLIJK, base));
    const mutant = await fixture('continues-collected.update.bin');
    let server = await startServer({ dataDir, env: { DEMO: '0' } });
    try {
      const jb = await acceptInvitation(server.base, plan!.token);
      const served = async () => {
        const reader = connectDoc(server.base, jb.planId, GEZAMENLIJK, { cookie: jb.cookie });
        await waitFor(() => reader.synced, 'sync');
        reader.close();
        return Y.encodeStateAsUpdate(reader.doc);
      };
      const before = await served();
      const other = await openHonestPlan(server.base, jb.cookie);
      const otherLive = other.staysLive();

      const hostile = connectDoc(server.base, jb.planId, GEZAMENLIJK, { cookie: jb.cookie });
      expect(await hostile.opened).toBe(true);
      hostile.sendRaw(updateFrame(mutant));
      expect(await waitFor(() => hostile.closeCode, 'close')).toBe(CloseCode.malformed);
      await otherLive;
      other.close();
      expect(server.logs.filter((l) => l.event === 'security.message_refused').map((l) => l.reason)).toContain('continues_collected');
      expect(await served()).toEqual(before);

      await server.close();
      server = await startServer({ dataDir, env: { DEMO: '0' } });
      // Sessions are stored: the same cookie signs in to the restarted server.
      const reader = connectDoc(server.base, jb.planId, GEZAMENLIJK, { cookie: jb.cookie });
      await waitFor(() => reader.synced, 'sync after the restart');
      reader.close();
      expect(Y.encodeStateAsUpdate(reader.doc)).toEqual(before);
    } finally {
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
