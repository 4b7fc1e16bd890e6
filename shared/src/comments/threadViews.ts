import type { Role } from '../permissions/roles';
import type { Draad, Reactie } from '../schema/blocks/opmerkingen';

/**
 * Views of comment threads for people (issue #7): by party, open or resolved, on one's own words; and what is
 * new since one last read a thread (the count in the plan header). Pure: client and tests use the same rules.
 */

/** The parties a thread list can be filtered by. */
export const PARTIES = ['ouders', 'jeugdige', 'netwerk', 'professionals'] as const;
export type Party = (typeof PARTIES)[number];

/** The party a role speaks for. */
export function partyOf(role: Role): Party {
  switch (role) {
    case 'ouder':
      return 'ouders';
    case 'jeugdige':
      return 'jeugdige';
    case 'netwerk':
      return 'netwerk';
    default:
      return 'professionals';
  }
}

/** A thread as the page lists it: which channel it is in, and the thread itself. */
export interface ChannelThread {
  /** True for a thread in `opmerkingen-intern` ("alleen professionals"). */
  readonly intern: boolean;
  readonly draad: Draad;
}

/** The filters of the comments overview. */
export interface ThreadFilter {
  /** Threads in which this party reacted (the starter counts); 'alle' for every thread. */
  readonly party: Party | 'alle';
  readonly status: 'open' | 'opgelost' | 'alle';
  /** Only threads about the viewer's own words: items they entered, their own part of the plan. */
  readonly mijnTekst: boolean;
}

export const NO_FILTER: ThreadFilter = { party: 'alle', status: 'alle', mijnTekst: false };

/**
 * True when a thread passes the filter for the viewer `me`.
 *
 * @example matchesFilter(thread, { party: 'ouders', status: 'open', mijnTekst: false }, 'm1')
 */
export function matchesFilter(thread: ChannelThread, filter: ThreadFilter, me: string): boolean {
  const { draad } = thread;
  if (filter.status !== 'alle' && draad.status !== filter.status) return false;
  if (filter.mijnTekst && !draad.over.includes(me)) return false;
  if (filter.party !== 'alle') {
    const parties = [draad.created, ...draad.reacties.map((r) => r.created)].map((a) => partyOf(a.role));
    if (!parties.includes(filter.party)) return false;
  }
  return true;
}

/** When a reaction last changed for a reader: written, or edited. */
function activityAt(r: Reactie): string {
  return r.bewerktOp ?? r.created.at;
}

/** Reactions by others, not deleted, written or edited after `mark` (every one when there is no mark). */
function newReactions(draad: Draad, mark: string | undefined, me: string): Reactie[] {
  return draad.reacties.filter((r) => r.created.memberId !== me && r.verwijderdOp === null && (mark === undefined || activityAt(r) > mark));
}

/** True when someone else wrote in the thread since the viewer last read it. */
export function isUnread(draad: Draad, mark: string | undefined, me: string): boolean {
  return newReactions(draad, mark, me).length > 0;
}

/** True when a reaction the viewer has not read mentions them. */
export function hasUnreadMention(draad: Draad, mark: string | undefined, me: string): boolean {
  return newReactions(draad, mark, me).some((r) => r.vermeldingen.includes(me));
}

/** The mark to store when the viewer has read a thread: its latest activity (undefined for a thread without any). */
export function readMarkOf(draad: Draad): string | undefined {
  return draad.reacties.map(activityAt).sort().at(-1);
}

/** The header's numbers: threads with something new, and of those, unread reactions that mention the viewer. */
export interface UnreadCounts {
  readonly threads: number;
  readonly mentions: number;
}

/**
 * Counts what is new for the viewer. `marks` holds, per thread id, the latest activity they had read.
 *
 * @example unreadCounts(threads, { t1: '2026-11-20T10:00:00.000Z' }, 'm1') // { threads: 2, mentions: 1 }
 */
export function unreadCounts(threads: readonly ChannelThread[], marks: Readonly<Record<string, string>>, me: string): UnreadCounts {
  let unread = 0;
  let mentions = 0;
  for (const { draad } of threads) {
    const fresh = newReactions(draad, marks[draad.id], me);
    if (fresh.length > 0) unread += 1;
    mentions += fresh.filter((r) => r.vermeldingen.includes(me)).length;
  }
  return { threads: unread, mentions };
}
