import { newId } from '../../../shared/src/ids';
import type { AgeBand, Role } from '../../../shared/src/permissions/roles';
import { InvitationGone } from '../errors';
import type { MemberRecord } from '../storage/records';
import type { MetaStore } from '../storage/Store';
import { hashSecret, issueSecret } from './secrets';

/** The path of the page that accepts an invitation; the token rides in the fragment, so it never reaches a server log. */
export function invitationUrl(origin: string, token: string): string {
  return `${origin}/uitnodiging#${token}`;
}

/** Adds a member to a plan and creates their single-use, expiring invitation; returns the secret token. */
export async function inviteMember(
  meta: MetaStore,
  input: { planId: string; role: Role; name: string; ageBand?: AgeBand },
  now: Date,
  ttlDays: number,
): Promise<{ member: MemberRecord; token: string }> {
  const member: MemberRecord = {
    memberId: newId(),
    planId: input.planId,
    role: input.role,
    name: input.name,
    ...(input.ageBand ? { ageBand: input.ageBand } : {}),
    createdAt: now.toISOString(),
  };
  await meta.addMember(member);
  const token = await createInvitation(meta, member, now, ttlDays);
  return { member, token };
}

/** A new invitation for an existing member. */
export async function createInvitation(meta: MetaStore, member: MemberRecord, now: Date, ttlDays: number): Promise<string> {
  const { secret, hash, createdAt, expiresAt } = issueSecret(now, ttlDays);
  await meta.addInvitation({ tokenHash: hash, planId: member.planId, memberId: member.memberId, createdAt, expiresAt });
  return secret;
}

/** Uses an invitation once; throws `InvitationGone` when it is unknown, used, expired, revoked or its member is. */
export async function acceptInvitation(meta: MetaStore, token: string, now: Date): Promise<MemberRecord> {
  if (!/^[A-Za-z0-9_-]{16,128}$/.test(token)) throw new InvitationGone('malformed token');
  const invitation = await meta.consumeInvitation(hashSecret(token), now);
  if (!invitation) throw new InvitationGone('invitation not usable');
  const member = meta.getMember(invitation.memberId);
  if (!member || member.revokedAt) throw new InvitationGone('member revoked');
  return member;
}
