import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CloseCode } from '../../../shared/src/protocol/closeCodes';
import { GEZAMENLIJK } from '../../../shared/src/schema/docNames';
import { proseField } from '../../../shared/src/schema/planSchema';
import { fragmentText } from '../../../shared/src/schema/proseText';
import { makePlansOnDisk } from '../../helpers/plansOnDisk';
import { acceptInvitation } from '../../helpers/signIn';
import { startServer } from '../../helpers/startServer';
import { connectDoc } from '../../helpers/syncClient';
import { waitFor } from '../../helpers/waitFor';

describe('a corrupt log takes no other plan down', () => {
  it('[S60] a flipped byte in plan A: A closes with 4500 and /healthz lists it degraded; plan B loads', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'gezinsplan-corrupt-'));
    const [a, b] = await makePlansOnDisk(dataDir, 2);
    // Append a second record to A's log by hand-free means: flip a byte inside the first record's payload,
    // then add a valid-looking tail so the damage is not mistaken for a torn last record.
    const dir = path.join(dataDir, 'plans', a!.planId);
    const file = path.join(dir, (await readdir(dir)).find((f) => f.startsWith(`${GEZAMENLIJK}.`))!);
    const bytes = await readFile(file);
    const copy = Buffer.concat([bytes, bytes.subarray(8)]); // the header is 8 bytes; repeat the record
    copy[20] = copy[20]! ^ 0xff;
    await writeFile(file, copy);

    const server = await startServer({ dataDir, env: { DEMO: '0' } });
    try {
      const sa = await acceptInvitation(server.base, a!.token);
      const sb = await acceptInvitation(server.base, b!.token);
      const ca = connectDoc(server.base, sa.planId, GEZAMENLIJK, { cookie: sa.cookie });
      expect(await waitFor(() => ca.closeCode, 'A to close')).toBe(CloseCode.serverError);
      expect(ca.synced).toBe(false);

      const cb = connectDoc(server.base, sb.planId, GEZAMENLIJK, { cookie: sb.cookie });
      await waitFor(() => cb.synced, 'B to sync');
      expect(fragmentText(proseField(cb.doc, 'gezamenlijk', 'zorgen'))).toContain('ruzie');
      cb.close();

      const health = (await (await fetch(`${server.base}/healthz`)).json()) as { ok: boolean; degraded?: { planId?: string; reason: string }[] };
      expect(health).toEqual({ ok: true, degraded: [{ planId: a!.planId, reason: 'storage_corrupt' }] });
      // The damaged file was moved aside whole, into quarantine (issue #9): nothing was replaced by an empty doc.
      const aside = path.join(dataDir, 'quarantine', a!.planId);
      const [moved] = await readdir(aside);
      expect(moved).toMatch(new RegExp(`^${path.basename(file)}\\.`));
      expect(Buffer.compare(await readFile(path.join(aside, moved!)), copy)).toBe(0);
    } finally {
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
