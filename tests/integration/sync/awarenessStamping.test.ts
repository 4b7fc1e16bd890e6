import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GEZAMENLIJK } from '../../../shared/src/schema/docNames';
import { signInAs, type SignedIn } from '../../helpers/signIn';
import { startServer, type TestServer } from '../../helpers/startServer';
import { connectDoc, type SyncClient } from '../../helpers/syncClient';
import { waitFor } from '../../helpers/waitFor';

describe('awareness carries the signed-in member, not what the client claims', () => {
  let server: TestServer;
  let jb: SignedIn;
  let ouder: SignedIn;
  const open: SyncClient[] = [];
  beforeAll(async () => {
    server = await startServer();
    jb = await signInAs(server.base, server.invitations, 'jeugdbeschermer');
    ouder = await signInAs(server.base, server.invitations, 'ouder');
  });
  afterAll(async () => {
    open.forEach((c) => c.close());
    await server.close({ remove: true });
  });

  it('[S50] a parent posing as the jeugdbeschermer shows up as the parent', async () => {
    const watcher = connectDoc(server.base, jb.planId, GEZAMENLIJK, { cookie: jb.cookie });
    const spoofer = connectDoc(server.base, ouder.planId, GEZAMENLIJK, { cookie: ouder.cookie });
    open.push(watcher, spoofer);
    await Promise.all([watcher.opened, spoofer.opened]);
    spoofer.sendAwareness({ user: { name: 'Nep', role: 'jeugdbeschermer', memberId: jb.memberId }, cursor: null });
    const state = await waitFor(() => watcher.awareness.getStates().get(spoofer.doc.clientID), 'the state to arrive');
    expect(state.user).toMatchObject({ memberId: ouder.memberId, role: 'ouder', name: 'Lisa de Boer' });
    expect(JSON.stringify([...watcher.awareness.getStates().values()])).not.toContain('Nep');
  });

  it('[S51] states for a second clientID on the same socket are dropped', async () => {
    const watcher = connectDoc(server.base, jb.planId, GEZAMENLIJK, { cookie: jb.cookie });
    const spoofer = connectDoc(server.base, ouder.planId, GEZAMENLIJK, { cookie: ouder.cookie });
    open.push(watcher, spoofer);
    await Promise.all([watcher.opened, spoofer.opened]);
    spoofer.sendAwareness({ user: { name: 'eerste' } });
    await waitFor(() => watcher.awareness.getStates().get(spoofer.doc.clientID), 'first state');
    const realId = spoofer.doc.clientID;
    spoofer.sendRaw(awarenessFrame([{ clientId: realId + 1, clock: 1, state: { user: { name: 'tweede' } } }]));
    spoofer.sendRaw(awarenessFrame([{ clientId: realId, clock: 5, state: { user: { name: 'derde' }, marker: 'na' } }]));
    await waitFor(() => watcher.awareness.getStates().get(realId)?.marker === 'na', 'the later state of the bound id');
    expect(watcher.awareness.getStates().has(realId + 1)).toBe(false);
  });

  it('[S53] 10,000 entries in one message leave one state, the socket’s own; the server stays up', async () => {
    const watcher = connectDoc(server.base, jb.planId, GEZAMENLIJK, { cookie: jb.cookie });
    const flooder = connectDoc(server.base, ouder.planId, GEZAMENLIJK, { cookie: ouder.cookie });
    open.push(watcher, flooder);
    await Promise.all([watcher.opened, flooder.opened]);
    const own = flooder.doc.clientID;
    const entries = Array.from({ length: 10_000 }, (_, i) => ({ clientId: i === 0 ? own : 1_000_000 + i, clock: 1, state: { user: { name: `nep-${i}` }, marker: i === 0 ? 'eigen' : 'nep' } }));
    flooder.sendRaw(awarenessFrame(entries));
    await waitFor(() => watcher.awareness.getStates().get(own)?.marker === 'eigen', 'the own state');
    const states = [...watcher.awareness.getStates().entries()];
    expect(states.filter(([, s]) => s.marker === 'nep')).toEqual([]);
    expect(watcher.awareness.getStates().get(own)?.user).toMatchObject({ memberId: ouder.memberId });
    const health = await fetch(`${server.base}/healthz`);
    expect(health.status).toBe(200);
  });

  it('[S54] an oversized state is dropped, and a later normal one still arrives', async () => {
    const watcher = connectDoc(server.base, jb.planId, GEZAMENLIJK, { cookie: jb.cookie });
    const big = connectDoc(server.base, ouder.planId, GEZAMENLIJK, { cookie: ouder.cookie });
    open.push(watcher, big);
    await Promise.all([watcher.opened, big.opened]);
    const id = big.doc.clientID;
    big.sendRaw(awarenessFrame([{ clientId: id, clock: 1, state: { user: {}, blob: 'x'.repeat(64 * 1024) } }]));
    big.sendRaw(awarenessFrame([{ clientId: id, clock: 2, state: { user: {}, marker: 'klein' } }]));
    await waitFor(() => watcher.awareness.getStates().get(id)?.marker === 'klein', 'the small state');
    expect(JSON.stringify(watcher.awareness.getStates().get(id))).not.toContain('xxxx');
  });

  it('[S55] nobody can take over the clientID another socket speaks for', async () => {
    const watcher = connectDoc(server.base, jb.planId, GEZAMENLIJK, { cookie: jb.cookie });
    const victim = connectDoc(server.base, jb.planId, GEZAMENLIJK, { cookie: jb.cookie });
    const thief = connectDoc(server.base, ouder.planId, GEZAMENLIJK, { cookie: ouder.cookie });
    open.push(watcher, victim, thief);
    await Promise.all([watcher.opened, victim.opened, thief.opened]);
    victim.sendAwareness({ user: {}, marker: 'echt' });
    const id = victim.doc.clientID;
    await waitFor(() => watcher.awareness.getStates().get(id)?.marker === 'echt', 'the victim’s state');
    thief.sendRaw(awarenessFrame([{ clientId: id, clock: 99, state: { user: {}, marker: 'gestolen' } }]));
    thief.sendAwareness({ user: {}, marker: 'dief' });
    await waitFor(() => watcher.awareness.getStates().get(thief.doc.clientID)?.marker === 'dief', 'the thief’s own state');
    expect(watcher.awareness.getStates().get(id)?.marker).toBe('echt');
    expect(watcher.awareness.getStates().get(id)?.user).toMatchObject({ memberId: jb.memberId });
  });

  it('[S52] a closed socket takes its presence with it', async () => {
    const watcher = connectDoc(server.base, jb.planId, GEZAMENLIJK, { cookie: jb.cookie });
    const leaver = connectDoc(server.base, ouder.planId, GEZAMENLIJK, { cookie: ouder.cookie });
    open.push(watcher);
    await Promise.all([watcher.opened, leaver.opened]);
    leaver.sendAwareness({ user: {} });
    await waitFor(() => watcher.awareness.getStates().has(leaver.doc.clientID), 'presence');
    leaver.close();
    await waitFor(() => !watcher.awareness.getStates().has(leaver.doc.clientID), 'presence gone');
  });
});

/** A raw awareness message with chosen client ids and clocks. */
function awarenessFrame(entries: { clientId: number; clock: number; state: unknown }[]): Uint8Array {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(inner, entry.clientId);
    encoding.writeVarUint(inner, entry.clock);
    encoding.writeVarString(inner, JSON.stringify(entry.state));
  }
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
  return encoding.toUint8Array(e);
}
