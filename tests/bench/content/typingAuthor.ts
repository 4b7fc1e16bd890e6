import * as Y from 'yjs';
import { proseField, proseSections } from '../../../shared/src/schema/planSchema';
import { randomInt } from '../rng';

const WORDS = ['de', 'het', 'een', 'school', 'moeder', 'vader', 'afspraak', 'zorg', 'veilig', 'thuis', 'week', 'gesprek', 'plan', 'kind', 'goed', 'slapen', 'netwerk', 'oma', 'hulp', 'doel'];

/** A word and a space, from a small Dutch vocabulary: text that compresses and encodes like real notes. */
export function randomWord(rng: () => number): string {
  return `${WORDS[randomInt(rng, WORDS.length)]} `;
}

/**
 * Writes into a `gezamenlijk` doc the way a person does in a Tiptap editor: each call types one keystroke as
 * its own transaction (a character, now and then a backspace or a new paragraph) at a caret that moves on.
 * Used to build the content of the idle and cold-join scenarios with a realistic Yjs structure: runs of
 * typed characters merge, backspaces leave deletions, and paragraphs are separate elements.
 */
export class TypingAuthor {
  private text: Y.XmlText | undefined;
  private caret = 0;
  private pending = '';

  constructor(
    readonly doc: Y.Doc,
    private readonly rng: () => number,
  ) {}

  /** Moves the caret to a random place of a random paragraph in a random section (or starts one). */
  jump(): void {
    const sections = proseSections('gezamenlijk');
    const key = sections[randomInt(this.rng, sections.length)]?.key ?? 'zorgen';
    const fragment = proseField(this.doc, 'gezamenlijk', key as 'zorgen');
    const paragraphs = fragment.toArray().filter((n): n is Y.XmlElement => n instanceof Y.XmlElement);
    const paragraph = paragraphs.length > 0 && this.rng() < 0.8 ? paragraphs[randomInt(this.rng, paragraphs.length)] : undefined;
    const text = paragraph?.get(0);
    if (text instanceof Y.XmlText) {
      this.text = text;
      this.caret = randomInt(this.rng, text.length + 1);
    } else {
      this.doc.transact(() => {
        this.text = appendParagraph(fragment, fragment.length);
      });
      this.caret = 0;
    }
  }

  /** One keystroke: 90% a character, 8% a backspace, 2% Enter (a new paragraph after this one). */
  keystroke(): void {
    if (!this.text || this.text._item?.deleted) this.jump();
    const text = this.text as Y.XmlText;
    const roll = this.rng();
    if (roll < 0.08 && this.caret > 0) {
      this.doc.transact(() => text.delete(this.caret - 1, 1));
      this.caret -= 1;
    } else if (roll < 0.1) {
      const paragraph = text.parent as Y.XmlElement;
      const fragment = paragraph.parent as Y.XmlFragment;
      const index = fragment.toArray().indexOf(paragraph);
      this.doc.transact(() => {
        this.text = appendParagraph(fragment, index + 1);
      });
      this.caret = 0;
    } else {
      if (this.pending.length === 0) this.pending = randomWord(this.rng);
      const char = this.pending[0] as string;
      this.pending = this.pending.slice(1);
      this.doc.transact(() => text.insert(Math.min(this.caret, text.length), char));
      this.caret += 1;
    }
  }
}

function appendParagraph(fragment: Y.XmlFragment, index: number): Y.XmlText {
  const paragraph = new Y.XmlElement('paragraph');
  const text = new Y.XmlText('');
  paragraph.insert(0, [text]);
  fragment.insert(index, [paragraph]);
  return text;
}
