import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { draden, reacties } from '../../../shared/src/schema/blocks/opmerkingen';
import { eigenDocName, GEZAMENLIJK, OPMERKINGEN, OPMERKINGEN_INTERN, PROFESSIONEEL, parseDocName } from '../../../shared/src/schema/docNames';
import { fragmentText } from '../../../shared/src/schema/proseText';
import { proseV2 } from '../../../shared/src/schema/proseV2';
import { inviteAndAccept } from '../../helpers/planApi';
import { signInAs, type SignedIn } from '../../helpers/signIn';
import { startServer, type TestServer } from '../../helpers/startServer';
import { appendParagraph, connectDoc, type SyncClient } from '../../helpers/syncClient';
import { waitFor } from '../../helpers/waitFor';

/**
 * Every role (and the jeugdige's age bands) × every doc type (the comment docs of issue #7 too) × {receive sync,
 * send update, send awareness},
 * over a real server and real sockets, against a table written by hand here — not read from the rights
 * function. Refused writes must leave the stored doc, the other clients and the disk unchanged.
 */

type Who = 'jeugdbeschermer' | 'gedragswetenschapper' | 'hulpverlener' | 'raadsonderzoeker' | 'ouder' | 'jeugdige-12-15' | 'jeugdige-under-12' | 'netwerk';
type DocSlot = 'gezamenlijk' | 'professioneel' | 'eigen-self' | 'eigen-ouder' | 'eigen-child' | 'opmerkingen' | 'opmerkingen-intern';
type Expect = 'none' | 'read' | 'write';

// Outside a teamoverleg. `eigen-child` is the own doc of a child under 12 (the jeugdbeschermer writes it for them).
// The comment docs are written by the server only (issue #7): every socket on them reads, or is refused.
const PROFESSIONAL_COMMENTS = { opmerkingen: 'read', 'opmerkingen-intern': 'read' } as const;
const FAMILY_COMMENTS = { opmerkingen: 'read', 'opmerkingen-intern': 'none' } as const;

const OUTSIDE: Record<Who, Record<DocSlot, Expect>> = {
  jeugdbeschermer: { gezamenlijk: 'write', professioneel: 'write', 'eigen-self': 'write', 'eigen-ouder': 'read', 'eigen-child': 'write', ...PROFESSIONAL_COMMENTS },
  gedragswetenschapper: { gezamenlijk: 'write', professioneel: 'write', 'eigen-self': 'write', 'eigen-ouder': 'read', 'eigen-child': 'read', ...PROFESSIONAL_COMMENTS },
  hulpverlener: { gezamenlijk: 'write', professioneel: 'none', 'eigen-self': 'write', 'eigen-ouder': 'read', 'eigen-child': 'read', ...PROFESSIONAL_COMMENTS },
  raadsonderzoeker: { gezamenlijk: 'read', professioneel: 'none', 'eigen-self': 'write', 'eigen-ouder': 'read', 'eigen-child': 'read', ...PROFESSIONAL_COMMENTS },
  ouder: { gezamenlijk: 'read', professioneel: 'none', 'eigen-self': 'write', 'eigen-ouder': 'write', 'eigen-child': 'read', ...FAMILY_COMMENTS },
  'jeugdige-12-15': { gezamenlijk: 'read', professioneel: 'none', 'eigen-self': 'write', 'eigen-ouder': 'read', 'eigen-child': 'read', ...FAMILY_COMMENTS },
  'jeugdige-under-12': { gezamenlijk: 'read', professioneel: 'none', 'eigen-self': 'write', 'eigen-ouder': 'read', 'eigen-child': 'write', ...FAMILY_COMMENTS },
  netwerk: { gezamenlijk: 'read', professioneel: 'none', 'eigen-self': 'write', 'eigen-ouder': 'read', 'eigen-child': 'read', ...FAMILY_COMMENTS },
};

// While a teamoverleg is open, for members connected to the plan: only `gezamenlijk` changes.
const IN_OVERLEG_GEZAMENLIJK: Record<Who, Expect> = {
  jeugdbeschermer: 'write',
  gedragswetenschapper: 'write',
  hulpverlener: 'write',
  raadsonderzoeker: 'read',
  ouder: 'write',
  'jeugdige-12-15': 'write',
  'jeugdige-under-12': 'write',
  netwerk: 'write',
};

