import { createContext, useContext } from 'react';
import type { ThreadPlace } from '../../../shared/src/comments/anchorPlace';
import type { CommentChannel } from '../../../shared/src/comments/channel';
import type { AnchorInput, ReadAnchor } from '../../../shared/src/comments/threadAnchor';
import type { ThreadFilter, UnreadCounts } from '../../../shared/src/comments/threadViews';
import type { PlanRights } from '../../../shared/src/permissions/member';
import type { Draad } from '../../../shared/src/schema/blocks/opmerkingen';
import type { PlanMe, PlanMember } from '../api/types';

/** One thread as the page shows it: its channel, the thread, its anchor read, and where it goes on the page. */
export interface ThreadEntry {
  readonly intern: boolean;
  readonly channel: CommentChannel;
  readonly draad: Draad;
  readonly anchor: ReadAnchor;
  readonly place: ThreadPlace;
  readonly placeKey: string;
}

/** A new thread being written: its anchor, the place whose column shows the form, and what it is about. */
export interface CommentDraft {
  readonly anchor: AnchorInput;
  readonly placeKey: string;
  /** For people: "Bij de tekst: “…”", "Bij zorg 2". */
  readonly label: string;
  /** A thread on the professionals' part is always "alleen professionals". */
  readonly internOnly: boolean;
}

/** Everything the comment parts of the page read and do, kept by `CommentsProvider`. */
export interface CommentsData {
  readonly planId: string;
  readonly me: PlanMe;
  readonly members: readonly PlanMember[];
  readonly rights: PlanRights;
  /** Every thread the member can read, in both channels. */
  readonly threads: readonly ThreadEntry[];
  /** The threads that pass the filter, by place key. */
  readonly byPlace: ReadonlyMap<string, readonly ThreadEntry[]>;
  readonly visible: readonly ThreadEntry[];
  readonly filter: ThreadFilter;
  setFilter(filter: ThreadFilter): void;
  readonly marks: Readonly<Record<string, string>>;
  markRead(threads: readonly ThreadEntry[]): void;
  readonly unread: UnreadCounts;
  /** Whether the member may start a thread in each channel (`can`). */
  readonly mayStart: Readonly<Record<CommentChannel, boolean>>;
  readonly draft: CommentDraft | null;
  startDraft(draft: CommentDraft): void;
  endDraft(): void;
}

export const CommentsContext = createContext<CommentsData | null>(null);

/** The comments of the plan page; null outside it (the parts then show nothing). */
export function useComments(): CommentsData | null {
  return useContext(CommentsContext);
}
