import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MachineInfo } from './machineInfo';
import type { FigureResult, ScenarioResult, TargetSpec } from './scenario';

/** Everything one `npm run bench` produced, as written to tests/bench/results/ (ignored by git). */
export interface BenchReport {
  date: string;
  mode: 'quick' | 'full';
  repetitions: number;
  machine: MachineInfo;
  limitsRaised: string[];
  notes: string[];
  seconds: number;
  scenarios: ScenarioResult[];
  failures: { scenario: string; error: string }[];
}

const RESULTS_DIR = fileURLToPath(new URL('./results/', import.meta.url));

/** The stdout table: one row per figure, project / reference / ratio, and the target with met or missed. */
export function formatTable(report: BenchReport): string {
  const header = ['figure', 'project', 'reference', 'ratio', 'target', ''];
  const rows: string[][] = [];
  for (const scenario of report.scenarios) {
    rows.push([`— ${scenario.name}: ${scenario.description} (median of ${report.repetitions})`, '', '', '', '', '']);
    for (const f of scenario.figures) {
      rows.push([`${f.label} (${f.unit})`, num(f.project, f.digits), num(f.reference, f.digits), ratio(f.ratio), targetText(f.target, f.unit), verdict(f)]);
    }
  }
  for (const failure of report.failures) rows.push([`— ${failure.scenario}: FAILED ${failure.error}`, '', '', '', '', '']);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.filter((r) => !r[0]?.startsWith('— ')).map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  return [line(header), ...rows.map((r) => (r[0]?.startsWith('— ') ? r[0] : line(r)))].join('\n');
}

/** Writes the report as `<mode>-<date>.json` and `latest-<mode>.json`; returns the first path. */
export async function writeReport(report: BenchReport): Promise<string> {
  await mkdir(RESULTS_DIR, { recursive: true });
  const stamp = report.date.replace(/[:.]/g, '-');
  const file = path.join(RESULTS_DIR, `${report.mode}-${stamp}.json`);
  const json = `${JSON.stringify(report, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2)}\n`;
  await writeFile(file, json);
  await writeFile(path.join(RESULTS_DIR, `latest-${report.mode}.json`), json);
  return file;
}

function num(value: number, digits: number): string {
  return Number.isNaN(value) ? '—' : value.toFixed(digits);
}

function ratio(value: number): string {
  return Number.isNaN(value) ? '—' : `${value.toFixed(2)}×`;
}

function targetText(target: TargetSpec | undefined, unit: string): string {
  if (!target) return '';
  return target.kind === 'ratioAtMost' ? `≤ ${target.value.toFixed(1)}× ref` : `≤ ${target.value} ${unit}`;
}

function verdict(f: FigureResult): string {
  if (f.met === undefined) return f.target ? 'n/a' : '';
  return f.met ? 'met' : 'MISSED';
}
