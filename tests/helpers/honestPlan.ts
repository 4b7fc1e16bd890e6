import { GEZAMENLIJK } from '../../shared/src/schema/docNames';
import { fragmentText } from '../../shared/src/schema/proseText';
import { proseV2 } from '../../shared/src/schema/proseV2';
import { acceptInvitation } from './signIn';
import { appendParagraph, connectDoc, type SyncClient } from './syncClient';
import { waitFor } from './waitFor';

/** A second plan with two honest clients on its common doc, to show that one plan's trouble stays its own. */
export interface HonestPlan {
  readonly planId: string;
  readonly a: SyncClient;
  readonly b: SyncClient;
  /** Writes a new line with `a` and resolves once `b` has it. */
  staysLive(): Promise<void>;
  close(): void;
}

/** Makes a new plan as the jeugdbeschermer with `cookie`, and connects two clients of its maker to it. */
export async function openHonestPlan(base: string, cookie: string): Promise<HonestPlan> {
  const res = await fetch(`${base}/api/plans`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base, cookie },
    body: JSON.stringify({ templateId: 'veiligheidskaart', titel: 'Ander gezin' }),
  });
  const created = (await res.json()) as { planId: string; token: string };
  const maker = await acceptInvitation(base, created.token);
  const a = connectDoc(base, created.planId, GEZAMENLIJK, { cookie: maker.cookie });
  const b = connectDoc(base, created.planId, GEZAMENLIJK, { cookie: maker.cookie });
  // Saved, not only synced: its first content messages have been through the server's checks.
  await waitFor(() => a.synced && b.synced && a.saved >= 1 && b.saved >= 1, 'the honest plan synced');
  let lines = 0;
  return {
    planId: created.planId,
    a,
    b,
    async staysLive() {
      const line = `leeft nog ${++lines}`;
      appendParagraph(a, proseV2(a.doc, 'gezamenlijk', 'aanleiding'), line);
      await waitFor(() => fragmentText(proseV2(b.doc, 'gezamenlijk', 'aanleiding')).includes(line), 'the honest plan’s update');
    },
    close() {
      a.close();
      b.close();
    },
  };
}
