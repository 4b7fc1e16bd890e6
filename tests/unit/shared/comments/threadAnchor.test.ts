import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { textRangePositions } from '../../../../shared/src/comments/anchorRange';
import { anchorPlace, placeKey } from '../../../../shared/src/comments/anchorPlace';
import { parseAnchorInput, readAnchor } from '../../../../shared/src/comments/threadAnchor';

const range = (() => {
  const text = new Y.Doc().getXmlFragment('aanleiding');
  return textRangePositions({ type: text, index: 0 }, { type: text, index: 0 });
})();

describe('thread anchors (issue #7)', () => {
  it('[N1] accepts text, item, nested item and block anchors of plan docs', () => {
    const ok = [
      { kind: 'text', docName: 'gezamenlijk', field: 'aanleiding', ...range },
      { kind: 'text', docName: 'eigen-m1', field: 'zoZieIkHet', ...range },
      { kind: 'text', docName: 'professioneel', field: 'taxatie', ...range },
      { kind: 'item', docName: 'gezamenlijk', list: 'zorgen', itemId: 'z1' },
      { kind: 'item', docName: 'gezamenlijk', list: 'doelen', itemId: 'a1', parent: { field: 'acties', itemId: 'd1' } },
      { kind: 'item', docName: 'eigen-m1', list: 'scores', itemId: 's1' },
      { kind: 'block', docName: 'gezamenlijk', block: 'goedGenoeg' },
      { kind: 'block', docName: 'eigen-m1', block: 'scores' },
    ];
    for (const anker of ok) expect(parseAnchorInput(anker), JSON.stringify(anker)).toMatchObject({ ok: true, anchor: anker });
  });

  it('[N2] refuses what is no place in the plan', () => {
    const bad: unknown[] = [
      null,
      'zorgen',
      { kind: 'text', docName: 'gezamenlijk', field: 'taxatie', ...range },
      { kind: 'text', docName: 'gezamenlijk', field: 'aanleiding', start: 'x', end: range.end },
      { kind: 'item', docName: 'opmerkingen', list: 'zorgen', itemId: 'z1' },
      { kind: 'item', docName: 'gezamenlijk', list: 'toString', itemId: 'z1' },
      { kind: 'item', docName: 'gezamenlijk', list: 'zorgen', itemId: '../z1' },
      { kind: 'item', docName: 'gezamenlijk', list: 'zorgen', itemId: 'z1', parent: { field: 'tekst', itemId: 'd1' } },
      { kind: 'block', docName: 'professioneel', block: 'taxatie' },
      { kind: 'block', docName: 'gezamenlijk', block: 'scores' },
      { kind: 'tekening', docName: 'gezamenlijk', vorm: 'cirkel' },
    ];
    for (const anker of bad) expect(parseAnchorInput(anker), JSON.stringify(anker)).toEqual({ ok: false, problem: 'opmerking.fout.anker' });
  });

  it('[N3] a stored anchor of a kind this version does not know is read as unknown and shown in the overview', () => {
    const future = { kind: 'tekening', docName: 'gezamenlijk', vorm: 'cirkel' };
    expect(readAnchor(future)).toEqual({ kind: 'unknown' });
    expect(readAnchor(null)).toEqual({ kind: 'unknown' });
    expect(anchorPlace(readAnchor(future))).toEqual({ kind: 'overzicht' });
  });

  it('[N4] each anchor has its place beside a block', () => {
    const place = (anker: Record<string, unknown>) => placeKey(anchorPlace(readAnchor({ kind: String(anker.kind), ...anker })));
    expect(place({ kind: 'text', docName: 'gezamenlijk', field: 'zorgenToelichting', start: 'a', end: 'b', quote: 'q' })).toBe('block:zorgen');
    expect(place({ kind: 'text', docName: 'gezamenlijk', field: 'gewogenOordeel', start: 'a', end: 'b', quote: 'q' })).toBe('block:veiligheidskaart');
    expect(place({ kind: 'item', docName: 'gezamenlijk', list: 'doelen', itemId: 'a1', parent: { field: 'acties', itemId: 'd1' } })).toBe('block:doelen');
    expect(place({ kind: 'item', docName: 'gezamenlijk', list: 'watWerkt', itemId: 'w1' })).toBe('block:veiligheidskaart');
    expect(place({ kind: 'item', docName: 'eigen-m1', list: 'scores', itemId: 's1' })).toBe('eigen:m1:scores');
    expect(place({ kind: 'text', docName: 'eigen-m1', field: 'zoZieIkHet', start: 'a', end: 'b', quote: 'q' })).toBe('eigen:m1:zoZieIkHet');
    expect(place({ kind: 'block', docName: 'gezamenlijk', block: 'afspraken' })).toBe('block:afspraken');
    expect(place({ kind: 'text', docName: 'professioneel', field: 'taxatie', start: 'a', end: 'b', quote: 'q' })).toBe('professioneel');
  });

  it('[N5] a version anchor (issue #8) names a version number and one section; its place is that section of that version', () => {
    const onVersion = { kind: 'version', versionNumber: 2, blockPath: ['zorgen'] };
    expect(parseAnchorInput(onVersion)).toEqual({ ok: true, anchor: onVersion, doc: null });
    for (const bad of [
      { ...onVersion, versionNumber: 0 },
      { ...onVersion, versionNumber: 1.5 },
      { ...onVersion, versionNumber: '2' },
      { ...onVersion, blockPath: [] },
      { ...onVersion, blockPath: ['zorgen', 'z1'] },
      { ...onVersion, blockPath: [''] },
      { ...onVersion, blockPath: ['x'.repeat(81)] },
    ]) {
      expect(parseAnchorInput(bad).ok, JSON.stringify(bad)).toBe(false);
    }
    expect(readAnchor(onVersion)).toEqual(onVersion);
    expect(readAnchor({ kind: 'version', versionNumber: 2 })).toEqual({ kind: 'unknown' });
    expect(placeKey(anchorPlace(readAnchor({ kind: 'version', versionNumber: 2, blockPath: ['eigen-m1'] })))).toBe('version:2:eigen-m1');
  });
});
