import type { Role } from '../../../shared/src/permissions/roles';
import type { Attribution, Author } from '../../../shared/src/schema/items';
import { formatInstantDay } from '../fields/formatDate';

/** The signed-in member, as every write stamps them. */
export interface Writer {
  readonly memberId: string;
  readonly role: Role;
  readonly name: string;
}

/**
 * The author of a write into the doc of `owner` (null for `gezamenlijk`). Writing in someone else's own
 * doc — the jeugdbeschermer for a child under 12 (issue #5) — is marked "namens" that member, so every item
 * shows who typed it and for whom.
 *
 * @example authorFor(sanne, { memberId: 'm6', name: 'Mila' }) // { …sanne, namens: { memberId: 'm6', name: 'Mila' } }
 */
export function authorFor(me: Writer, owner: { readonly memberId: string; readonly name: string } | null): Author {
  const base = { memberId: me.memberId, role: me.role, name: me.name };
  if (!owner || owner.memberId === me.memberId) return base;
  return { ...base, namens: { memberId: owner.memberId, name: owner.name } };
}

/**
 * True when "Gewijzigd door …" says more than "Ingevuld door …": someone else changed the item, or its
 * writer came back on another day. Typing on in a new item is no change worth a line.
 */
export function wasChanged(created: Attribution, updated: Attribution): boolean {
  return updated.memberId !== created.memberId || formatInstantDay(updated.at) !== formatInstantDay(created.at);
}
