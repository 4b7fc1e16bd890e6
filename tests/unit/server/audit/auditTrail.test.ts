import { afterEach, describe, expect, it, vi } from 'vitest';
import { GENESIS_HASH, hashAuditRecord } from '../../../../server/src/audit/auditHash';
import { AuditTrail } from '../../../../server/src/audit/auditTrail';
import type { AuditInput } from '../../../../server/src/audit/auditTypes';
import { verifyChain } from '../../../../server/src/audit/verifyChain';
import { StorageUnavailable } from '../../../../server/src/errors';
import { createLogger } from '../../../../server/src/log';
import { MemoryAuditStore } from '../../../helpers/memoryAuditStore';

const opened = (planId: string, memberId = 'm1'): AuditInput => ({ event: 'doc.opened', planId, memberId, role: 'ouder', object: 'gezamenlijk', outcome: 'ok' });

function setup(options: { now?: () => number } = {}) {
  const store = new MemoryAuditStore();
  const logLines: Record<string, unknown>[] = [];
  const log = createLogger({ level: 'debug', write: (line) => logLines.push(JSON.parse(line) as Record<string, unknown>) });
  const trail = new AuditTrail(store, log, options);
  return { store, trail, logLines, events: () => logLines.map((l) => l.event) };
}

describe('AuditTrail', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('[AU5] stamps seq, UTC time, prevHash and hash, and the chain verifies', async () => {
    const { store, trail } = setup({ now: () => Date.UTC(2026, 10, 23, 13, 5) });
    await trail.record(opened('p1'));
    await trail.record({ ...opened('p1'), event: 'write.rejected', outcome: 'refused', reason: 'no_write' });
    const records = await trail.list('p1');
    expect(records).toHaveLength(2);
    expect(records[0]).toMatchObject({ seq: 1, at: '2026-11-23T13:05:00.000Z', prevHash: GENESIS_HASH, event: 'doc.opened' });
    expect(records[1]).toMatchObject({ seq: 2, prevHash: records[0]?.hash, reason: 'no_write' });
    expect(records[1]?.hash).toBe(hashAuditRecord(records[1]!));
    expect(verifyChain(records)).toEqual({ ok: true, count: 2 });
    expect(store.plans.get('p1')).toEqual(records);
  });

  it('[AU5] 200 concurrent records keep one chain per plan, batched into few appends', async () => {
    const { store, trail } = setup();
    const calls = Array.from({ length: 200 }, (_, i) => trail.record(opened(i % 2 ? 'p1' : 'p2', `m${i}`)));
    await Promise.all(calls);
    for (const planId of ['p1', 'p2']) {
      const records = await trail.list(planId);
      expect(records.map((r) => r.seq)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
      expect(verifyChain(records, { planId })).toEqual({ ok: true, count: 100 });
    }
    // Call order is kept within a plan.
    expect((await trail.list('p2')).map((r) => r.memberId).slice(0, 3)).toEqual(['m0', 'm2', 'm4']);
    expect(store.appendCalls.length).toBeLessThan(10);
  });

  it('[AU5] list and flush wait for records asked for before them', async () => {
    const { trail } = setup();
    void trail.record(opened('p1'));
    void trail.record(opened('p1'));
    expect(await trail.list('p1')).toHaveLength(2);
    void trail.record(opened('p1'));
    await trail.flush();
    expect(await trail.list('p1')).toHaveLength(3);
  });

  it('[AU6] a failed append is logged, never rejects, and does not advance the chain', async () => {
    const { store, trail, logLines } = setup();
    await trail.record(opened('p1'));
    store.failures.push('fail');
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    try {
      await expect(trail.record(opened('p1', 'lost'))).resolves.toBeUndefined();
      await trail.record(opened('p1', 'm3'));
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('unhandledRejection', unhandled);
    }
    expect(unhandled).not.toHaveBeenCalled();
    const records = await trail.list('p1');
    expect(records.map((r) => [r.seq, r.memberId])).toEqual([
      [1, 'm1'],
      [2, 'm3'],
    ]);
    expect(verifyChain(records)).toEqual({ ok: true, count: 2 });
    expect(logLines).toContainEqual(expect.objectContaining({ level: 'error', event: 'audit.record_failed', planId: 'p1', code: 'storage_unavailable' }));
  });

  it('[AU6] an append that landed but reported failure is picked up: the chain continues after it', async () => {
    const { store, trail } = setup();
    await trail.record(opened('p1'));
    store.failures.push('fail-after-write');
    await trail.record(opened('p1', 'landed'));
    await trail.record(opened('p1', 'next'));
    const records = await trail.list('p1');
    expect(records.map((r) => r.memberId)).toEqual(['m1', 'landed', 'next']);
    expect(verifyChain(records)).toEqual({ ok: true, count: 3 });
  });

  it('[AU6] recordOrThrow rejects when the record cannot be stored, and resolves with the record otherwise', async () => {
    const { store, trail } = setup();
    await expect(trail.recordOrThrow(opened('p1'))).resolves.toMatchObject({ seq: 1 });
    store.failures.push('fail');
    await expect(trail.recordOrThrow(opened('p1'))).rejects.toBeInstanceOf(StorageUnavailable);
    await expect(trail.recordOrThrow({ ...opened('p1'), event: 'plan.deleted' as never })).rejects.toThrow('unknown audit event');
    await expect(trail.recordOrThrow({ ...opened('../x') })).rejects.toThrow('planId');
  });

  it('[AU8] only the fields of a record are kept; text that is not an id is dropped, never stored', async () => {
    const { trail, logLines } = setup();
    const input = { ...opened('p1'), object: 'Mijn moeder drinkt te veel', text: 'geheim', token: 'abc' } as AuditInput;
    await trail.record(input);
    const [record] = await trail.list('p1');
    expect(record).not.toHaveProperty('object');
    expect(record).not.toHaveProperty('text');
    expect(record).not.toHaveProperty('token');
    expect(JSON.stringify(logLines)).not.toContain('moeder');
    expect(logLines).toContainEqual(expect.objectContaining({ level: 'warn', event: 'audit.field_dropped', field: 'object' }));
  });
});

