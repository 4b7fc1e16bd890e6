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
import type { UpdateInspector } from './inspection/updateInspector';
import { encodeAwareness, encodeSaved } from './messages';
import { RefusedMessage, reportRefusal } from './refusedMessage';
import type { Room, RoomPeer } from './room';
import { SavedTracker } from './savedTracker';
import { TokenBucket } from './tokenBucket';

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
  readonly inspector: UpdateInspector;
  readonly saved: SavedTracker;
  /** The one awareness clientID this socket may speak for, bound by its first awareness message. */
  awarenessClientId: number | undefined;
  /** Content messages of this socket answered with `101 rejected` so far. */
  rejections: number;
  /** An oversized awareness state of this socket has been logged (once is enough). */
  oversizedAwarenessLogged: boolean;
  /** False once the socket has closed (an inspection may finish after that). */
  isOpen(): boolean;
}

/**
 * One socket on one doc, after the upgrade gate let it in. Runs the pipeline of STYLE.md pattern 3 for
 * each frame: limit → decode → dispatch to one handler per message type; the handlers authorise, apply,
 * persist and answer with `saved` or `rejected`. Sync messages are handled strictly one after another
 * (an update waits for its inspection in the worker, and the next one waits for it); awareness does not
 * wait for them.
 */
export class Connection {
  readonly ctx: ConnectionContext;
  private readonly updateRate: TokenBucket;
  private readonly awarenessRate: TokenBucket;
  /** The latest awareness frame held back by the rate; older held-back ones are simply replaced. */
  private heldAwareness: Uint8Array | undefined;
  private awarenessTimer: NodeJS.Timeout | undefined;
  /** Sync messages in arrival order; each starts when the one before it has finished. */
  private syncChain: Promise<void> = Promise.resolve();
  private queuedBytes = 0;
  private stopped = false;

  constructor(
    init: Omit<ConnectionContext, 'saved' | 'awarenessClientId' | 'rejections' | 'oversizedAwarenessLogged' | 'isOpen'>,
    /** Stops reading the socket for a while: TCP then slows the sender down without losing a message. */
    private readonly pauseReading: (ms: number) => void = () => undefined,
  ) {
    this.ctx = { ...init, saved: new SavedTracker(), awarenessClientId: undefined, rejections: 0, oversizedAwarenessLogged: false, isOpen: () => !this.stopped };
    const { limits } = init;
    const now = performance.now();
    // A burst of a few seconds' worth: a first sync and a fast typist must never be slowed.
    this.updateRate = new TokenBucket(limits.updatesPerSecond, limits.updatesPerSecond * 4, now);
    this.awarenessRate = new TokenBucket(limits.awarenessPerSecond, limits.awarenessPerSecond, now);
  }

  /** The socket is gone: drop held-back and queued work. */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.awarenessTimer);
    this.heldAwareness = undefined;
  }

  /** Greets the client: our state vector (so it sends what we lack) and who is here. */
  start(): void {
    const { room, peer } = this.ctx;
    peer.send(room.syncStep1());
    const states = [...room.awareness.getStates().keys()];
    if (states.length > 0) peer.send(encodeAwareness(room.awareness, states));
  }

  /** Handles one binary frame; any decoding problem closes the socket with a documented code. */
  receive(frame: Uint8Array): void {
    if (this.stopped) return;
    try {
      if (frame.length > this.ctx.limits.docSizeCapBytes) throw new RefusedMessage('too_large', 'frame_too_large');
      const decoder = decoding.createDecoder(frame);
      const type = decoding.readVarUint(decoder);
      switch (type) {
        case MessageType.sync:
          if (this.admitContent()) this.queueSync(decoder, frame.length);
          return;
        case MessageType.awareness:
          if (!this.awarenessRate.has(performance.now())) return this.holdAwareness(frame);
          this.awarenessRate.take(performance.now());
          return handleAwareness(this.ctx, decoder);
        case MessageType.queryAwareness:
          return handleQueryAwareness(this.ctx, decoder);
        default:
          throw new RefusedMessage('malformed', 'unknown_message_type');
      }
    } catch (error) {
      this.fail(error);
    }
  }

  /** Sends `saved` when message n settles the watermark further. */
  settle(n: number): void {
    const watermark = this.ctx.saved.settle(n);
    if (watermark !== undefined) this.ctx.peer.send(encodeSaved(watermark));
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

  private queueSync(decoder: decoding.Decoder, bytes: number): void {
    this.queuedBytes += bytes;
    // Frames waiting behind an inspection stay in memory: past two doc caps, stop reading until they drain.
    if (this.queuedBytes > 2 * this.ctx.limits.docSizeCapBytes) this.pauseReading(250);
    this.syncChain = this.syncChain.then(async () => {
      try {
        if (!this.stopped) await handleSync(this.ctx, decoder, (n) => this.settle(n));
      } catch (error) {
        this.fail(error);
      } finally {
        this.queuedBytes -= bytes;
      }
    });
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

  /**
   * The edge of the sync pipeline (STYLE.md, Errors): a refused message closes the socket with its code and
   * leaves a security event in the log and in the plan's audit trail. Nothing it carried reached the doc.
   */
  private fail(error: unknown): void {
    if (this.stopped) return;
    this.stopped = true;
    const { room, member, peer } = this.ctx;
    // lib0 throws plain Errors on truncated varints and lengths beyond the frame: all of them mean malformed.
    const refusal = error instanceof RefusedMessage ? error : new RefusedMessage('malformed', 'undecodable');
    const code = refusal.kind === 'too_large' ? CloseCode.tooLarge : CloseCode.malformed;
    reportRefusal(this.ctx, { planId: room.planId, docName: room.docName, member }, code, refusal.reason, error instanceof RefusedMessage ? undefined : error);
    peer.close(code, refusal.reason);
  }
}
