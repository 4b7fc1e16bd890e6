import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { zorgen } from '../../../shared/src/schema/blocks/zorgenKrachten';
import { appendParagraphs } from '../../../shared/src/schema/proseText';
import { proseV2 } from '../../../shared/src/schema/proseV2';
import { UnsentTracker } from '../../../client/src/sync/unsentTracker';

const REMOTE = Symbol('provider');
const lisa = { memberId: 'm1', role: 'ouder' as const, name: 'Lisa' };

function setup() {
  const server = new Y.Doc();
  appendParagraphs(proseV2(server, 'gezamenlijk', 'aanleiding'), ['Wat de server al heeft.']);
  const doc = new Y.Doc();
  const tracker = new UnsentTracker(doc, 'gezamenlijk', (o) => o === REMOTE);
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(server), REMOTE);
  return { doc, tracker };
}

describe('UnsentTracker ("Niet verwerkt")', () => {
  it('a change the server saved is not unsent; a rejected one is, with its text', () => {
    const { doc, tracker } = setup();
    appendParagraphs(proseV2(doc, 'gezamenlijk', 'aanleiding'), ['Opgeslagen zin.']);
    tracker.contentSent(1, false);
    zorgen.add(doc, lisa, { tekst: 'Mijn zorg over de avonden' });
    tracker.contentSent(2, false);
    expect(tracker.unsentLines()).toEqual(['Opgeslagen zin.', 'Mijn zorg over de avonden']);
    tracker.rejected(2);
    tracker.saved(2);
    expect(tracker.hasRejected).toBe(true);
    expect(tracker.unsentLines()).toEqual(['Mijn zorg over de avonden']);
  });

  it('changes made offline ride on the next step 2 and count as unsent until saved', () => {
    const { doc, tracker } = setup();
    appendParagraphs(proseV2(doc, 'gezamenlijk', 'aanleiding'), ['Op de trein getypt.']);
    tracker.contentSent(1, false);
    tracker.disconnected();
    appendParagraphs(proseV2(doc, 'gezamenlijk', 'aanleiding'), ['Nog een zin.']);
    expect(tracker.unsentLines()).toEqual(['Op de trein getypt.', 'Nog een zin.']);
    tracker.contentSent(1, true);
    tracker.saved(1);
    expect(tracker.unsentLines()).toEqual([]);
  });

  it('text others wrote is never counted as ours', () => {
    const { doc, tracker } = setup();
    const other = new Y.Doc();
    appendParagraphs(proseV2(other, 'gezamenlijk', 'aanleiding'), ['Van iemand anders.']);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other), REMOTE);
    expect(tracker.unsentLines()).toEqual([]);
  });
});
