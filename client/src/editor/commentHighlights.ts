import { Extension, type Editor } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { absolutePositionToRelativePosition, relativePositionToAbsolutePosition, ySyncPluginKey } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { resolvePosition, textRangePositions, type ProseType } from '../../../shared/src/comments/anchorRange';

/** One commented range to mark in the editor (issue #7). */
export interface HighlightRange {
  readonly threadId: string;
  readonly start: string;
  readonly end: string;
  readonly intern: boolean;
  readonly resolved: boolean;
}

/** A selection turned into a text anchor: its stored positions and the selected text. */
export interface SelectedRange {
  readonly start: string;
  readonly end: string;
  readonly text: string;
}

const key = new PluginKey<readonly HighlightRange[]>('commentHighlights');

interface SyncState {
  readonly doc: Y.Doc;
  readonly type: Y.XmlFragment;
  readonly binding: { readonly mapping: Map<unknown, unknown> } | null;
}

function syncState(state: EditorState): SyncState | null {
  const sync = ySyncPluginKey.getState(state) as SyncState | undefined;
  return sync?.binding ? sync : null;
}

/**
 * Marks the text of each open thread in the editor, following the text as others edit: the ranges are Yjs
 * relative positions, turned into editor positions through the collaboration binding on every redraw.
 */
export const CommentHighlights = Extension.create({
  name: 'commentHighlights',
  addProseMirrorPlugins() {
    return [
      new Plugin<readonly HighlightRange[]>({
        key,
        state: {
          init: () => [],
          apply: (tr, previous) => (tr.getMeta(key) as readonly HighlightRange[] | undefined) ?? previous,
        },
        props: { decorations: decorationsOf },
      }),
    ];
  },
});

function decorationsOf(state: EditorState): DecorationSet {
  const ranges = key.getState(state) ?? [];
  const sync = ranges.length > 0 ? syncState(state) : null;
  if (!sync?.binding) return DecorationSet.empty;
  const toPos = (encoded: string) => {
    const at = resolvePosition(sync.doc, sync.type, encoded);
    // Handed over in the "type + index" form: y-tiptap drops an item-based position at the very start of a field
    // as misresolved, which the first word of a thread's range can be.
    return at ? relativePositionToAbsolutePosition(sync.doc, sync.type, Y.createRelativePositionFromTypeIndex(at.type, at.index, -1), sync.binding?.mapping as never) : null;
  };
  const decorations = ranges.flatMap((r) => {
    const from = toPos(r.start);
    const to = toPos(r.end);
    if (from === null || to === null || from >= to || to > state.doc.content.size) return [];
    const className = ['comment-anchor', r.intern ? 'comment-anchor--intern' : '', r.resolved ? 'comment-anchor--resolved' : ''].filter(Boolean).join(' ');
    return [Decoration.inline(from, to, { class: className, 'data-thread-id': r.threadId })];
  });
  return DecorationSet.create(state.doc, decorations);
}

/** Shows these ranges in the editor (replacing the ones shown before). */
export function showHighlights(editor: Editor, ranges: readonly HighlightRange[]): void {
  if (editor.isDestroyed) return;
  editor.view.dispatch(editor.state.tr.setMeta(key, ranges).setMeta('addToHistory', false));
}

/**
 * The editor's current selection as a text anchor, or null for an empty selection. The start sticks to the first
 * selected character and the end to the last (`textRangePositions`).
 */
export function selectedRange(editor: Editor): SelectedRange | null {
  const { from, to, empty } = editor.state.selection;
  const sync = syncState(editor.state);
  if (empty || !sync?.binding) return null;
  const text = editor.state.doc.textBetween(from, to, '\n').trim();
  if (text === '') return null;
  const at = (pos: number) => {
    const relative = absolutePositionToRelativePosition(pos, sync.type, sync.binding?.mapping as never) as Y.RelativePosition;
    const absolute = Y.createAbsolutePositionFromRelativePosition(relative, sync.doc);
    return absolute ? { type: absolute.type as ProseType, index: absolute.index } : null;
  };
  const start = at(from);
  const end = at(to);
  if (!start || !end) return null;
  return { ...textRangePositions(start, end), text };
}
