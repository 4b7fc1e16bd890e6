import { runEdits } from '../load/editScheduler';
import { checkHealthy, closeRooms, connectRooms, type RoomLoad } from '../load/roomLoad';
import { summarize } from '../percentiles';
import { createRng } from '../rng';
import type { BenchParams } from '../benchParams';
import type { Scenario } from '../scenario';
import type { BenchServer } from '../servers/benchServer';
import { cpuBetween, readProcessStats } from '../processStats';
import { startProjectServer } from '../servers/projectServer';
import { startReferenceServer } from '../servers/referenceServer';
import { prepareFixture, type ProjectFixture } from '../setup/planFixture';
import { projectSeats, referenceSeats } from '../setup/seats';
import { waitUntil } from '../waitUntil';

/** One rate step of the ramp, kept in the JSON. */
interface RampStep {
  totalRate: number;
  edits: number;
  p99Ms: number;
  savedP99Ms: number;
  /** Deliveries of this step's edits still missing `drainMs` after the step ended. */
  undelivered: number;
  /** Server CPU seconds over the step and its drain, and as a share of one core. */
  serverCpuSeconds: number;
  serverCpuShare: number;
  generatorMaxLagMs: number;
  passed: boolean;
}

/**
 * Issue 10 scenario 3: one plan, 10 clients, the total edit rate stepping up. A step passes when its p99
 * propagation is under the limit and every edit reached every client within `drainMs` after the step (nobody
 * fell behind). The ramp stops at the first failed step; the figure is the highest passed rate.
 */
export const ramp: Scenario<ProjectFixture> = {
  name: 'ramp',
  describe: ({ ramp: p }) => `1 plan, ${p.clients} clients, total ${p.totalRates.join('→')} edits/s, ${p.stepMs / 1000} s per step`,
  targets: ['project', 'reference'],
  figures: [
    { id: 'highestRate', label: 'ramp highest rate with p99 < 1 s, nobody behind', unit: 'edits/s', digits: 0 },
    { id: 'p99AtTop', label: 'ramp propagation p99 at the highest passed rate', unit: 'ms', digits: 1 },
    { id: 'cpuPer1000AtTop', label: 'ramp server CPU per 1,000 edits at that rate', unit: 's', digits: 3, target: { kind: 'ratioAtMost', value: 1 } },
  ],
  prepare: (ctx) => prepareFixture(ctx.tempRoot, 'ramp', { plans: 1, membersPerPlan: ctx.params.ramp.clients, progress: ctx.progress }),
  async runOnce(ctx, fixture, target, repetition) {
    const p = ctx.params.ramp;
    const server = target === 'project' ? await startProjectServer({ dataDir: fixture.dataDir }) : await startReferenceServer();
    try {
      const seats = target === 'project' ? projectSeats(server, fixture, p.clients) : referenceSeats(server, 1, p.clients, `ramp-${repetition}`);
      const rooms = await connectRooms(seats, { trackSaved: target === 'project' });
      const room = rooms[0];
      if (!room) throw new Error('ramp has no room');
      const rng = createRng(3000 + repetition);
      const steps: RampStep[] = [];
      try {
        for (const totalRate of p.totalRates) {
          let step = await runStep(p, server, room, totalRate, steps.length, rng);
          steps.push(step);
          if (!step.passed && step.generatorMaxLagMs > GENERATOR_STALL_MS) {
            // The load generator itself was held up (it shares the machine): that says nothing about the server.
            ctx.progress(`ramp: ${target} ${totalRate}/s failed while the load generator stalled ${step.generatorMaxLagMs.toFixed(0)} ms; repeating the step once`);
            step = await runStep(p, server, room, totalRate, steps.length, rng);
            steps.push(step);
          }
          ctx.progress(`ramp: ${target} ${totalRate}/s → p99 ${step.p99Ms.toFixed(1)} ms, undelivered ${step.undelivered}${step.passed ? '' : ' (failed, stop)'}`);
          if (!step.passed) break;
          // Let a backlog of the passed step clear so it does not count against the next one.
          await waitUntil(() => room.propagation.undelivered() === 0, p.drainMs);
        }
      } finally {
        await closeRooms(rooms);
      }
      const top = [...steps].reverse().find((s) => s.passed);
      const cpuPer1000AtTop = top ? (top.serverCpuSeconds / top.edits) * 1000 : NaN;
      return { measurements: { highestRate: top?.totalRate ?? 0, p99AtTop: top?.p99Ms ?? NaN, cpuPer1000AtTop }, detail: { steps } };
    } finally {
      await server.stop();
    }
  },
};

/** A step that fails while the generator started an edit this late is run again once. */
const GENERATOR_STALL_MS = 100;

/** One rate step: edits for `stepMs`, then up to `drainMs` for every client to have every edit of it. */
async function runStep(
  p: BenchParams['ramp'],
  server: BenchServer,
  room: RoomLoad,
  totalRate: number,
  bucket: number,
  rng: () => number,
): Promise<RampStep> {
  const before = readProcessStats(server.pid);
  const startedAt = performance.now();
  const run = await runEdits([room], { perClientPerSecond: totalRate / p.clients, durationMs: p.stepMs, bucket, rng });
  await waitUntil(() => room.propagation.undelivered(bucket) === 0 && (room.saved?.unsaved() ?? 0) === 0, p.drainMs);
  const after = readProcessStats(server.pid);
  const seconds = (performance.now() - startedAt) / 1000;
  checkHealthy([room]);
  const undelivered = room.propagation.undelivered(bucket);
  const p99Ms = summarize(room.propagation.recorder(bucket).values()).p99;
  return {
    totalRate,
    edits: run.edits,
    p99Ms,
    savedP99Ms: room.saved ? summarize(room.saved.recorder(bucket).values()).p99 : NaN,
    undelivered,
    serverCpuSeconds: cpuBetween(before, after),
    serverCpuShare: cpuBetween(before, after) / seconds,
    generatorMaxLagMs: run.maxLagMs,
    passed: undelivered === 0 && p99Ms < p.p99LimitMs,
  };
}
