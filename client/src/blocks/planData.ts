import { createContext, useContext } from 'react';
import type { Author } from '../../../shared/src/schema/items';
import type { MemberRef } from '../../../shared/src/schema/eigenViews';
import type { Warning } from '../../../shared/src/schema/validation';
import type { PlanMember, PlanView } from '../api/types';
import type { CaretUser, DocConnection } from '../sync/docConnection';
import type { EigenSnapshot, GezamenlijkSnapshot } from './planSnapshot';

/** One open doc and what this member may do in it. */
export interface DocHandle {
  readonly connection: DocConnection;
  /** May write, and the doc has synced once (a first keystroke never lands on a doc still loading). */
  readonly editable: boolean;
  /** Why the member may only read; null when they may write. */
  readonly readOnlyReason: string | null;
  /** Stamped on every write into this doc (with "namens" in someone else's own doc). */
  readonly author: Author;
}

/** A member's own doc, read. */
export interface EigenDocData extends DocHandle {
  readonly member: PlanMember;
  readonly snapshot: EigenSnapshot;
}

/** Everything the blocks of the plan page read, kept current by the page. */
export interface PlanData {
  readonly plan: PlanView;
  readonly user: CaretUser;
  /** `loaded`: synced with the server once; before that the doc is empty and its block order unknown. */
  readonly gezamenlijk: DocHandle & { readonly snapshot: GezamenlijkSnapshot; readonly loaded: boolean };
  /** Every own doc the member can read, the member's own first. */
  readonly eigen: readonly EigenDocData[];
  readonly warnings: readonly Warning[];
  /** "Now" for "te laat"; refreshed by the page. */
  readonly now: Date;
}

export const PlanDataContext = createContext<PlanData | null>(null);

/** The plan page's data; a block outside a plan page is a programming error. */
export function usePlanData(): PlanData {
  const data = useContext(PlanDataContext);
  if (!data) throw new Error('usePlanData outside PlanDataContext');
  return data;
}

/** A member as the shared views (`eigenViews.ts`) need them. */
export function memberRef(m: PlanMember): MemberRef {
  return { memberId: m.memberId, role: m.role, name: m.name };
}
