import * as decoding from 'lib0/decoding';
import { SyncMessageType } from '../../../../shared/src/protocol/messageTypes';
import { allowedRoots } from '../../../../shared/src/schema/planSchema';
import { translate, type MessageKey } from '../../../../shared/src/i18n/translate';
import type { ConnectionContext } from '../connection';
import type { UpdateShape } from '../inspection/updateShape';
import type { InspectionResult } from '../inspection/updateInspector';
import { addsNothing, appliesToCopy, clientsAdded, continuesCollectedStruct, deepestAnchoredNesting, hasMissingDependencies } from '../inspection/shapeAgainstDoc';
import { encodeRejected } from '../messages';
import { RefusedMessage, requireFrameEnd } from '../refusedMessage';

/** Why a content message got `101 rejected`; each has its Dutch text under `rejected.<reason>`. */
type RejectReason = 'no_write' | 'root_not_allowed' | 'builds_on_rejected';

/**
 * Sync messages (type 0). Step 1 gets our step 2. Step 2 and update are content messages: numbered, and
 * each one ends settled — stored durably, rejected with `101`, or adding nothing (DESIGN.md §5, §7) — or
 * the socket is closed (4400, 4413) before the doc sees any of it.
 */
export async function handleSync(ctx: ConnectionContext, decoder: decoding.Decoder, settle: (n: number) => void): Promise<void> {
  const syncType = decoding.readVarUint(decoder);
  switch (syncType) {
    case SyncMessageType.step1: {
      const stateVector = decoding.readVarUint8Array(decoder);
      requireFrameEnd(decoder);
      ctx.peer.send(ctx.room.syncStep2(stateVector));
      return;
    }
    case SyncMessageType.step2:
    case SyncMessageType.update: {
      const update = decoding.readVarUint8Array(decoder);
      requireFrameEnd(decoder);
      return handleContent(ctx, update, syncType, settle);
    }
    default:
      throw new RefusedMessage('malformed', 'unknown_sync_type');
  }
}

/**
 * The pipeline of one content message (STYLE.md pattern 3): inspect in the worker → check against the doc →
 * authorise → apply → persist → `saved` or `rejected`. Until the message turns out to be a write, the checks
 * use what the doc holds (`room.holdings`), so a step 2 that adds nothing does not build a doc from its bytes.
 */
async function handleContent(ctx: ConnectionContext, update: Uint8Array, syncType: number, settle: (n: number) => void): Promise<void> {
  const n = ctx.saved.next();
  const inspected = await ctx.inspector.inspect(update);
  // Shutting down: unchecked and unacknowledged, the client sends it again after reconnecting.
  if (!ctx.isOpen() || (!inspected.ok && inspected.fault === 'stopped')) return;
  const shape = shapeOf(inspected);
  const { room, limits, member } = ctx;
  const missing = hasMissingDependencies(shape, room.holdings);
  // The empty step 2 every client sends on connect, or a resend: not a write, on any socket (DESIGN.md §5).
  if (!missing && addsNothing(shape, room.holdings)) return settleWhenDurable(ctx, n, settle);
  if (ctx.access !== 'write') return reject(ctx, n, 'no_write', settle);
  if (missing) {
    // Edits typed on top of a rejected one may arrive before the client has seen the rejection.
    if (ctx.rejections > 0) return reject(ctx, n, 'builds_on_rejected', settle);
    throw new RefusedMessage('malformed', 'missing_dependencies');
  }
  const allowed = allowedRoots(ctx.kind);
  if (shape.roots.some((root) => !allowed.has(root))) return reject(ctx, n, 'root_not_allowed', settle);
  if (deepestAnchoredNesting(shape, room.doc, limits.updateMaxDepth) > limits.updateMaxDepth) throw new RefusedMessage('malformed', 'too_deep');
  if (continuesCollectedStruct(shape, room.doc) && !appliesToCopy(room.doc, update)) throw new RefusedMessage('malformed', 'continues_collected');
  const added = clientsAdded(shape, room.holdings);
  // A first sync (step 2) legitimately carries other people's structs (DESIGN.md §5); a live update may not
  // write new structs in the name of another member's connected client.
  if (syncType === SyncMessageType.update && added.some((client) => room.clientIdOfOtherMember(client, member.memberId))) {
    throw new RefusedMessage('malformed', 'client_id_taken');
  }
  // Deleting never grows a doc past its cap: at the cap, removing text must still work.
  if (added.length > 0 && room.wouldExceed(update.length, limits.docSizeCapBytes)) throw new RefusedMessage('too_large', 'doc_too_large');
  const applied = room.applyFromPeer(update, ctx.peer);
  if (applied.kind === 'incomplete') throw new RefusedMessage('malformed', 'unresolvable_dependencies');
  if (!applied.durable) return settleWhenDurable(ctx, n, settle);
  void ctx.audit.recordDocChange({ planId: room.planId, memberId: member.memberId, role: member.role, object: room.docName });
  // On a failed write the room closes this socket (4500); the message stays unacknowledged, as it should.
  applied.durable.then(() => settle(n), () => undefined);
}

/**
 * Nothing new for memory, but what the message carries may still be on its way to disk: `saved` waits for
 * that (issue #9: a resent change is not "saved" before the first copy is durable).
 */
function settleWhenDurable(ctx: ConnectionContext, n: number, settle: (n: number) => void): void {
  ctx.room.durableSoFar().then(() => settle(n), () => undefined);
}

/** The worker's verdict as a shape, or the refusal it means: too much to hold or check → 4413, else 4400. */
function shapeOf(inspected: InspectionResult): UpdateShape {
  if (inspected.ok) return inspected.shape;
  const tooLarge = inspected.fault === 'over_budget' || inspected.fault === 'too_many_structs';
  throw new RefusedMessage(tooLarge ? 'too_large' : 'malformed', inspected.fault);
}

const REJECT_TEXT: Record<RejectReason, MessageKey> = {
  no_write: 'rejected.no_write',
  root_not_allowed: 'rejected.root_not_allowed',
  builds_on_rejected: 'rejected.builds_on_rejected',
};

function reject(ctx: ConnectionContext, n: number, reason: RejectReason, settle: (n: number) => void): void {
  const { member, room } = ctx;
  ctx.rejections += 1;
  ctx.log.warn('update.rejected', { planId: room.planId, docName: room.docName, memberId: member.memberId, role: member.role, reason, message: n });
  void ctx.audit.record({ event: 'write.rejected', planId: room.planId, memberId: member.memberId, role: member.role, object: room.docName, outcome: 'refused', reason });
  ctx.peer.send(encodeRejected(n, translate(REJECT_TEXT[reason])));
  settle(n);
}