const WHO: readonly Who[] = Object.keys(OUTSIDE) as Who[];
const SLOTS: readonly DocSlot[] = ['gezamenlijk', 'professioneel', 'eigen-self', 'eigen-ouder', 'eigen-child', 'opmerkingen', 'opmerkingen-intern'];

function proseOf(doc: Y.Doc, docName: string): Y.XmlFragment {
  const kind = parseDocName(docName)?.kind;
  if (kind === 'gezamenlijk') return proseV2(doc, 'gezamenlijk', 'aanleiding');
  if (kind === 'professioneel') return proseV2(doc, 'professioneel', 'taxatie');
  return proseV2(doc, 'eigen', 'zoZieIkHet');
}

const isCommentDoc = (docName: string) => parseDocName(docName)?.kind === 'opmerkingen';

/** The doc's readable content as text: its prose, or for a comment doc its threads. */
function contentOf(doc: Y.Doc, docName: string): string {
  return isCommentDoc(docName) ? JSON.stringify(draden.read(doc)) : fragmentText(proseOf(doc, docName));
}

/** Writes `text` the way a client could: a paragraph, or in a comment doc a thread of its own. */
function write(c: SyncClient, docName: string, text: string): number {
  if (!isCommentDoc(docName)) return appendParagraph(c, proseOf(c.doc, docName), text);
  c.doc.transact(() => {
    const id = draden.add(c.doc, { memberId: 'iemand', role: 'jeugdbeschermer', name: 'Iemand' });
    reacties.add(c.doc, { memberId: 'iemand', role: 'jeugdbeschermer', name: 'Iemand' }, id, { tekst: text });
  });
  return c.contentSent;
}

