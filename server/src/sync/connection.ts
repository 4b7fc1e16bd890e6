import * as decoding from 'lib0/decoding';
import type { DocKind } from '../../../shared/src/schema/docNames';
import type { Access } from '../../../shared/src/permissions/docAccess';
import { CloseCode } from '../../../shared/src/protocol/closeCodes';
import { MessageType } from '../../../shared/src/protocol/messageTypes';
import type { AuditRecorder } from '../audit/auditRecorder';
import type { Limits } from '../config';
import type { Logger } from '../log';
import type { MemberRecord } from '../storage/records';
import { handleAwareness } from './handlers/handleAwareness';
import { handleQueryAwareness } from './handlers/handleQueryAwareness';
import { handleSync } from './handlers/handleSync';
import { encodeAwareness, encodeSaved, encodeSyncStep1 } from './messages';
import type { Room, RoomPeer } from './room';
import { SavedTracker } from './savedTracker';
import { TokenBucket } from './tokenBucket';

/** A message that cannot be decoded or is not allowed in this protocol; closes the socket with 4400. */
export class MalformedMessage extends Error {}

/** A message larger than the configured cap; closes the socket with 4413. */
export class MessageTooLarge extends Error {}

/** Everything the handlers know about one signed-in socket on one doc. */
export interface ConnectionContext {
  readonly room: Room;
  readonly peer: RoomPeer;
  readonly member: MemberRecord;
  readonly kind: DocKind;
  readonly access: Exclude<Access, 'none'>;
  readonly limits: Limits;
  readonly audit: AuditRecorder;
  readonly log: Logger;
  readonly saved: SavedTracker;
  /** The one awareness clientID this socket may speak for, bound by its first awareness message. */
  awarenessClientId: number | undefined;
}

/**
 * One socket on one doc, after the upgrade gate let it in. Runs the pipeline of STYLE.md pattern 3 for
 * each frame: limit → decode → dispatch to one handler per message type; the handlers authorise, apply,
 * persist and answer with `saved` or `rejected`.
 */
export class Connection {
  readonly ctx: ConnectionContext;
  private readonly updateRate: TokenBucket;
  private readonly awarenessRate: TokenBucket;
  /** The latest awareness frame held back by the rate; older held-back ones are simply replaced. */
  private heldAwareness: Uint8Array | undefined;
  private awarenessTimer: NodeJS.Timeout | undefined;

  constructor(
    init: Omit<ConnectionContext, 'saved' | 'awarenessClientId'>,
    /** Stops reading the socket for a while: TCP then slows the sender down without losing a message. */
    private readonly pauseReading: (ms: number) => void = () => undefined,
  ) {
    this.ctx = { ...init, saved: new SavedTracker(), awarenessClientId: undefined };
    const { limits } = init;
    const now = performance.now();
    // A burst of a few seconds' worth: a first sync and a fast typist must never be slowed.
    this.updateRate = new TokenBucket(limits.updatesPerSecond, limits.updatesPerSecond * 4, now);
    this.awarenessRate = new TokenBucket(limits.awarenessPerSecond, limits.awarenessPerSecond, now);
  }

  /** The socket is gone: drop held-back work. */
  stop(): void {
    clearTimeout(this.awarenessTimer);
    this.heldAwareness = undefined;
  }

  /** Greets the client: our state vector (so it sends what we lack) and who is here. */
  start(): void {
    const { room, peer } = this.ctx;
    peer.send(encodeSyncStep1(room.doc));
    const states = [...room.awareness.getStates().keys()];
    if (states.length > 0) peer.send(encodeAwareness(room.awareness, states));
  }

  /** Handles one binary frame; any decoding problem closes the socket with a documented code. */
  receive(frame: Uint8Array): void {
    try {
      if (frame.length > this.ctx.limits.docSizeCapBytes) throw new MessageTooLarge();
      const decoder = decoding.createDecoder(frame);
      const type = decoding.readVarUint(decoder);
      if (type === MessageType.awareness && !this.awarenessRate.has(performance.now())) return this.holdAwareness(frame);
      if (type === MessageType.awareness) this.awarenessRate.take(performance.now());
      if (type === MessageType.sync && !this.admitContent()) return;
      this.dispatch(type, decoder);
    } catch (error) {
      this.fail(error);
    }
  }

  /**
   * Above the update rate the socket is slowed down, never refused for a burst; only a backlog that stays far
   * above the rate closes it with 4429 (issue #9).
   */
  private admitContent(): boolean {
    const debt = this.updateRate.take(performance.now());
    if (debt > this.ctx.limits.updateBacklogSeconds) {
      const { room, member } = this.ctx;
      this.ctx.log.warn('socket.too_many_messages', { planId: room.planId, docName: room.docName, memberId: member.memberId });
      this.ctx.peer.close(CloseCode.tooManyMessages, 'too many messages');
      return false;
    }
    if (debt > 0) this.pauseReading(Math.ceil(debt * 1000));
    return true;
  }

  /** Keeps only the latest awareness state above the rate and forwards it when the rate allows. */
  private holdAwareness(frame: Uint8Array): void {
    this.heldAwareness = frame;
    if (this.awarenessTimer !== undefined) return;
    this.awarenessTimer = setTimeout(() => {
      this.awarenessTimer = undefined;
      const held = this.heldAwareness;
      this.heldAwareness = undefined;
      if (held) this.receive(held);
    }, this.awarenessRate.msUntilToken(performance.now()));
  }

  /** Sends `saved` when message n settles the watermark further. */
  settle(n: number): void {
    const watermark = this.ctx.saved.settle(n);
    if (watermark !== undefined) this.ctx.peer.send(encodeSaved(watermark));
  }

  private dispatch(type: number, decoder: decoding.Decoder): void {
    switch (type) {
      case MessageType.sync:
        return handleSync(this.ctx, decoder, (n) => this.settle(n));
      case MessageType.awareness:
        return handleAwareness(this.ctx, decoder);
      case MessageType.queryAwareness:
        return handleQueryAwareness(this.ctx);
      default:
        throw new MalformedMessage(`unknown message type ${type}`);
    }
  }

  private fail(error: unknown): void {
    const { log, room, member } = this.ctx;
    const ids = { planId: room.planId, docName: room.docName, memberId: member.memberId };
    if (error instanceof MessageTooLarge) {
      log.warn('message.too_large', ids);
      this.ctx.peer.close(CloseCode.tooLarge, 'too large');
    } else {
      // lib0 throws plain Errors on truncated varints; all of them mean a malformed frame.
      log.warn('message.malformed', { ...ids, error });
      this.ctx.peer.close(CloseCode.malformed, 'malformed');
    }
  }
}
