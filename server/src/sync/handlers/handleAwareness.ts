import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import { ROLE_COLORS } from '../../../../shared/src/permissions/roles';
import type { ConnectionContext } from '../connection';

interface AwarenessEntry {
  clientId: number;
  clock: number;
  state: Record<string, unknown> | null;
}

/**
 * Awareness (type 1). One clientID per socket, bound by its first state (never one that another socket in the
 * room already holds); states for any other clientID are dropped, and the `user` field is replaced by the signed-in member, so nobody can appear as someone else
 * (DESIGN.md §5).
 */
export function handleAwareness(ctx: ConnectionContext, decoder: decoding.Decoder): void {
  const entries = readEntries(decoding.readVarUint8Array(decoder), ctx.limits.awarenessStateBytes);
  const own = entries.filter((entry) => {
    // A clientID another socket already speaks for cannot be taken over: that would move someone else's caret.
    if (ctx.awarenessClientId === undefined && ctx.room.claimAwarenessClient(entry.clientId, ctx.peer)) ctx.awarenessClientId = entry.clientId;
    return entry.clientId === ctx.awarenessClientId;
  });
  if (own.length === 0) return;
  const { memberId, name, role } = ctx.member;
  const user = { memberId, name, role, color: ROLE_COLORS[role] };
  const stamped = own.map((entry) => (entry.state === null ? entry : { ...entry, state: { ...entry.state, user } }));
  awarenessProtocol.applyAwarenessUpdate(ctx.room.awareness, writeEntries(stamped), ctx.peer);
}

/** Decodes an awareness update; states that are not JSON objects or are too large are dropped. */
function readEntries(update: Uint8Array, maxStateBytes: number): AwarenessEntry[] {
  const d = decoding.createDecoder(update);
  const count = decoding.readVarUint(d);
  const entries: AwarenessEntry[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(d);
    const clock = decoding.readVarUint(d);
    const json = decoding.readVarString(d);
    if (json.length > maxStateBytes) continue;
    const state: unknown = JSON.parse(json);
    if (state === null) entries.push({ clientId, clock, state: null });
    else if (typeof state === 'object' && !Array.isArray(state)) entries.push({ clientId, clock, state: state as Record<string, unknown> });
  }
  return entries;
}

function writeEntries(entries: AwarenessEntry[]): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(e, entry.clientId);
    encoding.writeVarUint(e, entry.clock);
    encoding.writeVarString(e, JSON.stringify(entry.state));
  }
  return encoding.toUint8Array(e);
}
