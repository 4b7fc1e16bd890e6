import * as Y from 'yjs';
import type { Room, RoomPeer } from '../sync/room';
import type { RoomRegistry } from '../sync/roomRegistry';

/**
 * The state of every doc of a plan at one moment (issue #8: a freeze is atomic). Every doc is opened first
 * (loading those nobody has open); then all states are encoded in one synchronous step. Node applies each
 * incoming update synchronously and never between two statements of this step, so no change can be in one
 * doc's state and missing from another's. Resolves once everything in the states is durable, so a version
 * never holds a change the live plan could still lose in a crash.
 *
 * @example const states = await snapshotPlan(rooms, planId, planDocNames(memberIds)); // Map docName → update
 */
export async function snapshotPlan(rooms: RoomRegistry, planId: string, docNames: readonly string[]): Promise<Map<string, Uint8Array>> {
  const holder: RoomPeer = { send: () => undefined, close: () => undefined };
  const joined: Room[] = [];
  try {
    const opened = await Promise.allSettled(docNames.map((docName) => rooms.join(planId, docName, holder)));
    for (const result of opened) if (result.status === 'fulfilled') joined.push(result.value);
    const failed = opened.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
    // The one synchronous step: no await between the first and the last encode.
    const states = new Map(joined.map((room) => [room.docName, Y.encodeStateAsUpdate(room.doc)]));
    await Promise.all(joined.map((room) => room.flushed()));
    return states;
  } finally {
    for (const room of joined) rooms.leave(room, holder);
  }
}

/** A Y.Doc holding a snapshot's state of one doc, to read from; no room, no socket, no store. */
export function docFromState(state: Uint8Array | undefined): Y.Doc {
  const doc = new Y.Doc();
  if (state) Y.applyUpdate(doc, state);
  return doc;
}
