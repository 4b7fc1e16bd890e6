import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DEFAULT_LIMITS } from '../../../server/src/config';
import { silentLogger } from '../../../server/src/log';
import { readUpdateShape } from '../../../server/src/sync/inspection/readUpdateShape';
import type { ShapeResult } from '../../../server/src/sync/inspection/updateShape';
import { appliesToCopy, continuesCollectedStruct, deepestAnchoredNesting, hasMissingDependencies } from '../../../server/src/sync/inspection/shapeAgainstDoc';
import { UpdateInspector } from '../../../server/src/sync/inspection/updateInspector';
import { holdingsOfDoc } from '../../../server/src/sync/storedState';
import type { Author } from '../../../shared/src/schema/items';
import { createEditor, randomEdit } from '../../helpers/randomPlanEdits';
import { createRng, pick, randomInt, seedFrom } from '../../helpers/seededRng';
import { mutate, toHex, type Mutant } from '../../helpers/updateMutations';

/**
 * Issue #9, mutation fuzzer: valid updates from the seeded random plan edits of the convergence tests are
 * damaged (bit flips, bytes inserted and deleted, varints set to edge values, two updates spliced, …) and fed
 * to the update validator for a bounded time. It must always answer — no exception, no answer later than the
 * check budget — and whatever it lets through must apply to the doc it was made for without an error.
 *
 *   FUZZ_SEED=1234 npx vitest run tests/integration/sync/updateFuzzer.test.ts     # replay a seed
 *   FUZZ_SECONDS=600 npx vitest run tests/integration/sync/updateFuzzer.test.ts   # a longer run (default 60)
 *
 * Every failure names the seed, the mutation and the bytes in hex; pin each as a named regression test beside
 * the reader's own (tests/unit/server/sync/inspection/readUpdateShape.test.ts).
 */
const SEED = seedFrom(process.env.FUZZ_SEED);
const SECONDS = secondsFrom(process.env.FUZZ_SECONDS, 60);
const TAG = `FUZZ_SEED=${SEED} FUZZ_SECONDS=${SECONDS}`;
const BOUNDS = { maxStructs: DEFAULT_LIMITS.updateMaxStructs, maxDepth: DEFAULT_LIMITS.updateMaxDepth };
/** Every this many mutants, one also goes through the real worker, budget and all. */
const THROUGH_WORKER_EVERY = 250;

function secondsFrom(raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`FUZZ_SECONDS must be a positive number (got "${raw}")`);
  return n;
}

/** A valid update and the state of the doc it was made for. */
interface Sample {
  readonly base: Uint8Array;
  readonly update: Uint8Array;
}

/** Seeded random edits by three writers who now and then sync: each edit's update, syncs, merges. */
function buildCorpus(seed: number): Sample[] {
  const rng = createRng(seed);
  const docs = [1, 2, 3].map((n) => {
    const d = new Y.Doc();
    d.clientID = 1000 + n;
    return d;
  });
  const author: Author = { memberId: 'm-fuzz', role: 'jeugdbeschermer', name: 'Fuzz', at: '2026-11-23T10:00:00.000Z' };
  const editors = docs.map((d, i) => createEditor(d, author, rng, ['m-fuzz', 'm-ander'], `f${i}`));
  const samples: Sample[] = [];
  for (let i = 0; i < 240; i++) {
    const doc = docs[i % 3] as Y.Doc;
    const base = Y.encodeStateAsUpdate(doc);
    const updates: Uint8Array[] = [];
    const collect = (u: Uint8Array) => updates.push(u);
    doc.on('update', collect);
    randomEdit(editors[i % 3] as (typeof editors)[number]);
    doc.off('update', collect);
    for (const update of updates) samples.push({ base, update });
    if (i % 6 === 5) {
      const to = docs[(i + 1) % 3] as Y.Doc;
      const toBase = Y.encodeStateAsUpdate(to);
      const step2 = Y.encodeStateAsUpdate(doc, Y.encodeStateVector(to));
      samples.push({ base: toBase, update: step2 });
      Y.applyUpdate(to, step2);
    }
  }
  const last = samples.slice(-20);
  samples.push({ base: Y.encodeStateAsUpdate(new Y.Doc()), update: Y.mergeUpdates(last.map((s) => s.update)) });
  return samples;
}

