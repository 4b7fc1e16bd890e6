import type { MemberRecord } from '../storage/records';
import type { MetaStore } from '../storage/Store';
import { hashSecret, issueSecret } from './secrets';
import { SESSION_COOKIE, readCookie } from './sessionCookie';

/** A signed-in member, as every route and socket sees it. */
export interface Viewer {
  sessionHash: string;
  member: MemberRecord;
}

/** Starts a session for a member; returns the secret session id for the cookie (stored only hashed). */
export async function startSession(meta: MetaStore, member: MemberRecord, now: Date, ttlDays: number): Promise<string> {
  const { secret, hash, createdAt, expiresAt } = issueSecret(now, ttlDays);
  await meta.addSession({ sessionHash: hash, planId: member.planId, memberId: member.memberId, createdAt, expiresAt });
  return secret;
}

/**
 * The member behind a Cookie header, or undefined when there is no valid session or the member was revoked.
 * Sessions live server-side, so no signing secret has to be configured (DESIGN.md §7).
 */
export function authenticate(meta: MetaStore, cookieHeader: string | undefined, now: Date): Viewer | undefined {
  const id = readCookie(cookieHeader, SESSION_COOKIE);
  if (!id) return undefined;
  const sessionHash = hashSecret(id);
  const session = meta.findSession(sessionHash, now);
  if (!session) return undefined;
  const member = meta.getMember(session.memberId);
  if (!member || member.revokedAt || member.planId !== session.planId) return undefined;
  return { sessionHash, member };
}
