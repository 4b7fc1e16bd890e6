import * as decoding from 'lib0/decoding';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MessageType } from '../../../shared/src/protocol/messageTypes';
import { syncPath } from '../../../shared/src/protocol/syncPath';
import { GEZAMENLIJK } from '../../../shared/src/schema/docNames';
import { signInAs, type SignedIn } from '../../helpers/signIn';
import { startServer, type TestServer } from '../../helpers/startServer';
import { waitFor } from '../../helpers/waitFor';

/**
 * The server's heartbeat (issue #9): every interval each socket gets an empty awareness update (so a quiet
 * doc still shows the client that the socket lives) and a ping; a peer that stops answering pings is
 * terminated. The interval is shortened here (HEARTBEAT_MS); the default is 10 s.
 */

const INTERVAL_MS = 150;
/** A deadline, not a timing target: the machine may be busy with other tests. */
const DEADLINE_MS = 15_000;

let server: TestServer;
let jb: SignedIn;

beforeAll(async () => {
  server = await startServer({ env: { HEARTBEAT_MS: String(INTERVAL_MS) } });
  jb = await signInAs(server.base, server.invitations, 'jeugdbeschermer');
});

afterAll(() => server.close({ remove: true }));

interface RawSocket {
  ws: WebSocket;
  /** Awareness frames that carried no state at all: the heartbeat. */
  heartbeats: number;
  closedWith: number | null;
}

/** A socket on the common plan that reads frames but never writes one; `answerPings: false` plays a dead peer. */
function openRaw(answerPings: boolean): Promise<RawSocket> {
  const ws = new WebSocket(`${server.base.replace(/^http/, 'ws')}${syncPath(jb.planId, GEZAMENLIJK)}`, {
    headers: { cookie: jb.cookie },
    origin: server.base,
    autoPong: answerPings,
  });
  ws.binaryType = 'arraybuffer';
  const raw: RawSocket = { ws, heartbeats: 0, closedWith: null };
  ws.on('message', (data: ArrayBuffer) => {
    const d = decoding.createDecoder(new Uint8Array(data));
    if (decoding.readVarUint(d) !== MessageType.awareness) return;
    const states = decoding.createDecoder(decoding.readVarUint8Array(d));
    if (decoding.readVarUint(states) === 0) raw.heartbeats += 1;
  });
  ws.on('close', (code) => {
    raw.closedWith = code;
  });
  ws.on('error', () => undefined);
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(raw));
    ws.once('unexpected-response', () => reject(new Error('upgrade refused')));
  });
}

describe('heartbeat', () => {
  it('[H1] sends a valid empty awareness update every interval, and keeps a live peer open', async () => {
    const raw = await openRaw(true);
    await waitFor(() => raw.heartbeats >= 4, 'four heartbeats', DEADLINE_MS);
    // Four intervals of pings answered: a live peer is never ended by the heartbeat.
    expect(raw.closedWith).toBeNull();
    raw.ws.close();
  });

  it('[H2] terminates a peer that stops answering pings, and only that one', async () => {
    const silent = await openRaw(false);
    const honest = await openRaw(true);
    await waitFor(() => silent.closedWith !== null, 'the silent peer to be ended', DEADLINE_MS);
    // Terminated, not closed politely: 1006 means the server dropped the connection without a close frame.
    expect(silent.closedWith).toBe(1006);
    // It was ended by missed pings, which takes two heartbeats: it had heard at least one.
    expect(silent.heartbeats).toBeGreaterThanOrEqual(1);
    // The honest socket next to it lives on.
    const before = honest.heartbeats;
    await waitFor(() => honest.heartbeats >= before + 2, 'two more heartbeats on the honest socket', DEADLINE_MS);
    expect(honest.closedWith).toBeNull();
    honest.ws.close();
  });
});
