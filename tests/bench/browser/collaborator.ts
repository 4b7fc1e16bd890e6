import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { proseField } from '../../../shared/src/schema/planSchema';
import type { LoadClient } from '../load/loadClient';
import { randomInt } from '../rng';

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** A collaborator's own paragraph and awareness, kept per client. */
interface Typist {
  text: Y.XmlText;
  awareness: awarenessProtocol.Awareness;
}

/**
 * Simulated people typing in the `zorgen` section next to the browser user: each has a paragraph of their own
 * at the end of the section, types at its end (a word, a space, a word …), and shows their caret there
 * through awareness, as the Tiptap client does, so the browser draws ten named carets while it takes the
 * updates. The server stamps the `user` field; the caret is a pair of relative positions.
 */
export class Collaborators {
  private readonly typists = new Map<LoadClient, Typist>();

  /** One keystroke of this client; usable as `runEdits`' `edit`. */
  keystroke = (client: LoadClient, rng: () => number): void => {
    const typist = this.typists.get(client) ?? this.start(client);
    const { text } = typist;
    const char = rng() < 0.18 ? ' ' : (LETTERS[randomInt(rng, LETTERS.length)] as string);
    client.doc.transact(() => text.insert(text.length, char));
    const at = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, text.length));
    typist.awareness.setLocalStateField('cursor', { anchor: at, head: at });
    client.sendAwareness(awarenessProtocol.encodeAwarenessUpdate(typist.awareness, [client.doc.clientID]));
  };

  /** Stops the awareness timers. */
  destroy(): void {
    for (const { awareness } of this.typists.values()) awareness.destroy();
    this.typists.clear();
  }

  private start(client: LoadClient): Typist {
    const fragment = proseField(client.doc, 'gezamenlijk', 'zorgen');
    const paragraph = new Y.XmlElement('paragraph');
    const text = new Y.XmlText('');
    paragraph.insert(0, [text]);
    client.doc.transact(() => fragment.insert(fragment.length, [paragraph]));
    const awareness = new awarenessProtocol.Awareness(client.doc);
    const typist = { text, awareness };
    this.typists.set(client, typist);
    return typist;
  }
}
