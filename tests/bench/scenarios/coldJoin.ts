import * as Y from 'yjs';
import { silentLogger } from '../../../server/src/log';
import { openEmbeddedStore } from '../../../server/src/storage/embedded/openEmbeddedStore';
import { GEZAMENLIJK } from '../../../shared/src/schema/docNames';
import { buildEditHistory, textLengthOf, type EditHistory } from '../content/editHistory';
import { typeEdit } from '../load/editText';
import { LoadClient, type Seat } from '../load/loadClient';
import { createRng } from '../rng';
import type { Scenario } from '../scenario';
import type { BenchServer } from '../servers/benchServer';
import { startProjectServer } from '../servers/projectServer';
import { startReferenceServer } from '../servers/referenceServer';
import { prepareFixture, type ProjectFixture } from '../setup/planFixture';
import { projectSeats, referenceSeats } from '../setup/seats';
import { waitUntil } from '../waitUntil';

interface ColdJoinState {
  fixture: ProjectFixture;
  history: EditHistory;
  /** What the project's store holds for the doc after the history was built and the server stopped. */
  stored: { records: number; bytes: number };
  /** Characters of text in the project's doc: the history plus the template's own text. */
  projectText: number;
}

const PUSH_TIMEOUT_MS = 300_000;

/**
 * Issue 10 scenario 5: a plan whose `gezamenlijk` has a long history (keystrokes of five people, sent as
 * the updates their clients would send, 100 keystrokes per message), then a new client joins. The project is
 * stopped after the history is built and started again, so the join is served from disk; the reference has
 * no store, so it gets the history pushed into memory first (the easy case for it). The time runs from the
 * joiner's socket open to its doc holding the whole state (sync step 2 applied).
 */
export const coldJoin: Scenario<ColdJoinState> = {
  name: 'coldJoin',
  describe: ({ coldJoin: p }) => `1 plan with a ${p.edits.toLocaleString('en')}-keystroke history; a new client joins (project restarted, serves from disk)`,
  targets: ['project', 'reference'],
  figures: [
    { id: 'joinMs', label: 'cold join: socket open → synced (step 2 applied)', unit: 'ms', digits: 1, target: { kind: 'ratioAtMost', value: 0.5 } },
    { id: 'receivedMs', label: 'cold join: socket open → step 2 received', unit: 'ms', digits: 1 },
    { id: 'clientApplyMs', label: 'cold join: joiner applying step 2 (client side)', unit: 'ms', digits: 1 },
    { id: 'receivedKb', label: 'cold join: bytes received by the joiner', unit: 'KB', digits: 1 },
  ],
  async prepare(ctx) {
    const p = ctx.params.coldJoin;
    const builtAt = performance.now();
    const history = buildEditHistory(p.edits, 5000);
    ctx.progress(`coldJoin: history of ${history.edits} keystrokes in ${history.chunks.length} updates, state ${Math.round(history.stateBytes / 1000)} KB, built in ${((performance.now() - builtAt) / 1000).toFixed(1)} s`);
    let projectText = NaN;
    const fixture = await prepareFixture(ctx.tempRoot, 'coldjoin', {
      // Plan 0 gets the history; plan 1 warms the restarted server up before the measured join.
      plans: 2,
      membersPerPlan: 2,
      fill: async (server, made) => {
        const seat = projectSeats(server, made, 1)[0]?.[0];
        if (!seat) throw new Error('coldJoin has no seat');
        projectText = await pushHistory(seat, history, true);
      },
    });
    const stored = await storedSize(fixture);
    ctx.progress(`coldJoin: the project stores the doc as ${stored.records} record(s), ${Math.round(stored.bytes / 1000)} KB`);
    return { fixture, history, stored, projectText };
  },
  async runOnce(_ctx, state, target, repetition) {
    if (target === 'project') {
      const server = await startProjectServer({ dataDir: state.fixture.dataDir });
      try {
        const seats = projectSeats(server, state.fixture, 2);
        const [seat, warmSeat] = [seats[0]?.[1], seats[1]?.[0]];
        if (!seat || !warmSeat) throw new Error('coldJoin has no joiner seat');
        await warmUp(warmSeat);
        return await join(seat, state, state.projectText);
      } finally {
        await server.stop();
      }
    }
    const server = await startReferenceServer();
    try {
      const [pusher, joiner] = referenceSeats(server, 1, 2, `coldjoin-${repetition}`)[0] ?? [];
      if (!pusher || !joiner) throw new Error('coldJoin has no reference seats');
      const text = await pushHistory(pusher, state.history, false);
      return await join(joiner, state, text);
    } finally {
      await server.stop();
    }
  },
};

