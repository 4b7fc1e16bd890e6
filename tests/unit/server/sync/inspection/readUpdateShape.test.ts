import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { readUpdateShape } from '../../../../../server/src/sync/inspection/readUpdateShape';
import { AnchorKind, type ShapeResult, type UpdateShape } from '../../../../../server/src/sync/inspection/updateShape';
import {
  deeplyNestedElements,
  deeplyNestedJson,
  deletionOfUnknownClocks,
  forwardReferenceToOwnClient,
  itemsInACycle,
  manyStructs,
  noise,
  originAtUnknownClock,
  subdocumentUpdate,
  updateWithMissingClocks,
  v2Update,
} from '../../../../helpers/hostileFrames';
import { createEditor, randomEdit } from '../../../../helpers/randomPlanEdits';
import { createRng } from '../../../../helpers/seededRng';

const BOUNDS = { maxStructs: 100_000, maxDepth: 100 };

function shapeOf(update: Uint8Array): UpdateShape {
  const r = readUpdateShape(update, BOUNDS);
  if (!r.ok) throw new Error(`refused: ${r.fault} (${r.detail})`);
  return r.shape;
}

function faultOf(r: ShapeResult): string {
  return r.ok ? 'ok' : r.fault;
}

describe('reading an update’s shape (the inspection worker’s check)', () => {
  it('[I1] every update of seeded random plan edits, merged updates and full states pass', () => {
    const rng = createRng(20261123);
    const docs = [1, 2, 3].map((n) => {
      const d = new Y.Doc();
      d.clientID = n;
      return d;
    });
    const author = { memberId: 'm1', role: 'jeugdbeschermer', name: 'Test', at: '2026-11-23T10:00:00.000Z' } as const;
    const editors = docs.map((d, i) => createEditor(d, author, rng, ['m1', 'm2'], `w${i}`));
    const updates: Uint8Array[] = [];
    docs.forEach((d) => d.on('update', (u: Uint8Array, origin: unknown) => origin !== 'peer' && updates.push(u)));
    for (let i = 0; i < 400; i++) {
      randomEdit(editors[i % 3] as (typeof editors)[number]);
      if (i % 5 === 0) {
        const [from, to] = [docs[i % 3] as Y.Doc, docs[(i + 1) % 3] as Y.Doc];
        Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)), 'peer');
      }
    }
    for (const u of updates) shapeOf(u);
    shapeOf(Y.mergeUpdates(updates));
    for (const d of docs) shapeOf(Y.encodeStateAsUpdate(d));
    expect(updates.length).toBeGreaterThan(300);
  });

  it('[I2] names the roots written into, what it needs and ends with, and what it deletes', () => {
    const doc = new Y.Doc();
    doc.clientID = 7;
    doc.getXmlFragment('zorgen').insert(0, [new Y.XmlElement('paragraph')]);
    doc.getMap('geheim').set('a', 1);
    const sv = Y.encodeStateVector(doc);
    doc.getText('t').insert(0, 'abc');
    const full = shapeOf(Y.encodeStateAsUpdate(doc));
    expect(full.roots.sort()).toEqual(['geheim', 't', 'zorgen']);
    expect(full.ends).toEqual([7, 5]);
    expect(full.needs).toEqual([]);
    const tail = shapeOf(Y.encodeStateAsUpdate(doc, sv));
    expect(tail.needs).toEqual([7, 2]);
    const before = Y.encodeStateVector(doc);
    doc.getText('t').delete(1, 1);
    const deletion = shapeOf(Y.encodeStateAsUpdate(doc, before));
    expect(deletion.deletes).toEqual([7, 3, 1]);
  });

  it('[I3] a type nested under a type the update does not carry becomes an anchor with its depth below it', () => {
    const doc = new Y.Doc();
    doc.clientID = 9;
    const fragment = doc.getXmlFragment('aanleiding');
    const outer = new Y.XmlElement('blockquote');
    fragment.insert(0, [outer]);
    const sv = Y.encodeStateVector(doc);
    const inner = new Y.XmlElement('paragraph');
    inner.insert(0, [new Y.XmlElement('strong')]);
    outer.insert(0, [inner]);
    expect(shapeOf(Y.encodeStateAsUpdate(doc, sv)).anchors).toEqual([AnchorKind.typeItem, 9, 0, 2]);
  });

  it('[I4] refuses what the live doc must never see, each with its fault', () => {
    expect(faultOf(readUpdateShape(new Uint8Array([]), BOUNDS))).toBe('malformed');
    expect(faultOf(readUpdateShape(noise(300, 3), BOUNDS))).toBe('malformed');
    expect(faultOf(readUpdateShape(v2Update(), BOUNDS))).toBe('v2_encoding');
    expect(faultOf(readUpdateShape(forwardReferenceToOwnClient(), BOUNDS))).toBe('malformed');
    expect(faultOf(readUpdateShape(subdocumentUpdate(), BOUNDS))).toBe('subdocument');
    expect(faultOf(readUpdateShape(deeplyNestedElements(100), BOUNDS))).toBe('too_deep');
    expect(faultOf(readUpdateShape(deeplyNestedElements(99), BOUNDS))).toBe('ok');
    expect(faultOf(readUpdateShape(deeplyNestedJson(101), BOUNDS))).toBe('too_deep');
    expect(faultOf(readUpdateShape(manyStructs(100_001), BOUNDS))).toBe('too_many_structs');
    const valid = Y.encodeStateAsUpdate(new Y.Doc());
    expect(faultOf(readUpdateShape(new Uint8Array([...valid, 0]), BOUNDS))).toBe('malformed');
  });

  it('[I5] missing clocks, unknown deletions and cycles are not faults of the bytes: they show as needs', () => {
    expect(shapeOf(updateWithMissingClocks()).needs).toEqual([123456789, 1]);
    expect(shapeOf(deletionOfUnknownClocks()).needs).toEqual([987654321, 5]);
    expect(shapeOf(originAtUnknownClock()).needs).toEqual([999888777, 6]);
    // The two items point at each other and at (1, 4) in the doc: nothing is missing from the update's view.
    expect(shapeOf(itemsInACycle({ client: 1, clock: 4 })).needs).toEqual([1, 5]);
  });
});
