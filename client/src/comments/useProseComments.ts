import { useMemo } from 'react';
import { anchorPlace, placeKey } from '../../../shared/src/comments/anchorPlace';
import { translate } from '../../../shared/src/i18n/translate';
import { parseDocName } from '../../../shared/src/schema/docNames';
import type { HighlightRange, SelectedRange } from '../editor/commentHighlights';
import { useComments } from './commentsData';

/** What a prose editor needs for comments: the ranges to mark, and how to start a thread on the selection. */
export interface ProseComments {
  readonly highlights: readonly HighlightRange[];
  /** Absent when the member may not start a thread. */
  readonly onComment?: (range: SelectedRange) => void;
}

const QUOTE_IN_FORM = 200;

/** The comments of one prose field (`docName` + its prose key) for its editor (issue #7). */
export function useProseComments(docName: string, field: string): ProseComments | undefined {
  const comments = useComments();
  const visible = comments?.visible;
  const highlights = useMemo(
    () =>
      (visible ?? []).flatMap((t): HighlightRange[] =>
        t.anchor.kind === 'text' && t.anchor.docName === docName && t.anchor.field === field
          ? [{ threadId: t.draad.id, start: t.anchor.start, end: t.anchor.end, intern: t.intern, resolved: t.draad.status === 'opgelost' }]
          : [],
      ),
    [visible, docName, field],
  );
  const present = comments !== null;
  const mayStart = comments ? comments.mayStart.iedereen || comments.mayStart.professionals : false;
  const startDraft = comments?.startDraft;
  return useMemo(() => {
    if (!present) return undefined;
    if (!mayStart || !startDraft) return { highlights };
    const internOnly = parseDocName(docName)?.kind === 'professioneel';
    const onComment = (range: SelectedRange) => {
      const anchor = { kind: 'text' as const, docName, field, start: range.start, end: range.end };
      const quote = range.text.length > QUOTE_IN_FORM ? `${range.text.slice(0, QUOTE_IN_FORM - 1)}…` : range.text;
      startDraft({ anchor, placeKey: placeKey(anchorPlace({ ...anchor, quote })), label: translate('opmerkingen.anker.tekst', { citaat: quote }), internOnly });
    };
    return { highlights, onComment };
  }, [present, highlights, mayStart, startDraft, docName, field]);
}
