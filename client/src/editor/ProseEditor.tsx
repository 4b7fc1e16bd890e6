import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { EditorContent, useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useEffect } from 'react';
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import type { CaretUser } from '../sync/docConnection';
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
}

/** A rich-text editor bound to one Y.XmlFragment, with the carets of everyone else in the doc. */
export function ProseEditor({ fragment, provider, user, label, describedBy, editable }: ProseEditorProps) {
  const editor = useEditor(
    {
      extensions: [
        // Yjs brings its own undo; StarterKit's would undo other people's typing.
        StarterKit.configure({ undoRedo: false }),
        Collaboration.configure({ fragment }),
        CollaborationCaret.configure({ provider, user, render: renderCaret }),
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

  return <EditorContent editor={editor} className={editable ? 'editor-frame' : 'editor-frame editor-frame--readonly'} />;
}