/**
 * One client sends the history as update messages, in order, and leaves once the server has all of it.
 * Returns the characters of text its doc ends with, for checking the joiner.
 */
async function pushHistory(seat: Seat, history: EditHistory, waitSaved: boolean): Promise<number> {
  const client = new LoadClient(seat, { syncTimeoutMs: 60_000 });
  try {
    await client.synced;
    for (const chunk of history.chunks) Y.applyUpdate(client.doc, chunk);
    // The server answers our step 1 after it has handled every update before it.
    await client.roundTrip();
    if (waitSaved && !(await waitUntil(() => client.allSaved, PUSH_TIMEOUT_MS))) throw new Error('coldJoin: the history was not saved in time');
    return textLengthOf(client.doc);
  } finally {
    await client.close();
    client.doc.destroy();
  }
}

async function join(seat: Seat, state: ColdJoinState, expectedText: number): Promise<{ measurements: Record<string, number>; detail: Record<string, number> }> {
  const joiner = new LoadClient(seat, { syncTimeoutMs: 60_000 });
  try {
    await joiner.synced;
    const text = textLengthOf(joiner.doc);
    if (text !== expectedText) throw new Error(`coldJoin: the joiner got ${text} characters of text, the server was given ${expectedText}`);
    return {
      measurements: {
        joinMs: joiner.syncedAt - joiner.openedAt,
        receivedMs: joiner.step2ArrivedAt - joiner.openedAt,
        clientApplyMs: joiner.syncedAt - joiner.step2ArrivedAt,
        receivedKb: joiner.bytesReceived / 1024,
      },
      detail: { edits: state.history.edits, stateBytes: state.history.stateBytes, storedRecords: state.stored.records, storedBytes: state.stored.bytes },
    };
  } finally {
    await joiner.close();
    joiner.doc.destroy();
  }
}

/**
 * A freshly started process runs its sync code for the first time: another plan is opened and edited first,
 * so the measured join is a doc the server has not loaded yet, not the process's first Yjs work ever. The
 * reference is warm from receiving the history.
 */
async function warmUp(seat: Seat): Promise<void> {
  const client = new LoadClient(seat);
  try {
    await client.synced;
    const rng = createRng(5001);
    for (let i = 0; i < 50; i += 1) typeEdit(client.doc, rng);
    await client.roundTrip();
    if (!(await waitUntil(() => client.allSaved, 10_000))) throw new Error('coldJoin: the warm-up edits were not saved');
  } finally {
    await client.close();
    client.doc.destroy();
  }
}

/** Opens the stopped server's store (the real storage layer) to see what a join will read. */
async function storedSize(fixture: ProjectFixture): Promise<{ records: number; bytes: number }> {
  const planId = fixture.plans[0]?.planId;
  if (!planId) throw new Error('coldJoin has no plan');
  const store = await openEmbeddedStore({ dataDir: fixture.dataDir, log: silentLogger() });
  try {
    const loaded = await store.docs.load(planId, GEZAMENLIJK);
    return { records: loaded.records, bytes: loaded.bytes };
  } finally {
    await store.close();
  }
}