describe('doc.changed throttle', () => {
  afterEach(() => {
    vi.useRealTimers();
  });
  const change = (memberId: string, object = 'gezamenlijk') => ({ planId: 'p1', memberId, role: 'hulpverlener' as const, object });

  it('[AU7] the first change of a member in a doc in a minute is recorded, the rest of that minute not', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-23T13:05:00.000Z'));
    const { trail } = setup();
    await trail.recordDocChange(change('m1'));
    vi.advanceTimersByTime(30_000);
    await trail.recordDocChange(change('m1'));
    await trail.recordDocChange(change('m2')); // another member
    await trail.recordDocChange(change('m1', 'eigen-m1')); // another doc
    vi.advanceTimersByTime(29_999);
    await trail.recordDocChange(change('m1')); // 59.999 s after the first
    vi.advanceTimersByTime(1);
    await trail.recordDocChange(change('m1')); // a new minute window
    await trail.recordDocChange(change('m1'));
    const records = await trail.list('p1');
    expect(records.map((r) => [r.event, r.memberId, r.object, r.at])).toEqual([
      ['doc.changed', 'm1', 'gezamenlijk', '2026-11-23T13:05:00.000Z'],
      ['doc.changed', 'm2', 'gezamenlijk', '2026-11-23T13:05:30.000Z'],
      ['doc.changed', 'm1', 'eigen-m1', '2026-11-23T13:05:30.000Z'],
      ['doc.changed', 'm1', 'gezamenlijk', '2026-11-23T13:06:00.000Z'],
    ]);
    expect(records.every((r) => r.outcome === 'ok')).toBe(true);
  });

  it('[AU7] the same member and doc in another plan has its own window', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { trail } = setup();
    await trail.recordDocChange(change('m1'));
    await trail.recordDocChange({ ...change('m1'), planId: 'p2' });
    expect(await trail.list('p1')).toHaveLength(1);
    expect(await trail.list('p2')).toHaveLength(1);
  });

  it('[AU7] a change that could not be recorded does not silence the rest of the minute', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { store, trail } = setup();
    store.failures.push('fail');
    await trail.recordDocChange(change('m1'));
    vi.advanceTimersByTime(1000);
    await trail.recordDocChange(change('m1'));
    expect(await trail.list('p1')).toHaveLength(1);
  });
});
