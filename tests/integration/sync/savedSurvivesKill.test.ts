import { rm } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { GEZAMENLIJK } from '../../../shared/src/schema/docNames';
import { proseField } from '../../../shared/src/schema/planSchema';
import { fragmentText } from '../../../shared/src/schema/proseText';
import { spawnServer } from '../../helpers/spawnServer';
import { readDemoInvitations } from '../../helpers/startServer';
import { signInAs } from '../../helpers/signIn';
import { appendParagraph, connectDoc } from '../../helpers/syncClient';
import { waitFor } from '../../helpers/waitFor';

describe('saved means durable', () => {
  it('[S30] every edit acknowledged with `saved` survives SIGKILL right after the acknowledgement', async () => {
    const first = await spawnServer();
    const invitations = await readDemoInvitations(first.dataDir);
    const jb = await signInAs(first.base, invitations, 'jeugdbeschermer');
    const a = connectDoc(first.base, jb.planId, GEZAMENLIJK, { cookie: jb.cookie });
    expect(await a.opened).toBe(true);
    await waitFor(() => a.synced, 'sync');
    const zorgen = proseField(a.doc, 'gezamenlijk', 'zorgen');
    const texts: string[] = [];
    let seq = 0;
    for (let i = 0; i < 20; i++) {
      texts.push(`regel ${i} ${Math.random().toString(36).slice(2)}`);
      seq = appendParagraph(a, zorgen, texts[i]!);
    }
    // Kill the moment the last `saved` arrives: nothing after it may be needed for durability.
    await waitFor(() => a.saved >= seq, 'saved for the last edit', 10_000);
    await first.kill9();
    a.close();

    // Read it back in a new process; the session cookie also survives (sessions are stored, DESIGN.md §7).
    const second = await spawnServer({ dataDir: first.dataDir });
    try {
      const b = connectDoc(second.base, jb.planId, GEZAMENLIJK, { cookie: jb.cookie });
      expect(await b.opened).toBe(true);
      await waitFor(() => b.synced, 'sync after restart');
      const text = fragmentText(proseField(b.doc, 'gezamenlijk', 'zorgen'));
      for (const t of texts) expect(text).toContain(t);
      b.close();
    } finally {
      await second.stop();
      await rm(first.dataDir, { recursive: true, force: true });
    }
  });
});
