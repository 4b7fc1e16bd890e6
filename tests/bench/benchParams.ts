/** Sizes and durations of every scenario; `--quick` shortens each one so the whole run takes under 2 minutes. */
export interface BenchParams {
  mode: 'quick' | 'full';
  repetitions: number;
  meeting: { clients: number; perClientPerSecond: number; warmupMs: number; durationMs: number; drainMs: number };
  busy: { plans: number; clientsPerPlan: number; perClientPerSecond: number; warmupMs: number; durationMs: number; drainMs: number };
  ramp: { clients: number; totalRates: readonly number[]; stepMs: number; drainMs: number; p99LimitMs: number };
  idle: { docs: number; textBytes: number; settleMs: number; samples: number };
  coldJoin: { edits: number };
  browser: { collaborators: number; collaboratorEditsPerSecond: number; keypresses: number; keyDelayMs: number };
}

const RATES = [20, 50, 100, 200, 400, 800] as const;

/**
 * Issue 10's sizes. Busy and the ramp steps have no length in the issue: 20 s and 4 s keep the full run
 * under 25 minutes on 2 cores.
 */
export const FULL: BenchParams = {
  mode: 'full',
  repetitions: 3,
  meeting: { clients: 12, perClientPerSecond: 2, warmupMs: 2000, durationMs: 30_000, drainMs: 2000 },
  busy: { plans: 200, clientsPerPlan: 3, perClientPerSecond: 1, warmupMs: 2000, durationMs: 20_000, drainMs: 2000 },
  ramp: { clients: 10, totalRates: RATES, stepMs: 4000, drainMs: 1000, p99LimitMs: 1000 },
  idle: { docs: 1000, textBytes: 20_000, settleMs: 5000, samples: 5 },
  coldJoin: { edits: 100_000 },
  browser: { collaborators: 10, collaboratorEditsPerSecond: 3, keypresses: 150, keyDelayMs: 100 },
};

/** A shortened version of every scenario, one repetition: for a quick comparison, not for the record. */
export const QUICK: BenchParams = {
  mode: 'quick',
  repetitions: 1,
  meeting: { ...FULL.meeting, warmupMs: 1000, durationMs: 4000, drainMs: 1000 },
  busy: { ...FULL.busy, plans: 50, warmupMs: 1000, durationMs: 4000, drainMs: 1000 },
  ramp: { ...FULL.ramp, stepMs: 1500 },
  idle: { ...FULL.idle, docs: 100, settleMs: 1000, samples: 2 },
  coldJoin: { edits: 20_000 },
  browser: { ...FULL.browser, keypresses: 40 },
};
