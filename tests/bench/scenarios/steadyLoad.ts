import { createRng } from '../rng';
import { runEdits } from '../load/editScheduler';
import type { Seat } from '../load/loadClient';
import { NOT_MEASURED } from '../load/propagationTracker';
import { checkHealthy, closeRooms, connectRooms } from '../load/roomLoad';
import { summarize } from '../percentiles';
import { cpuBetween, mainThreadCpuBetween, readProcessStats } from '../processStats';
import type { SampleRecorder } from '../sampleRecorder';
import type { FigureSpec, Measurements } from '../scenario';
import type { BenchServer } from '../servers/benchServer';
import { waitUntil } from '../waitUntil';

/** The bucket every measured edit of a steady run counts in. */
const MEASURED = 0;

/** The figures of a steady load, prefixed with the scenario name; saved p99 has an absolute target. */
export function steadyFigures(prefix: string, savedP99TargetMs: number): FigureSpec[] {
  return [
    { id: 'propagationP50', label: `${prefix} propagation p50`, unit: 'ms', digits: 1 },
    { id: 'propagationP95', label: `${prefix} propagation p95`, unit: 'ms', digits: 1 },
    { id: 'propagationP99', label: `${prefix} propagation p99`, unit: 'ms', digits: 1, target: { kind: 'ratioAtMost', value: 1 } },
    { id: 'propagationMax', label: `${prefix} propagation max`, unit: 'ms', digits: 1 },
    { id: 'savedP50', label: `${prefix} edit→saved p50`, unit: 'ms', digits: 1 },
    { id: 'savedP95', label: `${prefix} edit→saved p95`, unit: 'ms', digits: 1 },
    { id: 'savedP99', label: `${prefix} edit→saved p99`, unit: 'ms', digits: 1, target: { kind: 'projectAtMost', value: savedP99TargetMs } },
    { id: 'savedMax', label: `${prefix} edit→saved max`, unit: 'ms', digits: 1 },
    { id: 'cpuPer1000', label: `${prefix} server CPU per 1,000 edits`, unit: 's', digits: 3, target: { kind: 'ratioAtMost', value: 1 } },
    { id: 'mainCpuPer1000', label: `${prefix} … of it on the main thread`, unit: 's', digits: 3 },
    { id: 'rssMb', label: `${prefix} server RSS at end`, unit: 'MB', digits: 1 },
  ];
}

/**
 * Every client edits at a fixed rate: a warm-up that is not recorded, then the measured window, then a
 * short drain for edits still in flight. Server CPU is read from /proc around the measured window plus the
 * drain, so it covers the work of every measured edit.
 */
export async function runSteadyLoad(
  server: BenchServer,
  seats: Seat[][],
  p: { perClientPerSecond: number; warmupMs: number; durationMs: number; drainMs: number; seed: number },
): Promise<{ measurements: Measurements; detail: Record<string, number> }> {
  const rng = createRng(p.seed);
  const rooms = await connectRooms(seats, { trackSaved: server.kind === 'project' });
  try {
    await runEdits(rooms, { perClientPerSecond: p.perClientPerSecond, durationMs: p.warmupMs, bucket: NOT_MEASURED, rng });
    const before = readProcessStats(server.pid);
    const generatorBefore = process.cpuUsage();
    const run = await runEdits(rooms, { perClientPerSecond: p.perClientPerSecond, durationMs: p.durationMs, bucket: MEASURED, rng });
    await waitUntil(() => rooms.every((r) => r.propagation.undelivered() === 0 && (r.saved?.unsaved() ?? 0) === 0), p.drainMs);
    const after = readProcessStats(server.pid);
    const generator = process.cpuUsage(generatorBefore);
    const { rejected } = checkHealthy(rooms);
    const propagation = summarize(concat(rooms.map((r) => r.propagation.recorder(MEASURED))));
    const saved = summarize(concat(rooms.flatMap((r) => (r.saved ? [r.saved.recorder(MEASURED)] : []))));
    const undelivered = rooms.reduce((sum, r) => sum + r.propagation.undelivered(MEASURED), 0);
    return {
      measurements: {
        propagationP50: propagation.p50,
        propagationP95: propagation.p95,
        propagationP99: propagation.p99,
        propagationMax: propagation.max,
        savedP50: saved.p50,
        savedP95: saved.p95,
        savedP99: saved.p99,
        savedMax: saved.max,
        cpuPer1000: (cpuBetween(before, after) / run.edits) * 1000,
        mainCpuPer1000: (mainThreadCpuBetween(before, after) / run.edits) * 1000,
        rssMb: after.rssBytes / 1e6,
      },
      detail: {
        edits: run.edits,
        deliveries: propagation.count,
        undeliveredAfterDrain: undelivered,
        rejected,
        generatorMaxLagMs: run.maxLagMs,
        generatorCpuSeconds: (generator.user + generator.system) / 1e6,
        serverCpuSeconds: cpuBetween(before, after),
      },
    };
  } finally {
    await closeRooms(rooms);
  }
}

/** All rooms' samples as one array. */
function concat(recorders: readonly SampleRecorder[]): Float64Array {
  const total = recorders.reduce((sum, r) => sum + r.count, 0);
  const out = new Float64Array(total);
  let at = 0;
  for (const r of recorders) {
    out.set(r.values(), at);
    at += r.count;
  }
  return out;
}