describe('the rights matrix over real sockets', () => {
  let server: TestServer;
  const members = new Map<Who, SignedIn>();
  const open: SyncClient[] = [];
  /** Text each refused write tried to add, by doc name: none of it may ever be stored. */
  const refused = new Map<string, string[]>();
  const accepted = new Map<string, string[]>();

  beforeAll(async () => {
    server = await startServer();
    for (const role of ['jeugdbeschermer', 'gedragswetenschapper', 'hulpverlener', 'raadsonderzoeker', 'ouder', 'netwerk'] as const) {
      members.set(role, await signInAs(server.base, server.invitations, role));
    }
    members.set('jeugdige-12-15', await signInAs(server.base, server.invitations, 'jeugdige'));
    members.set('jeugdige-under-12', await inviteAndAccept(server.base, members.get('jeugdbeschermer')!, { role: 'jeugdige', name: 'Mila de Boer', ageBand: 'under-12' }));
  }, 30_000);

  afterAll(async () => {
    open.forEach((c) => c.close());
    await server.close({ remove: true });
  });

  const docNameOf = (who: Who, slot: DocSlot): string => {
    const me = members.get(who)!;
    if (slot === 'gezamenlijk') return GEZAMENLIJK;
    if (slot === 'professioneel') return PROFESSIONEEL;
    if (slot === 'eigen-self') return eigenDocName(me.memberId);
    if (slot === 'eigen-ouder') return eigenDocName(members.get('ouder')!.memberId);
    if (slot === 'opmerkingen') return OPMERKINGEN;
    if (slot === 'opmerkingen-intern') return OPMERKINGEN_INTERN;
    return eigenDocName(members.get('jeugdige-under-12')!.memberId);
  };

  /** The jeugdbeschermer watches every doc they may read; professioneel by the gedragswetenschapper too. */
  async function observer(docName: string): Promise<SyncClient> {
    const jb = members.get('jeugdbeschermer')!;
    const c = connectDoc(server.base, jb.planId, docName, { cookie: jb.cookie });
    open.push(c);
    expect(await c.opened).toBe(true);
    await waitFor(() => c.synced, `observer sync of ${docName}`);
    return c;
  }

  async function probe(who: Who, slot: DocSlot, expected: Expect, label: string): Promise<void> {
    const me = members.get(who)!;
    const docName = docNameOf(who, slot);
    const watch = await observer(docName);
    const c = connectDoc(server.base, me.planId, docName, { cookie: me.cookie });
    open.push(c);
    const opened = await c.opened;
    if (expected === 'none') {
      await waitFor(() => c.closeCode !== null, `${label}: refusal`);
      expect(c.closeCode, `${label}: close code`).toBe(4403);
      expect(c.synced, `${label}: received a sync`).toBe(false);
      expect(isCommentDoc(docName) ? draden.read(c.doc) : fragmentText(proseOf(c.doc, docName)), `${label}: received content`).toHaveLength(0);
      return;
    }
    expect(opened, `${label}: opened`).toBe(true);
    await waitFor(() => c.synced, `${label}: sync`);
    // Receive sync: the doc's content arrives.
    expect(contentOf(c.doc, docName).length, `${label}: content received`).toBeGreaterThanOrEqual(0);
    await waitFor(() => c.saved >= c.contentSent, `${label}: initial step 2 settled`);
    expect(c.rejected, `${label}: the empty step 2 is not rejected`).toEqual([]);

    // Send update.
    const text = `«probe ${label}»`;
    const seq = write(c, docName, text);
    await waitFor(() => c.saved >= seq, `${label}: message ${seq} settled`);
    if (expected === 'write') {
      expect(c.rejected, `${label}: rejected`).toEqual([]);
      await waitFor(() => contentOf(watch.doc, docName).includes(text), `${label}: observer sees the write`);
      accepted.set(docName, [...(accepted.get(docName) ?? []), text]);
    } else {
      expect(c.rejected.map((r) => r.n), `${label}: rejected names the message`).toEqual([seq]);
      refused.set(docName, [...(refused.get(docName) ?? []), text]);
      await new Promise((r) => setTimeout(r, 100));
      expect(contentOf(watch.doc, docName), `${label}: observer never sees it`).not.toContain(text);
    }

    // Send awareness: allowed to every reader, stamped with the real member.
    c.sendAwareness({ user: { name: 'Iemand anders', role: 'jeugdbeschermer' }, cursor: null });
    await waitFor(
      () => [...watch.awareness.getStates().values()].some((s) => (s.user as { memberId?: string } | undefined)?.memberId === me.memberId),
      `${label}: awareness reaches the observer`,
    );
    for (const s of watch.awareness.getStates().values()) expect(JSON.stringify(s), `${label}: spoofed name`).not.toContain('Iemand anders');
    c.close();
    watch.close();
  }

  for (const who of WHO) {
    for (const slot of SLOTS) {
      it(`outside a teamoverleg: ${who} × ${slot} → ${OUTSIDE[who][slot]}`, async () => {
        await probe(who, slot, OUTSIDE[who][slot], `${who}/${slot}`);
      });
    }
  }

  it('during a teamoverleg the family and network present write the common plan; the raadsonderzoeker still reads', async () => {
    const jb = members.get('jeugdbeschermer')!;
    const toggle = (openIt: boolean) =>
      fetch(`${server.base}/api/plans/${jb.planId}/teamoverleg`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: server.base, cookie: jb.cookie },
        body: JSON.stringify({ open: openIt }),
      });
    expect((await toggle(true)).status).toBe(200);
    for (const who of WHO) await probe(who, 'gezamenlijk', IN_OVERLEG_GEZAMENLIJK[who], `${who}/gezamenlijk in teamoverleg`);
    expect((await toggle(false)).status).toBe(200);
    await probe('ouder', 'gezamenlijk', 'read', 'ouder/gezamenlijk after the teamoverleg');
  }, 60_000);

  it('every refused write is absent from the disk after a restart, every accepted one is there', async () => {
    const dataDir = server.dataDir;
    open.forEach((c) => c.close());
    await server.close();
    server = await startServer({ dataDir });
    const jb = members.get('jeugdbeschermer')!;
    for (const docName of new Set([...refused.keys(), ...accepted.keys()])) {
      const c = connectDoc(server.base, jb.planId, docName, { cookie: jb.cookie });
      open.push(c);
      await waitFor(() => c.synced, `reload of ${docName}`);
      const stored = contentOf(c.doc, docName);
      for (const text of refused.get(docName) ?? []) expect(stored, `${docName} holds refused "${text}"`).not.toContain(text);
      for (const text of accepted.get(docName) ?? []) expect(stored, `${docName} lost accepted "${text}"`).toContain(text);
      c.close();
    }
  }, 60_000);
});
