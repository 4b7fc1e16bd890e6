import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { decodeAnchorPosition, resolveTextRange, textRangePositions } from '../../../../shared/src/comments/anchorRange';
import { docPair } from '../schema/schemaFixtures';

/** A fragment with one paragraph per string, as Tiptap lays it out. */
function paragraphs(doc: Y.Doc, texts: readonly string[]): Y.XmlText[] {
  const fragment = doc.getXmlFragment('aanleiding');
  const out = texts.map((t) => new Y.XmlText(t));
  fragment.insert(0, out.map(() => new Y.XmlElement('paragraph')));
  out.forEach((t, i) => (fragment.get(i) as Y.XmlElement).insert(0, [t]));
  return out;
}

describe('text anchors as relative positions (issue #7)', () => {
  it('[P1] a range over two paragraphs reads as two lines', () => {
    const doc = new Y.Doc();
    const [t1, t2] = paragraphs(doc, ['Eerste alinea', 'Tweede alinea']);
    const range = textRangePositions({ type: t1!, index: 7 }, { type: t2!, index: 6 });
    expect(resolveTextRange(doc, doc.getXmlFragment('aanleiding'), range.start, range.end)).toEqual({ state: 'live', text: 'alinea\nTweede' });
  });

  it('[P2] text typed right at either edge stays outside; text typed inside belongs to it', () => {
    const { a, b, sync } = docPair();
    const [t] = paragraphs(a, ['Eén. Twee. Drie.']);
    sync();
    const range = textRangePositions({ type: t!, index: 5 }, { type: t!, index: 10 });
    t!.insert(5, 'A ');
    ((b.getXmlFragment('aanleiding').get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(10, ' B');
    sync();
    for (const doc of [a, b]) expect(resolveTextRange(doc, doc.getXmlFragment('aanleiding'), range.start, range.end)).toEqual({ state: 'live', text: 'Twee.' });
    t!.insert(t!.toString().indexOf('wee'), 'x');
    expect(resolveTextRange(a, a.getXmlFragment('aanleiding'), range.start, range.end)).toEqual({ state: 'live', text: 'Txwee.' });
  });

  it('[P3] deleted text, a deleted paragraph and a reversed range read as deleted', () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment('aanleiding');
    const [t1, t2] = paragraphs(doc, ['Eerste alinea', 'Tweede alinea']);
    const inFirst = textRangePositions({ type: t1!, index: 0 }, { type: t1!, index: 6 });
    const reversed = textRangePositions({ type: t2!, index: 6 }, { type: t1!, index: 7 });
    expect(resolveTextRange(doc, fragment, reversed.start, reversed.end)).toEqual({ state: 'deleted' });
    t1!.delete(0, 6);
    expect(resolveTextRange(doc, fragment, inFirst.start, inFirst.end)).toEqual({ state: 'deleted' });
    const second = textRangePositions({ type: t2!, index: 0 }, { type: t2!, index: 6 });
    fragment.delete(1, 1);
    expect(resolveTextRange(doc, fragment, second.start, second.end)).toEqual({ state: 'deleted' });
  });

  it('[P4] a range in another field, or a string that is no position, does not resolve', () => {
    const doc = new Y.Doc();
    const [t] = paragraphs(doc, ['Tekst']);
    const range = textRangePositions({ type: t!, index: 0 }, { type: t!, index: 5 });
    expect(resolveTextRange(doc, doc.getXmlFragment('gewogenOordeel'), range.start, range.end)).toEqual({ state: 'deleted' });
    expect(decodeAnchorPosition('')).toBeNull();
    expect(decodeAnchorPosition('%%%')).toBeNull();
  });
});
