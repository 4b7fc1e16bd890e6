import * as encoding from 'lib0/encoding';
import { Worker } from 'node:worker_threads';
import * as Y from 'yjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger, type LogFields } from '../../../../../server/src/log';
import { UpdateInspector } from '../../../../../server/src/sync/inspection/updateInspector';
import { longItemChain } from '../../../../helpers/hostileFrames';

/** Written by hand: one ContentAny item holding `count` one-letter strings: small on the wire, large in a heap. */
function manyStringsInOneItem(count: number): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint(e, 4242);
  encoding.writeVarUint(e, 0);
  encoding.writeUint8(e, 8); // ContentAny, parent given
  encoding.writeVarUint(e, 1);
  encoding.writeVarString(e, 'meta');
  encoding.writeVarUint(e, 1); // one value …
  encoding.writeUint8(e, 117); // … an array
  encoding.writeVarUint(e, count);
  for (let i = 0; i < count; i++) {
    encoding.writeUint8(e, 119);
    encoding.writeVarString(e, String.fromCharCode(97 + (i % 26)));
  }
  encoding.writeVarUint(e, 0);
  return encoding.toUint8Array(e);
}

function small(text: string): Uint8Array {
  const d = new Y.Doc();
  d.getText('t').insert(0, text);
  return Y.encodeStateAsUpdate(d);
}

describe('the update inspector (worker threads with a budget)', () => {
  let inspector: UpdateInspector | undefined;
  const logs: LogFields[] = [];
  const log = createLogger({ level: 'debug', write: (line) => logs.push(JSON.parse(line) as LogFields) });
  afterEach(async () => {
    vi.restoreAllMocks();
    await inspector?.close();
    inspector = undefined;
    logs.length = 0;
  });

  it('[W1] answers in the order asked, and leaves the caller its bytes', async () => {
    inspector = new UpdateInspector({ bounds: { maxStructs: 1000, maxDepth: 100 }, budgetMs: 5_000, memoryMb: 64, log });
    const updates = ['a', 'bb', 'ccc', 'dddd'].map(small);
    const results = await Promise.all(updates.map((u) => inspector!.inspect(u)));
    expect(results.map((r) => (r.ok ? r.shape.ends[1] : -1))).toEqual([1, 2, 3, 4]);
    expect(updates.every((u) => u.byteLength > 0)).toBe(true);
  });

  it('[W2] a check over the time budget twice ends its worker with over_budget; a fresh worker takes the next update', async () => {
    inspector = new UpdateInspector({ bounds: { maxStructs: 2_000_000, maxDepth: 100 }, budgetMs: 100, memoryMb: 512, log });
    await inspector.inspect(small('warm'));
    // ~0.9 s to check on a quiet 2-core machine: 9 times the budget, so the outcome does not hang on the machine's speed.
    const slow = inspector.inspect(longItemChain(1_500_000, 'aanleiding'));
    const next = inspector.inspect(small('daarna'));
    expect(await slow).toMatchObject({ ok: false, fault: 'over_budget' });
    expect((await next).ok).toBe(true);
    expect(logs.filter((l) => l.event === 'inspection.worker_replaced' && l.lane === 'large')).toHaveLength(2);
  });

  it('[W3] a check over the memory budget ends its worker with over_budget; the next update is checked', async () => {
    inspector = new UpdateInspector({ bounds: { maxStructs: 1000, maxDepth: 100 }, budgetMs: 30_000, memoryMb: 32, log });
    const hungry = inspector.inspect(manyStringsInOneItem(1_500_000));
    const next = inspector.inspect(manyStringsInOneItem(10));
    expect(await hungry).toMatchObject({ ok: false, fault: 'over_budget' });
    expect((await next).ok).toBe(true);
  });

  it('[W4] a small update is not held up by a large one that is still being checked', async () => {
    inspector = new UpdateInspector({ bounds: { maxStructs: 2_000_000, maxDepth: 100 }, budgetMs: 30_000, memoryMb: 512, log });
    await Promise.all([inspector.inspect(small('warm')), inspector.inspect(longItemChain(2, 'aanleiding'))]);
    let largeDone = false;
    const large = inspector.inspect(longItemChain(400_000, 'aanleiding')).then(() => (largeDone = true));
    expect((await inspector.inspect(small('snel'))).ok).toBe(true);
    expect(largeDone).toBe(false);
    await large;
  });

  it('[W5] an update that finds the worker idle goes at once; those that arrive meanwhile go in one message; each is answered in order', async () => {
    inspector = new UpdateInspector({ bounds: { maxStructs: 1000, maxDepth: 100 }, budgetMs: 5_000, memoryMb: 64, log });
    await inspector.ready();
    const posted = vi.spyOn(Worker.prototype, 'postMessage');
    const texts = Array.from({ length: 10 }, (_, i) => 'x'.repeat(i + 1));
    const results = await Promise.all(texts.map((text) => inspector!.inspect(small(text))));
    expect(results.map((r) => (r.ok ? r.shape.ends[1] : -1))).toEqual(texts.map((t) => t.length));
    expect(posted.mock.calls.map(([message]) => (message as { jobs: unknown[] }).jobs.length)).toEqual([1, 9]);
    // One at a time, they go one per message.
    for (const text of ['een', 'twee']) await inspector.inspect(small(text));
    expect(posted).toHaveBeenCalledTimes(4);
  });

  it('[W6] a batch that ends its worker is checked again one by one: the update at fault gets over_budget, the others pass', async () => {
    const workerUrl = new URL('../../../../helpers/failingInspectionWorker.mjs', import.meta.url);
    inspector = new UpdateInspector({ bounds: { maxStructs: 1000, maxDepth: 100 }, budgetMs: 5_000, memoryMb: 64, log, workerUrl });
    await inspector.ready();
    const updates = [small('voor'), new Uint8Array([0xee, 1, 2]), small('na')];
    const results = await Promise.all(updates.map((u) => inspector!.inspect(u)));
    expect(results.map((r) => r.ok)).toEqual([true, false, true]);
    expect(results[1]).toMatchObject({ ok: false, fault: 'over_budget' });
    // The first goes alone; the batch of the two others, then the update at fault alone, twice (tried once
    // more in a fresh worker).
    const replaced = logs.filter((l) => l.event === 'inspection.worker_replaced').map((l) => l.updates);
    expect(replaced).toEqual([2, 1, 1]);
    expect((await inspector.inspect(small('daarna'))).ok).toBe(true);
  });
});
