import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import type { Editor } from '@tiptap/core';
import { EditorContent, useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useEffect, useState } from 'react';
import { translate } from '../../../shared/src/i18n/translate';
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import type { ProseComments } from '../comments/useProseComments';
import type { CaretUser } from '../sync/docConnection';
import { CommentHighlights, selectedRange, showHighlights, type SelectedRange } from './commentHighlights';
import { renderCaret } from './renderCaret';

interface ProseEditorProps {
  fragment: Y.XmlFragment;
  provider: WebsocketProvider;
  user: CaretUser;
  /** The section heading; screen readers announce the editor by it. */
  label: string;
  /** Ids of the hint and read-only note under the heading; empty for none. */
  describedBy: string;
  editable: boolean;
  /** Comment threads on this field (issue #7): marked in the text, and a button to comment on a selection. */
  comments?: ProseComments | undefined;
}

/** A rich-text editor bound to one Y.XmlFragment, with the carets of everyone else in the doc. */
export function ProseEditor({ fragment, provider, user, label, describedBy, editable, comments }: ProseEditorProps) {
  const editor = useEditor(
    {
      extensions: [
        // Yjs brings its own undo; StarterKit's would undo other people's typing.
        StarterKit.configure({ undoRedo: false }),
        Collaboration.configure({ fragment }),
        CollaborationCaret.configure({ provider, user, render: renderCaret }),
        CommentHighlights,
      ],
      editable,
      editorProps: {
        attributes: {
          class: 'prose-editor',
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-label': label,
          'aria-readonly': editable ? 'false' : 'true',
          ...(describedBy ? { 'aria-describedby': describedBy } : {}),
        },
      },
    },
    [fragment, provider],
  );

  useEffect(() => {
    if (editor && editor.isEditable !== editable) editor.setEditable(editable);
  }, [editor, editable]);

  const highlights = comments?.highlights;
  useEffect(() => {
    if (editor && highlights) showHighlights(editor, highlights);
  }, [editor, highlights]);

  // One shape whether or not the button shows, so the editor's DOM is never remounted when it appears.
  return (
    <>
      <EditorContent editor={editor} className={editable ? 'editor-frame' : 'editor-frame editor-frame--readonly'} />
      {comments?.onComment && editor && <SelectionCommentButton editor={editor} onComment={comments.onComment} />}
    </>
  );
}

/**
 * "Opmerking bij geselecteerde tekst" under the editor: also in a read-only field, where a parent reacts to
 * what others wrote. Without a selection it says what to do instead of doing nothing.
 */
function SelectionCommentButton({ editor, onComment }: { editor: Editor; onComment: (range: SelectedRange) => void }) {
  const [hasSelection, setHasSelection] = useState(false);
  const [hint, setHint] = useState(false);
  useEffect(() => {
    const update = () => {
      setHasSelection(!editor.state.selection.empty);
      setHint(false);
    };
    editor.on('selectionUpdate', update);
    return () => {
      editor.off('selectionUpdate', update);
    };
  }, [editor]);
  const start = () => {
    const range = selectedRange(editor);
    if (range) onComment(range);
    else setHint(true);
  };
  return (
    <p className="comment-select">
      <button
        type="button"
        className={hasSelection ? 'link-button comment-start' : 'link-button comment-start comment-start--idle'}
        // Keep the editor's selection: the click must not move it.
        onMouseDown={(e) => e.preventDefault()}
        onClick={start}
      >
        {translate('opmerkingen.selectie.knop')}
      </button>
      <span className="muted small" role="status">
        {hint ? ` ${translate('opmerkingen.selectie.uitleg')}` : ''}
      </span>
    </p>
  );
}
