import type { AuditRecorder } from '../audit/auditRecorder';
import type { Logger } from '../log';
import type { MemberRecord } from '../storage/records';

/**
 * A message the server refuses outright: the socket closes with 4400 (`malformed`: it does not decode or is
 * not valid for this doc) or 4413 (`too_large`: the message, the doc or the work to check it is too large).
 * `reason` is a short machine word for the log and the audit trail, e.g. `missing_dependencies`.
 */
export class RefusedMessage extends Error {
  constructor(
    readonly kind: 'malformed' | 'too_large',
    readonly reason: string,
  ) {
    super(reason);
  }
}

/** Throws unless the decoder has read the whole frame: no message of the protocol carries trailing bytes. */
export function requireFrameEnd(decoder: { arr: Uint8Array; pos: number }): void {
  if (decoder.pos !== decoder.arr.length) throw new RefusedMessage('malformed', 'trailing_bytes');
}

/**
 * Leaves the trace of a refused message (issue #9): a `security.message_refused` log record and a
 * `message.refused` audit record in the plan's trail. Ids, code and reason only; never the bytes.
 */
export function reportRefusal(
  deps: { log: Logger; audit: AuditRecorder },
  at: { planId: string; docName: string; member: MemberRecord },
  code: number,
  reason: string,
  error?: unknown,
): void {
  const { planId, docName, member } = at;
  deps.log.warn('security.message_refused', { planId, docName, memberId: member.memberId, role: member.role, code, reason, ...(error ? { error } : {}) });
  void deps.audit.record({ event: 'message.refused', planId, memberId: member.memberId, role: member.role, object: docName, outcome: 'refused', reason });
}
