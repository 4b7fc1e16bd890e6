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
