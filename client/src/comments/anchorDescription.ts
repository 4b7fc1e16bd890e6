import { useCallback, useContext } from 'react';
import * as Y from 'yjs';
import { resolveTextRange, type AnchoredText } from '../../../shared/src/comments/anchorRange';
import type { ThreadPlace } from '../../../shared/src/comments/anchorPlace';
import type { ReadAnchor, VersionThreadAnchor } from '../../../shared/src/comments/threadAnchor';
import { translate } from '../../../shared/src/i18n/translate';
import { BLOCK_INFO, EIGEN_BLOCK_INFO, isBlockKey, type EigenBlockKey } from '../../../shared/src/schema/blockCatalog';
import { parseDocName } from '../../../shared/src/schema/docNames';
import { proseV2, type ProseKeyV2 } from '../../../shared/src/schema/proseV2';
import { PROFESSIONEEL_SECTION, versionSectionOwner } from '../../../shared/src/versions/versionSections';
import { blockAnchor } from '../blocks/BlockSection';
import { versionPath } from '../routes';
import type { AnyItem } from '../blocks/listBinding';
import { listWords } from '../blocks/listWords';
import { PlanDataContext, type PlanData } from '../blocks/planData';
import type { PlanMember } from '../api/types';
import { useComments } from './commentsData';
import { useDocSnapshot } from '../sync/useDocSnapshot';

/** What a thread is about, for people, and where on the page that is. */
export interface AnchorDescription {
  readonly text: string;
  /** An in-page link to the item or block; none when it is gone or not on this page. */
  readonly href: string | null;
  /** The anchored text or item is gone; the thread stays (issue #7). */
  readonly gone: boolean;
}

const QUOTE_SHOWN = 120;
/** Read when there is no doc to read (off the plan page). */
const NO_DOC = new Y.Doc();

/** The open doc a text anchor points into (the professionals' part is not among the page's docs: null). */
function anchoredDoc(anchor: ReadAnchor, data: PlanData): { doc: Y.Doc; kind: 'gezamenlijk' | 'eigen' } | null {
  if (anchor.kind !== 'text') return null;
  const parsed = parseDocName(anchor.docName);
  if (parsed?.kind === 'gezamenlijk') return { doc: data.gezamenlijk.connection.doc, kind: 'gezamenlijk' };
  if (parsed?.kind !== 'eigen') return null;
  const eigen = data.eigen.find((e) => e.member.memberId === parsed.memberId);
  return eigen ? { doc: eigen.connection.doc, kind: 'eigen' } : null;
}

/**
 * What a thread is about, kept current: a text anchor follows every edit of its field (prose changes do not
 * change the plan's snapshot, so this reads the doc itself, at most once a frame).
 */
export function useAnchorDescription(anchor: ReadAnchor, place: ThreadPlace): AnchorDescription {
  // The version page has the comments but not the plan's docs: there only version anchors have a place.
  const data = useContext(PlanDataContext);
  const comments = useComments();
  const target = data ? anchoredDoc(anchor, data) : null;
  const field = anchor.kind === 'text' ? anchor.field : '';
  const start = anchor.kind === 'text' ? anchor.start : '';
  const end = anchor.kind === 'text' ? anchor.end : '';
  const kind = target?.kind ?? 'gezamenlijk';
  const hasTarget = target !== null;
  const read = useCallback(
    (doc: Y.Doc): AnchoredText | null => (hasTarget ? resolveTextRange(doc, proseV2(doc, kind, field as ProseKeyV2<typeof kind>), start, end) : null),
    [hasTarget, kind, field, start, end],
  );
  const anchored = useDocSnapshot(target?.doc ?? data?.gezamenlijk.connection.doc ?? NO_DOC, read);
  if (data) return describeAnchor(anchor, place, data, anchored);
  if (anchor.kind === 'version' && comments) return describeVersionAnchor(anchor, comments.planId, comments.members);
  return { text: translate('opmerkingen.anker.onbekend'), href: null, gone: false };
}

/**
 * "Bij de tekst: “…”", "Tekst is verwijderd. Het ging om: “…”", "Bij zorg 2", "Bij het blok Zorgen", with the
 * owner's name for a part of someone's own doc. `anchored` is the text anchor's current state, if known.
 */
