import { useCallback, useLayoutEffect, useRef } from 'react';
import { mapSelection, rebaseLocalEdit } from './textSync';

interface SharedTextInputProps {
  readonly id: string;
  /** The field's text as last read from the doc. */
  readonly value: string;
  readonly multiline: boolean;
  readonly editable: boolean;
  readonly describedBy?: string;
  /** The field's text straight from the doc now (null when the item is gone). */
  readonly readCurrent: () => string | null;
  /** Writes the whole new text; the accessor stores only the difference (per character, like prose). */
  readonly onWrite: (text: string) => void;
}

type TextElement = HTMLInputElement | HTMLTextAreaElement;

/**
 * An <input> or <textarea> bound to a text field that others may be typing in at the same time (issue #5:
 * "co-edit live like prose"). The element is uncontrolled: a remote change is applied to it directly with
 * the caret moved along, and a keystroke that lands on text which changed meanwhile is rebased onto it,
 * so neither person's typing is lost. While an input method composes a word, remote text waits.
 * Every keystroke is written to the doc at once, so the doc always holds this person's own typing; what
 * the element lacks is only what others wrote.
 */
export function SharedTextInput({ id, value, multiline, editable, describedBy, readCurrent, onWrite }: SharedTextInputProps) {
  const ref = useRef<TextElement | null>(null);
  /** The text the element and the doc last agreed on. */
  const synced = useRef(value);
  const composing = useRef(false);
  const readRef = useRef(readCurrent);
  readRef.current = readCurrent;

  const catchUp = useCallback((next: string) => {
    const el = ref.current;
    if (!el || composing.current) return;
    if (el.value !== next) {
      const focused = el.ownerDocument.activeElement === el;
      const selection = focused ? mapSelection(el.value, next, { start: el.selectionStart ?? 0, end: el.selectionEnd ?? 0 }) : null;
      el.value = next;
      if (selection) el.setSelectionRange(selection.start, selection.end);
    }
    synced.current = next;
  }, []);

  // `value` may lag behind the doc (the page redraws at most once a frame, at low priority) and must then
  // not undo this person's newest keystrokes: it only says "something changed"; the text comes fresh.
  useLayoutEffect(() => catchUp(readRef.current() ?? value), [value, catchUp]);

  const commit = useCallback(() => {
    const el = ref.current;
    if (!el) return;
    const current = readCurrent();
    if (current === null) return;
    if (current === synced.current) {
      synced.current = el.value;
      onWrite(el.value);
      return;
    }
    // Someone else's edit reached the doc before this element showed it.
    if (composing.current) return;
    const { text, caret } = rebaseLocalEdit(synced.current, el.value, current);
    el.value = text;
    el.setSelectionRange(caret, caret);
    synced.current = text;
    onWrite(text);
  }, [readCurrent, onWrite]);

  const common = {
    id,
    defaultValue: value,
    readOnly: !editable,
    'aria-describedby': describedBy || undefined,
    onChange: commit,
    onCompositionStart: () => {
      composing.current = true;
    },
    onCompositionEnd: () => {
      composing.current = false;
      commit();
    },
    spellCheck: true,
  };
  if (multiline) {
    return <textarea ref={(el) => void (ref.current = el)} className="text-input text-input--multi" rows={2} {...common} />;
  }
  return <input ref={(el) => void (ref.current = el)} type="text" className="text-input" {...common} />;
}
