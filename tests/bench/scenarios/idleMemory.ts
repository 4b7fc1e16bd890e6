import { buildTextContent } from '../content/textContent';
import { IdleClient } from '../load/idleClient';
import type { Seat } from '../load/loadClient';
import { settledRss } from '../processStats';
import type { Scenario } from '../scenario';
import type { BenchServer } from '../servers/benchServer';
import { startProjectServer } from '../servers/projectServer';
import { startReferenceServer } from '../servers/referenceServer';
import { prepareFixture, type ProjectFixture } from '../setup/planFixture';
import { projectSeats, referenceSeats } from '../setup/seats';
import { waitUntil } from '../waitUntil';

interface IdleState {
  fixture: ProjectFixture;
  /** Each plan's `gezamenlijk` as the project stores it (template + text): the reference gets exactly this. */
  states: Uint8Array[];
}

/** Sockets opened at once while filling or opening docs. */
const BATCH = 50;

/**
 * Issue 10 scenario 4: many plans open, nobody typing. Every doc holds the template's content plus ~20 KB
 * of typed text. The project serves it from its store (filled once and compacted, as a server leaves a doc
 * nobody edits); the reference, which has no store, gets the same state from its idle client's first sync.
 * The figure is (RSS with every doc open − RSS before) / docs, both read from /proc.
 */
export const idleMemory: Scenario<IdleState> = {
  name: 'idle',
  describe: ({ idle: p }) => `${p.docs} docs (gezamenlijk, ~${Math.round(p.textBytes / 1000)} KB text each), one idle client each`,
  targets: ['project', 'reference'],
  figures: [
    { id: 'rssPerDocKb', label: 'idle RSS per open doc', unit: 'KB', digits: 1, target: { kind: 'ratioAtMost', value: 0.5 } },
    { id: 'baselineMb', label: 'idle RSS before any doc is open', unit: 'MB', digits: 1 },
    { id: 'rssMb', label: 'idle RSS with every doc open', unit: 'MB', digits: 1 },
    { id: 'openSeconds', label: 'idle time to open every doc', unit: 's', digits: 2 },
  ],
  async prepare(ctx) {
    const p = ctx.params.idle;
    const content = buildTextContent(p.textBytes, 4000);
    const states: Uint8Array[] = [];
    const fixture = await prepareFixture(ctx.tempRoot, 'idle', {
      plans: p.docs,
      membersPerPlan: 1,
      progress: ctx.progress,
      fill: async (server, made) => {
        const seats = projectSeats(server, made, 1).map((room) => room[0] as Seat);
        for (let i = 0; i < seats.length; i += BATCH) {
          states.push(...(await fillDocs(seats.slice(i, i + BATCH), content)));
        }
        ctx.progress(`idle: ${seats.length} docs filled, ${Math.round(content.length / 1000)} KB update each`);
      },
    });
    return { fixture, states };
  },
  async runOnce(ctx, state, target, repetition) {
    const server = target === 'project' ? await startProjectServer({ dataDir: state.fixture.dataDir }) : await startReferenceServer();
    try {
      return await measureIdle(ctx.params.idle, server, state, repetition);
    } finally {
      await server.stop();
    }
  },
};

/** Pushes `content` into each seat's doc and waits until the project says `saved`; returns each doc's full state. */
async function fillDocs(seats: readonly Seat[], content: Uint8Array): Promise<Uint8Array[]> {
  const clients = seats.map((seat) => new IdleClient(seat, { push: content }));
  try {
    await Promise.all(clients.map((c) => c.ready));
    if (!(await waitUntil(() => clients.every((c) => c.savedUpTo >= 1), 60_000))) throw new Error('idle: the filled docs were not saved within 60 s');
    return clients.map((c) => c.state as Uint8Array);
  } finally {
    await Promise.all(clients.map((c) => c.close()));
  }
}

async function measureIdle(
  p: { docs: number; settleMs: number; samples: number },
  server: BenchServer,
  state: IdleState,
  repetition: number,
): Promise<{ measurements: Record<string, number>; detail: Record<string, number> }> {
  const baseline = await settledRss(server.pid, 3, 300);
  const isProject = server.kind === 'project';
  const seats = (isProject ? projectSeats(server, state.fixture, 1) : referenceSeats(server, p.docs, 1, `idle-${repetition}`)).map((room) => room[0] as Seat);
  const started = performance.now();
  const clients: IdleClient[] = [];
  try {
    // The project's clients get the stored doc; the reference's bring it in their first sync.
    for (let i = 0; i < seats.length; i += BATCH) {
      const batch = seats.slice(i, i + BATCH).map((seat, k) => new IdleClient(seat, isProject ? {} : { push: state.states[i + k] as Uint8Array }));
      clients.push(...batch);
      await Promise.all(batch.map((c) => c.ready));
    }
    const openSeconds = (performance.now() - started) / 1000;
    const served = clients[0]?.state?.length ?? 0;
    const expected = state.states[0]?.length ?? 0;
    if (served < expected * 0.9) throw new Error(`idle: the first doc came back with ${served} bytes of state, ${expected} were stored`);
    await new Promise((r) => setTimeout(r, p.settleMs));
    const open = await settledRss(server.pid, p.samples, 1000);
    return {
      measurements: {
        rssPerDocKb: (open - baseline) / p.docs / 1024,
        baselineMb: baseline / 1e6,
        rssMb: open / 1e6,
        openSeconds,
      },
      detail: { docs: p.docs, docStateBytes: expected },
    };
  } finally {
    await Promise.all(clients.map((c) => c.close()));
  }
}
