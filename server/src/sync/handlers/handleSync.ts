import * as decoding from 'lib0/decoding';
import { SyncMessageType } from '../../../../shared/src/protocol/messageTypes';
import { allowedRoots } from '../../../../shared/src/schema/planSchema';
import { translate } from '../../../../shared/src/i18n/translate';
import { MalformedMessage, type ConnectionContext } from '../connection';
import { encodeRejected, encodeSyncStep2 } from '../messages';
import { addsNothing, rootNamesWritten } from '../updateInspection';

/**
 * Sync messages (type 0). Step 1 gets our step 2. Step 2 and update are content messages: numbered, and
 * each one ends settled — stored durably, rejected with `101`, or adding nothing (DESIGN.md §5, §7).
 */
export function handleSync(ctx: ConnectionContext, decoder: decoding.Decoder, settle: (n: number) => void): void {
  const syncType = decoding.readVarUint(decoder);
  switch (syncType) {
    case SyncMessageType.step1: {
      const stateVector = decoding.readVarUint8Array(decoder);
      ctx.peer.send(encodeSyncStep2(ctx.room.doc, stateVector));
      return;
    }
    case SyncMessageType.step2:
    case SyncMessageType.update: {
      const update = decoding.readVarUint8Array(decoder);
      handleContent(ctx, update, settle);
      return;
    }
    default:
      throw new MalformedMessage(`unknown sync type ${syncType}`);
  }
}

function handleContent(ctx: ConnectionContext, update: Uint8Array, settle: (n: number) => void): void {
  const n = ctx.saved.next();
  // Decode fully before anything touches the live doc: a malformed update throws here (→ 4400).
  const roots = rootNamesWritten(update);
  if (ctx.access !== 'write') {
    // The empty step 2 every reader sends on connect is not a write: neither stored nor rejected.
    if (addsNothing(ctx.room.doc, update)) settle(n);
    else reject(ctx, n, 'no_write', settle);
    return;
  }
  const allowed = allowedRoots(ctx.kind);
  for (const root of roots) if (!allowed.has(root)) return reject(ctx, n, 'root_not_allowed', settle);
  const durable = ctx.room.applyFromPeer(update, ctx.peer);
  if (!durable) {
    // Nothing new for memory, but what it carries may still be on its way to disk: `saved` waits for that
    // (issue #9: a resent change is not "saved" before the first copy is durable).
    ctx.room.durableSoFar().then(() => settle(n), () => undefined);
    return;
  }
  const { member, room } = ctx;
  void ctx.audit.recordDocChange({ planId: room.planId, memberId: member.memberId, role: member.role, object: room.docName });
  // On a failed write the room closes this socket (4500); the message stays unacknowledged, as it should.
  durable.then(() => settle(n), () => undefined);
}

function reject(ctx: ConnectionContext, n: number, reason: 'no_write' | 'root_not_allowed', settle: (n: number) => void): void {
  ctx.log.warn('update.rejected', {
    planId: ctx.room.planId,
    docName: ctx.room.docName,
    memberId: ctx.member.memberId,
    role: ctx.member.role,
    reason,
    message: n,
  });
  const { member, room } = ctx;
  void ctx.audit.record({ event: 'write.rejected', planId: room.planId, memberId: member.memberId, role: member.role, object: room.docName, outcome: 'refused', reason });
  ctx.peer.send(encodeRejected(n, translate(reason === 'no_write' ? 'rejected.no_write' : 'rejected.root_not_allowed')));
  settle(n);
}
