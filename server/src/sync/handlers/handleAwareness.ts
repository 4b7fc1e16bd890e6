import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import { ROLE_COLORS } from '../../../../shared/src/permissions/roles';
import type { ConnectionContext } from '../connection';
import { requireFrameEnd } from '../refusedMessage';

const UTF8 = new TextDecoder();

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
  const update = decoding.readVarUint8Array(decoder);
  requireFrameEnd(decoder);
  const own = readEntries(update, ctx.limits.awarenessStateBytes, (clientId) => {
    // A clientID another socket already speaks for cannot be taken over: that would move someone else's caret.
    if (ctx.awarenessClientId === undefined && ctx.room.claimAwarenessClient(clientId, ctx.peer, ctx.member.memberId)) ctx.awarenessClientId = clientId;
    return clientId === ctx.awarenessClientId;
  }, () => logOversized(ctx));
  if (own.length === 0) return;
  const { memberId, name, role } = ctx.member;
  const user = { memberId, name, role, color: ROLE_COLORS[role] };
  const stamped = own.map((entry) => (entry.state === null ? entry : { ...entry, state: { ...entry.state, user } }));
  awarenessProtocol.applyAwarenessUpdate(ctx.room.awareness, writeEntries(stamped), ctx.peer);
}

/**
 * Decodes an awareness update and keeps the entries `isOwn` accepts; states that are not JSON objects or are
 * larger than `maxStateBytes` are dropped (issue #9: presence is best effort, so a too-large state never
 * closes the socket). Only kept entries are parsed, so 10,000 foreign entries cost no JSON parsing.
 */
function readEntries(update: Uint8Array, maxStateBytes: number, isOwn: (clientId: number) => boolean, onOversized: () => void): AwarenessEntry[] {
  const d = decoding.createDecoder(update);
  const count = decoding.readVarUint(d);
  const entries: AwarenessEntry[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(d);
    const clock = decoding.readVarUint(d);
    const bytes = decoding.readVarUint8Array(d);
    if (bytes.length > maxStateBytes) onOversized();
    if (bytes.length > maxStateBytes || !isOwn(clientId)) continue;
    const json = UTF8.decode(bytes);
    const state: unknown = JSON.parse(json);
    if (state === null) entries.push({ clientId, clock, state: null });
    else if (typeof state === 'object' && !Array.isArray(state)) entries.push({ clientId, clock, state: state as Record<string, unknown> });
  }
  return entries;
}

/** Once per socket: a flood of oversized states must not flood the log as well. */
function logOversized(ctx: ConnectionContext): void {
  if (ctx.oversizedAwarenessLogged) return;
  ctx.oversizedAwarenessLogged = true;
  const { room, member } = ctx;
  ctx.log.warn('security.awareness_dropped', { planId: room.planId, docName: room.docName, memberId: member.memberId, role: member.role, reason: 'state_too_large' });
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
