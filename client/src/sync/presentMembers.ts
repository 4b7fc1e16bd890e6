import { isRole, type Role } from '../../../shared/src/permissions/roles';

/** One member shown in the presence bar. */
export interface PresentMember {
  readonly memberId: string;
  readonly name: string;
  readonly role: Role;
  readonly color: string;
  readonly isMe: boolean;
}

/** The `user` field the server stamps on every awareness state (DESIGN.md §5). */
interface StampedUser {
  memberId: string;
  name: string;
  role: Role;
  color: string;
}

function readUser(state: unknown): StampedUser | null {
  if (typeof state !== 'object' || state === null) return null;
  const user: unknown = (state as { user?: unknown }).user;
  if (typeof user !== 'object' || user === null) return null;
  const { memberId, name, role, color } = user as Record<string, unknown>;
  if (typeof memberId !== 'string' || typeof name !== 'string' || !isRole(role) || typeof color !== 'string') return null;
  return { memberId, name, role, color };
}

/**
 * The distinct members in the awareness states (one member may have several tabs open), the member
 * themselves first, then by name. States without a server-stamped user are skipped.
 */
export function presentMembers(states: Iterable<unknown>, myMemberId: string): PresentMember[] {
  const byId = new Map<string, PresentMember>();
  for (const state of states) {
    const user = readUser(state);
    if (!user || byId.has(user.memberId)) continue;
    byId.set(user.memberId, { ...user, isMe: user.memberId === myMemberId });
  }
  return [...byId.values()].sort((a, b) => Number(b.isMe) - Number(a.isMe) || a.name.localeCompare(b.name, 'nl'));
}

/** True when both lists show the same members the same way, in the same order. */
export function samePresentMembers(a: readonly PresentMember[], b: readonly PresentMember[]): boolean {
  return (
    a.length === b.length &&
    a.every((m, i) => {
      const o = b[i];
      return o !== undefined && m.memberId === o.memberId && m.name === o.name && m.role === o.role && m.color === o.color && m.isMe === o.isMe;
    })
  );
}
