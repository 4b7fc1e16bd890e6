import * as Y from 'yjs';
import { proseField, proseSections } from '../../../shared/src/schema/planSchema';
import { createRng, randomInt } from '../rng';
import { TypingAuthor } from './typingAuthor';

/** A doc's history, as the updates its editors sent, in order. */
export interface EditHistory {
  /** The keystroke updates of `editsPerChunk` keystrokes merged into one, in order. */
  chunks: Uint8Array[];
  edits: number;
  /** Characters of text in the final doc, to check that a joiner got everything. */
  textLength: number;
  /** Size of the final doc's state (`Y.encodeStateAsUpdate`). */
  stateBytes: number;
}

const AUTHORS = 5;
/** Origin of the catch-up an author gets before a burst: it is not part of the history. */
const CATCH_UP = Symbol('catch-up');

/**
 * Builds a plan's `gezamenlijk` history of `edits` keystrokes by five people taking turns (bursts of 20–200
 * keystrokes at one caret, as in real sessions), each keystroke its own transaction. Each chunk merges the
 * updates those transactions emitted (`Y.mergeUpdates`), so a chunk holds only its own structs and
 * deletions, like the messages a y-websocket client sends. Deterministic for a seed.
 */
export function buildEditHistory(edits: number, seed: number, editsPerChunk = 100): EditHistory {
  const rng = createRng(seed);
  const authors = Array.from({ length: AUTHORS }, (_, i) => {
    const doc = new Y.Doc();
    doc.clientID = 10_000 + i;
    return { typist: new TypingAuthor(doc, rng), chunksSeen: 0 };
  });
  const chunks: Uint8Array[] = [];
  // The updates since the last chunk, of every author.
  let pending: Uint8Array[] = [];
  for (const { typist } of authors) {
    typist.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== CATCH_UP) pending.push(update);
    });
  }
  let done = 0;
  while (done < edits) {
    const author = authors[randomInt(rng, AUTHORS)] as (typeof authors)[number];
    // Catch up with the others' keystrokes (re-applying one's own is a no-op): whole chunks, then the rest.
    for (const chunk of chunks.slice(author.chunksSeen)) Y.applyUpdate(author.typist.doc, chunk, CATCH_UP);
    for (const update of pending) Y.applyUpdate(author.typist.doc, update, CATCH_UP);
    author.chunksSeen = chunks.length;
    author.typist.jump();
    const burst = Math.min(edits - done, 20 + randomInt(rng, 181));
    for (let k = 0; k < burst; k += 1) {
      author.typist.keystroke();
      done += 1;
      if (done % editsPerChunk === 0 || done === edits) {
        chunks.push(Y.mergeUpdates(pending));
        pending = [];
      }
    }
  }
  const final = new Y.Doc();
  for (const chunk of chunks) Y.applyUpdate(final, chunk);
  const textLength = textLengthOf(final);
  const stateBytes = Y.encodeStateAsUpdate(final).length;
  for (const a of authors) a.typist.doc.destroy();
  final.destroy();
  return { chunks, edits, textLength, stateBytes };
}

/**
 * Characters of text in the prose sections of a `gezamenlijk` doc. Each root is asked for by name: a root
 * that arrived in an update is a plain AbstractType in `doc.share` until someone asks for it as a fragment.
 */
export function textLengthOf(doc: Y.Doc): number {
  let length = 0;
  for (const section of proseSections('gezamenlijk')) length += countText(proseField(doc, 'gezamenlijk', section.key as 'zorgen'));
  return length;
}

function countText(node: Y.XmlFragment | Y.XmlElement): number {
  let n = 0;
  for (const child of node.toArray()) {
    if (child instanceof Y.XmlText) n += child.length;
    else if (child instanceof Y.XmlElement) n += countText(child);
  }
  return n;
}
