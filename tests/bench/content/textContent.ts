import * as Y from 'yjs';
import { createRng } from '../rng';
import { textLengthOf } from './editHistory';
import { TypingAuthor } from './typingAuthor';

/**
 * About `bytes` characters of text in a `gezamenlijk` doc, typed by three people in turns (see TypingAuthor),
 * as one update: the content of every doc in the idle-memory scenario.
 */
export function buildTextContent(bytes: number, seed: number): Uint8Array {
  const rng = createRng(seed);
  const doc = new Y.Doc();
  const authors = [0, 1, 2].map((i) => {
    const d = new Y.Doc();
    d.clientID = 20_000 + i;
    return new TypingAuthor(d, rng);
  });
  let turn = 0;
  while (textLengthOf(doc) < bytes) {
    const author = authors[turn % authors.length] as TypingAuthor;
    turn += 1;
    Y.applyUpdate(author.doc, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(author.doc)));
    author.jump();
    for (let k = 0; k < 500; k += 1) author.keystroke();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(author.doc, Y.encodeStateVector(doc)));
  }
  const update = Y.encodeStateAsUpdate(doc);
  for (const a of authors) a.doc.destroy();
  doc.destroy();
  return update;
}
