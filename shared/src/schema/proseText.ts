import * as Y from 'yjs';

/**
 * Plain paragraphs ↔ the Tiptap/ProseMirror layout inside a Y.XmlFragment
 * (one `paragraph` element per paragraph, its text in a Y.XmlText).
 */
export function appendParagraphs(fragment: Y.XmlFragment, paragraphs: readonly string[]): void {
  const nodes = paragraphs.map((text) => {
    const p = new Y.XmlElement('paragraph');
    if (text.length > 0) p.insert(0, [new Y.XmlText(text)]);
    return p;
  });
  fragment.insert(fragment.length, nodes);
}

/** The plain text of a rich-text field, one line per block. */
export function fragmentText(fragment: Y.XmlFragment): string {
  const lines: string[] = [];
  for (const node of fragment.toArray()) {
    if (node instanceof Y.XmlElement) lines.push(elementText(node));
    else if (node instanceof Y.XmlText) lines.push(node.toString());
  }
  return lines.join('\n');
}

function elementText(el: Y.XmlElement): string {
  return el
    .toArray()
    .map((child) => (child instanceof Y.XmlText ? xmlTextPlain(child) : child instanceof Y.XmlElement ? elementText(child) : ''))
    .join('');
}

/** The characters of one Y.XmlText without its formatting (bold, italic …). */
export function xmlTextPlain(text: Y.XmlText): string {
  return text
    .toDelta()
    .map((op: { insert?: unknown }) => (typeof op.insert === 'string' ? op.insert : ''))
    .join('');
}
