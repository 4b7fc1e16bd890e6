import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { GEZAMENLIJK } from '../../../shared/src/schema/docNames';
import { proseField } from '../../../shared/src/schema/planSchema';
import { fragmentText } from '../../../shared/src/schema/proseText';
import { isAuditRecord } from '../../../server/src/audit/auditRecordShape';
import { verifyAuditDir } from '../../../server/src/audit/verifyAuditDir';
import { parseAuditLog } from '../../../server/src/storage/embedded/auditLogFormat';
import { decodeRecords } from '../../../server/src/storage/embedded/updateLogRecord';
import { FaultyFileOps, type DiskState } from '../../helpers/faultyFileOps';
import { signInAs, type SignedIn } from '../../helpers/signIn';
import { startServer, type TestServer } from '../../helpers/startServer';
import { appendParagraph, connectDoc, type SyncClient } from '../../helpers/syncClient';
import { roundTrip } from '../../helpers/syncRoundTrip';
import { waitFor } from '../../helpers/waitFor';

/**
 * A steady wait between attempts: long enough to look at the files between two of them (a failed attempt
 * cuts its bytes back off before the wait), short enough to recover quickly.
 */
const RETRY = { firstDelayMs: 400, maxDelayMs: 400 };
const STORAGE_FILES = /[\\/](plans|audit)[\\/]/;

const zorgen = (c: SyncClient) => proseField(c.doc, 'gezamenlijk', 'zorgen');
const textOf = (c: SyncClient) => fragmentText(zorgen(c));

async function health(base: string): Promise<unknown> {
  return (await fetch(`${base}/healthz`)).json();
}

async function logFileOf(dataDir: string, planId: string): Promise<string> {
  const dir = path.join(dataDir, 'plans', planId);
  const name = (await readdir(dir)).find((n) => new RegExp(`^${GEZAMENLIJK}\\.\\d+\\.log$`).test(n));
  return path.join(dir, name!);
}

/** The members' sessions and two settled clients on the common plan. */
async function twoEditors(server: TestServer) {
  const jb = await signInAs(server.base, server.invitations, 'jeugdbeschermer');
  const gw = await signInAs(server.base, server.invitations, 'gedragswetenschapper');
  const hv = await signInAs(server.base, server.invitations, 'hulpverlener');
  const a = connectDoc(server.base, jb.planId, GEZAMENLIJK, { cookie: jb.cookie });
  const b = connectDoc(server.base, gw.planId, GEZAMENLIJK, { cookie: gw.cookie });
  await waitFor(() => a.synced && b.synced && a.saved >= a.contentSent && b.saved >= b.contentSent, 'both synced and settled');
  return { jb, gw, hv, a, b };
}

const refusing = (planId: string) => ({ ok: true, degraded: [{ planId, reason: 'storage_refusing_writes' }] });

