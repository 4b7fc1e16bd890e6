const WORD_JOINER = '\u2060';

/**
 * The caret of another member: a bar in their role colour with their name in a label.
 * The invisible word joiners around the label keep Chrome from putting typed text into the caret
 * when the local cursor sits right next to it (the same trick as y-prosemirror's default caret).
 */
export function renderCaret(user: Record<string, unknown>): HTMLElement {
  const color = typeof user.color === 'string' ? user.color : 'transparent';
  const caret = document.createElement('span');
  caret.classList.add('collaboration-carets__caret');
  caret.style.borderColor = color;
  // The caret lives inside the textbox; screen readers should read the text, not the names on it.
  caret.setAttribute('aria-hidden', 'true');
  const label = document.createElement('span');
  label.classList.add('collaboration-carets__label');
  label.style.backgroundColor = color;
  label.textContent = typeof user.name === 'string' ? user.name : '';
  caret.append(document.createTextNode(WORD_JOINER), label, document.createTextNode(WORD_JOINER));
  return caret;
}
