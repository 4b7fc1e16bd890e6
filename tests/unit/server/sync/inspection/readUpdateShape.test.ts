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
  it('[I6] a mutant the fuzzer found (seed unknown, 2026-11-23): refused as malformed, without decoding it as v2, which ran out of memory', () => {
    expect(faultOf(readUpdateShape(bytesOfHex(V2_DECODE_RUNS_AWAY), BOUNDS))).toBe('malformed');
  });
});

/**
 * 651 bytes of a plan edit, damaged: the v1 read fails at an object value of type 0, and decoding the bytes
 * as v2 (to name the fault) made values without end until the heap was full.
 */
const V2_DECODE_RUNS_AWAY =
  '0116eb07c60987eb078807012800eb07c60902696401770c66322d31302d70796a7639762800eb07c6090763726561746564' +
  '017604086d656d626572496477066d2d66757a7a04726f6c65770f6a65756764626573636865726d6572046e616d65770446' +
  '757a7a0261747718323032362d31312d32335431303a30303a30302e3030305a2800eb07c609077570646174656401760408' +
  '6d656d626572496477066d2d66757a7a04726f6c65770f6a65756764626573636865726d6572046e616d65770446757a7a02' +
  '61747718323032362d31312d32335431303a30303a30302e3030305a2800eb07c60908766f6c676f726465017c3f00000027' +
  '00eb07c6090574656b7374020400eb07cb091577696a6b7465616d20c3a9c3a96e207665696c69672800eb07c6090776656e' +
  '73746572017d022800eb07c609117665696c69676865696473646f656c4964017e2700eb07c6090c686f655a69656e576548' +
  '6574020400eb07e10904727573742700eb07c60909766f6c686f7564656e022800eb07c6090673746174757301770b766f6c' +
  '6765686f7564656e2700eb07c60906626577696a73002800eb07c6090c62656861616c6453696e647301770a323032362d31' +
  '302d30340700eb07e809012800eb07ea0902696401770c66322d31312d7279676d30372800eb07ea09076372656174656401' +
  '7604086d656d6265305a2800eb078d0b0775706461746564017604086d656d626572496477066d2d66757a7a04726f6c6577' +
  '0f6a65756764626573636865726d6572046e616d65770446757a7a0261747718323032362d31312d32335431303a30303a30' +
  '302e3030305a2800eb078d0b08766f6c676f726465017d012700eb078d0b0574656b7374020400eb07920b0620c3a9c3a96e' +
  '00';

function bytesOfHex(hex: string): Uint8Array {
  return Uint8Array.from(hex.match(/../g) ?? [], (pair) => parseInt(pair, 16));
}
