import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FULL, QUICK } from './benchParams';
import { describeLimitOverrides } from './limits';
import { machineInfo } from './machineInfo';
import { formatTable, writeReport, type BenchReport } from './report';
import { runScenario, type BenchContext, type Scenario } from './scenario';
import { browser } from './scenarios/browser';
import { busy } from './scenarios/busy';
import { coldJoin } from './scenarios/coldJoin';
import { idleMemory } from './scenarios/idleMemory';
import { meeting } from './scenarios/meeting';
import { ramp } from './scenarios/ramp';
import { killAllChildren } from './servers/childRegistry';

/**
 * `npm run bench [-- --quick] [-- --only=meeting,ramp]`: the project's sync server against the reference
 * y-websocket server, same machine, same load generator, same run (issue 10). Prints a table and writes JSON
 * to tests/bench/results/. Every child process is killed on exit, on errors and on Ctrl-C, and a watchdog
 * ends a run that overstays its budget.
 */
// The browser runs last: it needs the built client, which others may be changing.
const SCENARIOS = [meeting, busy, ramp, idleMemory, coldJoin, browser] as Scenario<unknown>[];

const NOTES = [
  'one load-generator process drives both servers (latency is measured on one clock); on 2 cores it competes with the server for CPU',
  'load clients of the server scenarios send no awareness (the browser scenario\'s collaborators do), and no client offers permessage-deflate (the reference\'s ws 6 would otherwise compress every frame; the project refuses it)',
  'each repetition starts a fresh server process; repetitions alternate which server runs first',
];

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const params = args.includes('--quick') ? QUICK : FULL;
  const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
  const unknown = only?.filter((name) => !SCENARIOS.some((s) => s.name === name)) ?? [];
  if (unknown.length > 0) throw new Error(`unknown scenario ${unknown.join(', ')}; known: ${SCENARIOS.map((s) => s.name).join(', ')}`);
  const tempRoot = mkdtempSync(path.join(os.tmpdir(), 'gezinsplan-bench-'));
  installCleanup(tempRoot, params.mode === 'quick' ? 6 * 60_000 : 45 * 60_000);

  const started = performance.now();
  const notes = [...NOTES];
  const ctx: BenchContext = {
    params,
    tempRoot,
    progress: (m) => process.stderr.write(`[bench ${elapsed(started)}] ${m}\n`),
    note: (m) => notes.push(m),
  };
  const limitsRaised = describeLimitOverrides();
  ctx.progress(`mode ${params.mode}, ${params.repetitions} repetition(s); limits raised for the project: ${limitsRaised.join('; ')}`);
  const report: BenchReport = {
    date: new Date().toISOString(),
    mode: params.mode,
    repetitions: params.repetitions,
    machine: machineInfo(tempRoot),
    limitsRaised,
    notes,
    seconds: 0,
    scenarios: [],
    failures: [],
  };
  for (const scenario of SCENARIOS.filter((s) => !only || only.includes(s.name))) {
    try {
      report.scenarios.push(await runScenario(ctx, scenario));
    } catch (error) {
      ctx.progress(`${scenario.name} failed: ${(error as Error).stack ?? String(error)}`);
      report.failures.push({ scenario: scenario.name, error: (error as Error).message });
      killAllChildren();
    }
  }
  report.seconds = (performance.now() - started) / 1000;
  const file = await writeReport(report);
  const m = report.machine;
  console.log(`\nGezinsplan sync benchmark (${report.mode}), ${report.date}, ${m.cpus} × ${m.cpuModel}, ${m.memoryGiB} GiB, ${m.node}, temp fs ${m.tempFileSystem}`);
  if (report.mode === 'quick') console.log('QUICK MODE: 1 repetition and shortened scenarios (tests/bench/benchParams.ts): a quick comparison, not a record');
  console.log(`limits raised for the project: ${limitsRaised.join('; ')}`);
  for (const note of report.notes) console.log(`note: ${note}`);
  console.log(`ratio = project / reference; lower is better except for the ramp rate\n`);
  console.log(formatTable(report));
  console.log(`\n${Math.round(report.seconds)} s; JSON: ${path.relative(process.cwd(), file)}`);
  return report.failures.length > 0 ? 1 : 0;
}

/** Children die with us whatever happens; the temp data dirs go too. */
function installCleanup(tempRoot: string, budgetMs: number): void {
  const cleanup = () => {
    killAllChildren();
    rmSync(tempRoot, { recursive: true, force: true });
  };
  process.on('exit', cleanup);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      process.stderr.write(`\nbench: ${signal}, stopping servers\n`);
      process.exit(130);
    });
  }
  setTimeout(() => {
    process.stderr.write(`\nbench: over its time budget of ${budgetMs / 60_000} min, stopping\n`);
    process.exit(1);
  }, budgetMs).unref();
}

function elapsed(since: number): string {
  const s = Math.round((performance.now() - since) / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`bench failed: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