/** What the server would do with an update the validator let through: check it against the doc, then apply. */
function applyLikeTheServer(base: Uint8Array, result: Extract<ShapeResult, { ok: true }>, bytes: Uint8Array): string {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, base);
  if (hasMissingDependencies(result.shape, holdingsOfDoc(doc))) return 'missing';
  if (deepestAnchoredNesting(result.shape, doc, BOUNDS.maxDepth) > BOUNDS.maxDepth) return 'too_deep';
  if (continuesCollectedStruct(result.shape, doc) && !appliesToCopy(doc, bytes)) return 'continues_collected';
  Y.applyUpdate(doc, bytes);
  // What peers and the store do next with the doc must work as well.
  Y.encodeStateAsUpdate(doc);
  doc.toJSON();
  return doc.store.pendingStructs || doc.store.pendingDs ? 'incomplete' : 'applied';
}

describe('mutation fuzzer over the update validator', () => {
  const inspector = new UpdateInspector({ bounds: BOUNDS, budgetMs: DEFAULT_LIMITS.updateCheckMs, memoryMb: DEFAULT_LIMITS.updateCheckMemoryMb, log: silentLogger() });
  afterAll(() => inspector.close());

  it(`[F1] mutated updates: the validator always answers in budget, and what it lets through applies (${SECONDS} s)`, { timeout: SECONDS * 1000 + 120_000 }, async () => {
    // Named before the run too: a mutant that kills the process (out of memory) leaves no report behind.
    console.log(`${TAG}: starting`);
    const corpus = buildCorpus(SEED);
    const rng = createRng(SEED ^ 0x5eed);
    const outcomes = new Map<string, number>();
    const count = (key: string) => outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
    const deadline = performance.now() + SECONDS * 1000;
    let n = 0;
    const report = (mutant: Mutant, what: string) => `${TAG} mutant #${n} (${mutant.how}) ${what}\n  bytes: ${toHex(mutant.bytes)}`;
    while (performance.now() < deadline) {
      n += 1;
      const sample = pick(rng, corpus);
      const mutant = mutate(rng, sample.update, (corpus[randomInt(rng, corpus.length)] as Sample).update);
      const t0 = performance.now();
      let result: ShapeResult;
      try {
        result = readUpdateShape(mutant.bytes, BOUNDS);
      } catch (error) {
        throw new Error(report(mutant, `made the validator throw: ${String(error)}`));
      }
      const ms = performance.now() - t0;
      if (ms > DEFAULT_LIMITS.updateCheckMs) throw new Error(report(mutant, `took ${ms.toFixed(0)} ms, over the ${DEFAULT_LIMITS.updateCheckMs} ms budget`));
      if (!result.ok) {
        count(result.fault);
      } else {
        try {
          count(applyLikeTheServer(sample.base, result, mutant.bytes));
        } catch (error) {
          throw new Error(report(mutant, `passed the validator but failed to apply: ${String(error)}`));
        }
      }
      if (n % THROUGH_WORKER_EVERY === 0) {
        const viaWorker = await inspector.inspect(mutant.bytes);
        if (viaWorker.ok !== result.ok) throw new Error(report(mutant, `worker answered ${viaWorker.ok ? 'ok' : viaWorker.fault}, in process ${result.ok ? 'ok' : result.fault}`));
      }
      // Let the worker's answers and timers in now and then.
      if (n % 100 === 0) await new Promise((r) => setImmediate(r));
    }
    console.log(`${TAG}: ${n} mutants of ${corpus.length} valid updates: ${JSON.stringify(Object.fromEntries(outcomes))}`);
    expect(n).toBeGreaterThan(100);
    // The mutations must also reach past the first bytes: some mutants pass and get applied.
    expect(outcomes.get('applied') ?? 0).toBeGreaterThan(0);
  });
});