describe('disk faults: stop acknowledging, keep serving, recover by itself (issue #9)', () => {
  let server: TestServer | undefined;
  let disk: FaultyFileOps | undefined;
  const clients: SyncClient[] = [];
  afterEach(async () => {
    disk?.set({ kind: 'ok' });
    for (const c of clients.splice(0)) c.close();
    await server?.close({ remove: true });
    server = undefined;
  });

  const STATES: { name: string; state: DiskState }[] = [
    { name: 'a full disk (ENOSPC, the first write half done)', state: { kind: 'full', partial: true } },
    { name: 'an fsync that fails (EIO)', state: { kind: 'failingSync' } },
    { name: 'a read-only file system (EROFS)', state: { kind: 'readonly' } },
  ];

  it.each(STATES)('[D20] $name: no `saved`, live to others, readable by a newcomer, on /healthz, no half record; then stored and `saved` by itself', async ({ state }) => {
    disk = new FaultyFileOps(STORAGE_FILES);
    server = await startServer({ fileOps: disk, retryTiming: RETRY });
    const { jb, hv, a, b } = await twoEditors(server);
    clients.push(a, b);
    const file = await logFileOf(server.dataDir, jb.planId);
    const before = await readFile(file);

    disk.set(structuredClone(state));
    const n = appendParagraph(a, zorgen(a), 'geschreven toen de schijf weigerde');
    await waitFor(() => server!.logs.some((l) => l.event === 'storage.writes_refused' && l.file === `doc:${jb.planId}/${GEZAMENLIJK}`), 'the refusal');
    // Between two attempts: the failed one left nothing behind, not even half a record.
    expect(await readFile(file)).toEqual(before);
    expect(decodeRecords(await readFile(file))).toMatchObject({ tornTail: false, validBytes: before.length });

    await waitFor(() => textOf(b).includes('geschreven toen de schijf weigerde'), 'the live update to b');
    const c = connectDoc(server.base, hv.planId, GEZAMENLIJK, { cookie: hv.cookie });
    clients.push(c);
    await waitFor(() => c.synced && textOf(c).includes('geschreven toen de schijf weigerde'), 'a newcomer reading it');
    expect(await health(server.base)).toEqual(refusing(jb.planId));
    expect(disk.refused.size).toBeGreaterThan(0);
    if (state.kind === 'full') expect(disk.state).toEqual({ kind: 'full', partial: false }); // the half write happened
    await roundTrip(a);
    expect(a.saved).toBeLessThan(n);

    disk.set({ kind: 'ok' });
    await waitFor(() => a.saved >= n, '`saved` once the disk takes writes again');
    await waitFor(async () => JSON.stringify(await health(server!.base)) === '{"ok":true}', '/healthz ok again');
    expect(server.logs.some((l) => l.event === 'storage.writes_resumed' && l.planId === jb.planId)).toBe(true);

    // Durable indeed: a new server on the same data reads it.
    for (const client of clients.splice(0)) client.close();
    await server.close();
    server = await startServer({ dataDir: server.dataDir });
    const d = connectDoc(server.base, jb.planId, GEZAMENLIJK, { cookie: jb.cookie });
    clients.push(d);
    await waitFor(() => d.synced, 'sync after restart');
    expect(textOf(d)).toContain('geschreven toen de schijf weigerde');
    expect(await verifyAuditDir(server.dataDir)).toEqual([expect.objectContaining({ planId: jb.planId, ok: true })]);
  });

  it('[D21] audit records made while the disk is full are kept, stored in order when space returns, with no half line; the chain verifies', async () => {
    disk = new FaultyFileOps(/[\\/]audit[\\/]/);
    server = await startServer({ fileOps: disk, retryTiming: RETRY });
    const { jb, gw, hv, a, b } = await twoEditors(server);
    clients.push(a, b);
    const auditFile = path.join(server.dataDir, 'audit', `${jb.planId}.jsonl`);
    const auditOf = async () => parseAuditLog(await readFile(auditFile));
    const opened = (m: SignedIn) => (r: unknown) => isAuditRecord(r) && r.event === 'doc.opened' && r.memberId === m.memberId;
    await waitFor(async () => (await auditOf()).values.some(opened(jb)) && (await auditOf()).values.some(opened(gw)), 'the records so far stored');
    const stored = (await auditOf()).values.length;

    disk.set({ kind: 'full', partial: true });
    const c = connectDoc(server.base, hv.planId, GEZAMENLIJK, { cookie: hv.cookie }); // records doc.opened
    clients.push(c);
    await waitFor(() => c.synced, 'the newcomer synced');
    await waitFor(() => server!.logs.some((l) => l.event === 'storage.writes_refused' && l.file === `audit:${jb.planId}`), 'the refusal');
    const during = await auditOf();
    expect(during).toMatchObject({ tornTail: false, values: { length: stored } });
    expect(await health(server.base)).toEqual(refusing(jb.planId));

    disk.set({ kind: 'ok' });
    await waitFor(async () => (await auditOf()).values.some(opened(hv)), 'the held record stored');
    const after = await auditOf();
    expect(after.tornTail).toBe(false);
    expect(after.values.every(isAuditRecord)).toBe(true);
    expect(await verifyAuditDir(server.dataDir)).toEqual([{ planId: jb.planId, ok: true, count: after.values.length }]);
  });

  it('[D22] shutting down while the disk is full does not hang; the change was never acknowledged, and its sender still has it and stores it on reconnect', async () => {
    disk = new FaultyFileOps(STORAGE_FILES);
    server = await startServer({ fileOps: disk, retryTiming: RETRY });
    const { jb, a, b } = await twoEditors(server);
    clients.push(b);
    disk.set({ kind: 'full' });
    const n = appendParagraph(a, zorgen(a), 'nooit bevestigd');
    await waitFor(() => server!.logs.some((l) => l.event === 'storage.writes_refused'), 'the refusal');
    await server.close();
    expect(a.saved).toBeLessThan(n);

    server = await startServer({ dataDir: server.dataDir });
    const fresh = connectDoc(server.base, jb.planId, GEZAMENLIJK, { cookie: jb.cookie });
    clients.push(fresh);
    await waitFor(() => fresh.synced, 'a fresh reader synced');
    expect(textOf(fresh)).not.toContain('nooit bevestigd');

    // The sender's doc (as its tab or IndexedDB keeps it) reconnects and sends what the server lacks.
    const again = connectDoc(server.base, jb.planId, GEZAMENLIJK, { cookie: jb.cookie, doc: a.doc });
    clients.push(again);
    await waitFor(() => again.synced && again.contentSent > 0 && again.saved >= again.contentSent, 'its resend saved');
    await waitFor(() => textOf(fresh).includes('nooit bevestigd'), 'the resend reaching others');
  });
});
