import type { BenchParams } from './benchParams';
import { median } from './percentiles';
import type { TargetKind } from './servers/benchServer';

/** A target from issue 10, judged on the medians. */
export type TargetSpec =
  | { kind: 'ratioAtMost'; value: number }
  | { kind: 'projectAtMost'; value: number };

/** One figure of the table. */
export interface FigureSpec {
  id: string;
  label: string;
  unit: string;
  /** Decimals shown in the table. */
  digits: number;
  target?: TargetSpec;
}

/** What one repetition on one server measured, by figure id (NaN: could not be measured). */
export type Measurements = Record<string, number>;

export interface RunRecord {
  target: TargetKind;
  repetition: number;
  measurements: Measurements;
  /** Per-scenario extras kept in the JSON (ramp steps, generator lag, …). */
  detail?: unknown;
}

/** What the harness needs of a run: where temp files go, the sizes, and a progress line printer. */
export interface BenchContext {
  params: BenchParams;
  tempRoot: string;
  progress(message: string): void;
  /** Adds a line to the notes printed with the table and kept in the JSON (what was measured, under which conditions). */
  note(message: string): void;
}

/**
 * One scenario: prepared once (fixtures, content), then run `repetitions` times on each of its targets.
 * `runOnce` starts and stops its own server, so no run inherits another's memory or CPU state.
 */
export interface Scenario<S> {
  name: string;
  /** One line on what runs, for these sizes. */
  describe(params: BenchParams): string;
  targets: readonly TargetKind[];
  figures: readonly FigureSpec[];
  prepare(ctx: BenchContext): Promise<S>;
  runOnce(ctx: BenchContext, state: S, target: TargetKind, repetition: number): Promise<{ measurements: Measurements; detail?: unknown }>;
}

export interface FigureResult extends FigureSpec {
  project: number;
  reference: number;
  /** project / reference; NaN when either is missing. */
  ratio: number;
  /** Undefined when the figure has no target or could not be judged. */
  met: boolean | undefined;
}

export interface ScenarioResult {
  name: string;
  description: string;
  seconds: number;
  figures: FigureResult[];
  runs: RunRecord[];
}

/**
 * Runs a scenario: repetitions alternate which server goes first, so a slow drift of the machine (page
 * cache, thermal) does not always favour the same one. Reports the median of the repetitions per figure.
 */
export async function runScenario<S>(ctx: BenchContext, scenario: Scenario<S>): Promise<ScenarioResult> {
  const started = performance.now();
  ctx.progress(`${scenario.name}: preparing`);
  const state = await scenario.prepare(ctx);
  const runs: RunRecord[] = [];
  for (let rep = 0; rep < ctx.params.repetitions; rep += 1) {
    const order = rep % 2 === 0 ? scenario.targets : [...scenario.targets].reverse();
    for (const target of order) {
      ctx.progress(`${scenario.name}: ${target}, repetition ${rep + 1}/${ctx.params.repetitions}`);
      const { measurements, detail } = await scenario.runOnce(ctx, state, target, rep);
      runs.push({ target, repetition: rep, measurements, detail });
    }
  }
  const figures = scenario.figures.map((spec) => judge(spec, runs));
  return { name: scenario.name, description: scenario.describe(ctx.params), seconds: (performance.now() - started) / 1000, figures, runs };
}

function judge(spec: FigureSpec, runs: readonly RunRecord[]): FigureResult {
  const of = (target: TargetKind) => median(runs.filter((r) => r.target === target).map((r) => r.measurements[spec.id] ?? NaN));
  const project = of('project');
  const reference = of('reference');
  const ratio = reference > 0 ? project / reference : NaN;
  let met: boolean | undefined;
  if (spec.target?.kind === 'ratioAtMost' && !Number.isNaN(ratio)) met = ratio <= spec.target.value;
  if (spec.target?.kind === 'projectAtMost' && !Number.isNaN(project)) met = project <= spec.target.value;
  return { ...spec, project, reference, ratio, met };
}