export function describeAnchor(anchor: ReadAnchor, place: ThreadPlace, data: PlanData, anchored: AnchoredText | null): AnchorDescription {
  if (anchor.kind === 'unknown') return { text: translate('opmerkingen.anker.onbekend'), href: null, gone: false };
  if (anchor.kind === 'version') return describeVersionAnchor(anchor, data.plan.planId, data.plan.members);
  const doc = parseDocName(anchor.docName);
  const eigen = doc?.kind === 'eigen' ? data.eigen.find((e) => e.member.memberId === doc.memberId) : undefined;
  const withOwner = (d: AnchorDescription): AnchorDescription =>
    eigen && eigen.member.memberId !== data.plan.me.memberId ? { ...d, text: translate('opmerkingen.anker.eigen', { wat: d.text, name: eigen.member.name }) } : d;
  const blockHref = place.kind === 'block' ? `#${blockAnchor(place.block)}` : null;

  switch (anchor.kind) {
    case 'text': {
      const found = anchored;
      if (found?.state === 'deleted') return withOwner({ text: translate('opmerkingen.anker.tekstWeg', { citaat: anchor.quote }), href: null, gone: true });
      return withOwner({ text: translate('opmerkingen.anker.tekst', { citaat: shorten(found?.text ?? anchor.quote) }), href: blockHref, gone: false });
    }
    case 'item': {
      const label = itemLabel(anchor, place, data, eigen?.snapshot.lists as Readonly<Record<string, unknown>> | undefined);
      if (!label) return withOwner({ text: translate('opmerkingen.anker.itemWeg'), href: null, gone: true });
      return withOwner({ text: translate('opmerkingen.anker.item', { item: label }), href: `#item-${anchor.itemId}`, gone: false });
    }
    case 'block': {
      const labelKey = isBlockKey(anchor.block) ? BLOCK_INFO[anchor.block].labelKey : EIGEN_BLOCK_INFO[anchor.block as EigenBlockKey]?.labelKey;
      const blok = labelKey ? translate(labelKey) : anchor.block;
      return withOwner({ text: translate('opmerkingen.anker.blok', { blok }), href: blockHref, gone: false });
    }
    default: {
      const never: never = anchor;
      return never;
    }
  }
}

/** "Bij versie 2, deel Zorgen", linking to that version's page: the same on the plan page and the version page. */
function describeVersionAnchor(anchor: VersionThreadAnchor, planId: string, members: readonly PlanMember[]): AnchorDescription {
  const deel = versionSectionTitle(anchor.blockPath[0] ?? '', members);
  return { text: translate('opmerkingen.anker.versie', { nummer: anchor.versionNumber, deel }), href: versionPath(planId, anchor.versionNumber), gone: false };
}

/** The title a version's page gives a section: the block's name, "Zo ziet … het", or the professionals' part. */
function versionSectionTitle(section: string, members: readonly PlanMember[]): string {
  if (isBlockKey(section)) return translate(BLOCK_INFO[section].labelKey);
  if (section === PROFESSIONEEL_SECTION) return translate('plan.professioneel');
  const owner = versionSectionOwner(section);
  const member = members.find((m) => m.memberId === owner);
  return translate('plan.otherView', { name: member?.name ?? translate('lid.onbekend') });
}

/** "zorg 2", "actie 1 bij doel 3": the card's own title, lower-cased inside a sentence; null when the item is gone. */
function itemLabel(anchor: Extract<ReadAnchor, { kind: 'item' }>, place: ThreadPlace, data: PlanData, eigenLists: Readonly<Record<string, unknown>> | undefined): string | null {
  const lists = (eigenLists ?? data.gezamenlijk.snapshot.lists) as Readonly<Record<string, readonly AnyItem[] | undefined>>;
  const items = lists[anchor.list] ?? [];
  const wordsKey = place.kind === 'eigen' ? place.block : anchor.list;
  if (!anchor.parent) {
    const index = items.findIndex((i) => i.id === anchor.itemId);
    return index < 0 ? null : `${translate(listWords(wordsKey).item)} ${index + 1}`;
  }
  const parentIndex = items.findIndex((i) => i.id === anchor.parent?.itemId);
  const nested = (items[parentIndex]?.[anchor.parent.field] as readonly AnyItem[] | undefined) ?? [];
  const index = nested.findIndex((i) => i.id === anchor.itemId);
  if (parentIndex < 0 || index < 0) return null;
  return `${translate(listWords(anchor.parent.field).item)} ${index + 1} · ${translate(listWords(wordsKey).item)} ${parentIndex + 1}`;
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= QUOTE_SHOWN ? flat : `${flat.slice(0, QUOTE_SHOWN - 1)}…`;
}
