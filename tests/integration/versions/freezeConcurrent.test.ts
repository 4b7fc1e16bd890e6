import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eigenDocName, GEZAMENLIJK } from '../../../shared/src/schema/docNames';
import { proseJsonParagraphs } from '../../../shared/src/schema/proseJson';
import { fragmentText } from '../../../shared/src/schema/proseText';
import { proseV2 } from '../../../shared/src/schema/proseV2';
import type { FamilieRendering } from '../../../shared/src/versions/versionTypes';
import { planApi } from '../../helpers/planApi';
import { signInAs, type SignedIn } from '../../helpers/signIn';
import { startServer, type TestServer } from '../../helpers/startServer';
import { appendParagraph, connectDoc, type SyncClient } from '../../helpers/syncClient';
import { waitFor } from '../../helpers/waitFor';

/**
 * Freeze under concurrent edits (issue #8): five members type during a teamoverleg while the jeugdbeschermer
 * freezes. Each writes line i into the common plan, waits until the server stored it, then writes line i
 * into their own doc, and so on: in the server's order, common line i always comes before own line i. A
 * version that took the docs at one moment therefore holds, per member, lines 1..k in the common plan and
 * 1..k or 1..k-1 in the own doc; a freeze that read one doc, let edits in, and read the next would break
 * that. Afterwards the live plan holds every line.
 */

const ROLES = ['jeugdbeschermer', 'gedragswetenschapper', 'hulpverlener', 'ouder', 'netwerk'] as const;
/** How long everyone types before and after the freeze; `FREEZE_TYPING_MS=…` for a longer run. */
const TYPING_MS = Number(process.env.FREEZE_TYPING_MS ?? 400);

interface Typist {
  tag: string;
  who: SignedIn;
  common: SyncClient;
  own: SyncClient;
  written: number;
}

let server: TestServer;
const typists: Typist[] = [];

beforeAll(async () => {
  server = await startServer();
  const people = await Promise.all(ROLES.map((role) => signInAs(server.base, server.invitations, role)));
  const jb = planApi(server.base, people[0]!);
  // Family and network write the common plan only while a teamoverleg is open and they are present.
  expect((await jb('POST', '/teamoverleg', { open: true })).status).toBe(200);
  for (const [i, who] of people.entries()) {
    const common = connectDoc(server.base, who.planId, GEZAMENLIJK, { cookie: who.cookie });
    const own = connectDoc(server.base, who.planId, eigenDocName(who.memberId), { cookie: who.cookie });
    await waitFor(() => common.synced && own.synced, `${ROLES[i]} synced`);
    typists.push({ tag: `t${i}`, who, common, own, written: 0 });
  }
}, 60_000);

afterAll(async () => {
  for (const t of typists) {
    t.common.close();
    t.own.close();
  }
  await server.close({ remove: true });
});

/** Types line after line, common doc first, each stored before the next, until `until()` says stop. */
async function type(t: Typist, until: () => boolean): Promise<void> {
  while (!until()) {
    const line = `${t.tag}-${t.written + 1}`;
    const n = appendParagraph(t.common, proseV2(t.common.doc, 'gezamenlijk', 'aanleiding'), line);
    await waitFor(() => t.common.saved >= n, `${line} stored in the common plan`);
    expect(t.common.rejected).toEqual([]);
    const m = appendParagraph(t.own, proseV2(t.own.doc, 'eigen', 'zoZieIkHet'), line);
    await waitFor(() => t.own.saved >= m, `${line} stored in the own doc`);
    t.written += 1;
  }
}

/** The line numbers of one typist in a list of paragraphs. */
function numbersOf(tag: string, paragraphs: readonly string[]): number[] {
  return paragraphs.flatMap((p) => (p.startsWith(`${tag}-`) ? [Number(p.slice(tag.length + 1))] : []));
}

const oneToN = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('freeze under concurrent edits', () => {
  it('[F1] the version is the merged state at one moment across all docs, and the live plan loses nothing', async () => {
    const jb = planApi(server.base, typists[0]!.who);
    let stop = false;
    const typing = Promise.all(typists.map((t) => type(t, () => stop)));
    await new Promise((r) => setTimeout(r, TYPING_MS));
    // Lines stored before the freeze was asked for must be in it.
    const beforeFreeze = typists.map((t) => t.written);
    const freeze = await jb('POST', '/versies', { label: 'Tijdens het typen', ondanksWaarschuwingen: true });
    expect(freeze.status).toBe(201);
    await new Promise((r) => setTimeout(r, TYPING_MS));
    stop = true;
    await typing;

    const { familie } = (await (await jb('GET', '/versies/1')).json()) as { familie: FamilieRendering };
    const common = proseJsonParagraphs(familie.gezamenlijk.prose.aanleiding);
    for (const [i, t] of typists.entries()) {
      const inCommon = numbersOf(t.tag, common);
      const own = familie.eigen.find((e) => e.memberId === t.who.memberId)!;
      const inOwn = numbersOf(t.tag, proseJsonParagraphs(own.doc.prose.zoZieIkHet));
      expect(inCommon, `${ROLES[i]} common lines in the version`).toEqual(oneToN(inCommon.length));
      expect(inOwn, `${ROLES[i]} own lines in the version`).toEqual(oneToN(inOwn.length));
      expect([inOwn.length, inOwn.length + 1], `${ROLES[i]}: common ${inCommon.length}, own ${inOwn.length}`).toContain(inCommon.length);
      expect(inOwn.length).toBeGreaterThanOrEqual(beforeFreeze[i]!);
      // Typing went on after the freeze, so the freeze really happened in the middle of it.
      expect(t.written).toBeGreaterThan(inCommon.length);
    }

    const { familie: live } = (await (await jb('GET', '/versies/nu')).json()) as { familie: FamilieRendering };
    const liveCommon = proseJsonParagraphs(live.gezamenlijk.prose.aanleiding);
    for (const t of typists) {
      expect(numbersOf(t.tag, liveCommon)).toEqual(oneToN(t.written));
      const own = live.eigen.find((e) => e.memberId === t.who.memberId)!;
      expect(numbersOf(t.tag, proseJsonParagraphs(own.doc.prose.zoZieIkHet))).toEqual(oneToN(t.written));
      // The first typist's replica converged on the same lines too.
      expect(numbersOf(t.tag, fragmentText(proseV2(typists[0]!.common.doc, 'gezamenlijk', 'aanleiding')).split('\n'))).toEqual(oneToN(t.written));
    }
  }, 60_000);
});
