import * as Y from 'yjs';
import { proseField } from '../../../shared/src/schema/planSchema';
import { randomInt } from '../rng';

const LETTERS = 'abcdefghijklmnopqrstuvwxyz ';

/** The paragraph text each client types into, found once per doc (walking the fragment on every edit would cost). */
const targets = new WeakMap<Y.Doc, Y.XmlText>();

/**
 * One small edit, as a person typing: 1–3 characters inserted at a random place of a paragraph in the
 * `zorgen` section (a Y.XmlFragment of `paragraph` elements, as Tiptap writes it). The first edit of a doc
 * starts its own paragraph at the end. The same code drives both servers: the reference accepts any doc.
 */
export function typeEdit(doc: Y.Doc, rng: () => number): void {
  const chars = 1 + randomInt(rng, 3);
  let insert = '';
  for (let i = 0; i < chars; i += 1) insert += LETTERS[randomInt(rng, LETTERS.length)];
  // One transaction, so one edit is one update message even when it starts the paragraph.
  doc.transact(() => {
    let text = targets.get(doc);
    if (!text || text._item?.deleted) text = startParagraph(doc);
    text.insert(randomInt(rng, text.length + 1), insert);
  });
}

function startParagraph(doc: Y.Doc): Y.XmlText {
  const fragment = proseField(doc, 'gezamenlijk', 'zorgen');
  const text = new Y.XmlText('');
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [text]);
  fragment.insert(fragment.length, [paragraph]);
  targets.set(doc, text);
  return text;
}
