import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import type { DocKind } from '../../../../shared/src/schema/docNames';
import type { FieldSpecs, ItemInput } from '../../../../shared/src/schema/fields';
import { InvalidData } from '../../../../shared/src/schema/invalid';
import type { ListAccessor } from '../../../../shared/src/schema/lists';
import { LISTS_V2 } from '../../../../shared/src/schema/registryV2';
import { zorgen } from '../../../../shared/src/schema/blocks/zorgenKrachten';
import { docPair, lisa, sanne, stampOf, truus } from './schemaFixtures';

/** A patch that changes one field of any item type: its first text field, else its first date field. */
function samplePatch(spec: FieldSpecs, text: string): Record<string, unknown> {
  for (const [name, field] of Object.entries(spec)) if (field.kind === 'text') return { [name]: text };
  const day = `2026-12-0${['eerste', 'tweede', 'gewijzigd'].indexOf(text) + 1}`;
  for (const [name, field] of Object.entries(spec)) if (field.kind === 'value' && field.check(day)) return { [name]: day };
  throw new Error('no sample field');
}

const allLists = (Object.keys(LISTS_V2) as DocKind[]).flatMap((kind) =>
  Object.entries(LISTS_V2[kind] as Record<string, ListAccessor<FieldSpecs>>).map(([key, list]) => ({ kind, key, list })),
);

describe('typed list accessors: every list of schema v2', () => {
  it.each(allLists)('[B1] $kind.$key: add, read back, update, move, remove — with attribution', ({ list }) => {
    const doc = new Y.Doc();
    const a = list.add(doc, sanne, samplePatch(list.spec, 'eerste') as ItemInput<FieldSpecs>);
    const b = list.add(doc, sanne, samplePatch(list.spec, 'tweede') as ItemInput<FieldSpecs>);
    const c = list.add(doc, sanne);
    expect(list.read(doc).map((i) => i.id)).toEqual([a, b, c]);
    const first = list.get(doc, a);
    expect(first?.created).toEqual(stampOf(sanne));
    expect(first?.updated).toEqual(stampOf(sanne));
    expect(first).toMatchObject(samplePatch(list.spec, 'eerste'));

    expect(list.update(doc, lisa, a, samplePatch(list.spec, 'gewijzigd') as never)).toBe(true);
    expect(list.get(doc, a)).toMatchObject({ ...samplePatch(list.spec, 'gewijzigd'), created: stampOf(sanne), updated: stampOf(lisa) });

    expect(list.move(doc, c, 0)).toBe(true);
    expect(list.read(doc).map((i) => i.id)).toEqual([c, a, b]);
    expect(list.move(doc, c, 99)).toBe(true);
    expect(list.read(doc).map((i) => i.id)).toEqual([a, b, c]);

    expect(list.remove(doc, b)).toBe(true);
    expect(list.read(doc).map((i) => i.id)).toEqual([a, c]);
    expect(list.remove(doc, b)).toBe(false);
    expect(list.update(doc, lisa, b, {} as never)).toBe(false);
    expect(list.move(doc, b, 0)).toBe(false);
  });
});

describe('list engine behaviour', () => {
  it('[B2] a new item starts with empty fields: text "", values their fallback', () => {
    const doc = new Y.Doc();
    const id = zorgen.add(doc, sanne);
    expect(zorgen.get(doc, id)).toMatchObject({ tekst: '', type: 'gevaar', wie: '', kinderen: [], soort: 'observatie', bron: '' });
  });

  it('[B3] add at an index, and many moves between the same neighbours keep a strict order', () => {
    const doc = new Y.Doc();
    const ids = ['a', 'b', 'c'].map((t) => zorgen.add(doc, sanne, { tekst: t }));
    const x = zorgen.add(doc, sanne, { tekst: 'x' }, { index: 1 });
    expect(zorgen.read(doc).map((z) => z.tekst)).toEqual(['a', 'x', 'b', 'c']);
    // 80 halvings exhaust a double's precision: the engine must renumber instead of producing ties.
    for (let i = 0; i < 80; i++) zorgen.move(doc, ids[i % 2 === 0 ? 2 : 0] as string, 1);
    expect(new Set(zorgen.read(doc).map((z) => z.tekst)).size).toBe(4);
    expect(zorgen.read(doc)).toHaveLength(4);
    void x;
  });

  it('[B4] a wrong value is refused at write time with the field name; nothing at all is written', () => {
    const doc = new Y.Doc();
    const id = zorgen.add(doc, sanne, { tekst: 'a' });
    expect(() => zorgen.update(doc, lisa, id, { type: 'onzin' as never })).toThrow(InvalidData);
    let updates = 0;
    doc.on('update', () => updates++);
    expect(() => zorgen.add(doc, lisa, { tekst: 'geldig', soort: 'gerucht' as never })).toThrow(/soort/);
    expect(() => zorgen.update(doc, lisa, id, { tekst: 'geldig', soort: 'gerucht' as never })).toThrow(/soort/);
    // Yjs has no rollback: a refused write must not have written its valid fields first.
    expect(updates).toBe(0);
    expect(zorgen.read(doc).map((z) => z.tekst)).toEqual(['a']);
    expect(zorgen.get(doc, id)?.type).toBe('gevaar');
    expect(zorgen.get(doc, id)?.updated).toEqual(stampOf(sanne));
  });

  it('[B5] an update that changes nothing writes nothing and keeps `updated`', () => {
    const doc = new Y.Doc();
    const id = zorgen.add(doc, sanne, { tekst: 'a', kinderen: ['p1'] });
    let updates = 0;
    doc.on('update', () => updates++);
    zorgen.update(doc, lisa, id, { tekst: 'a', kinderen: ['p1'] });
    expect(updates).toBe(0);
    expect(zorgen.get(doc, id)?.updated).toEqual(stampOf(sanne));
  });

  it('[B6] two people typing in the same text field merge per character', () => {
    const { a, b, sync } = docPair();
    const id = zorgen.add(a, sanne, { tekst: 'Er is ruzie in de avond.' });
    sync();
    zorgen.update(a, sanne, id, { tekst: 'Er is vaak ruzie in de avond.' });
    zorgen.update(b, lisa, id, { tekst: 'Er is ruzie in de avond, zegt school.' });
    sync();
    expect(zorgen.get(a, id)?.tekst).toBe('Er is vaak ruzie in de avond, zegt school.');
    expect(zorgen.read(a)).toEqual(zorgen.read(b));
  });

  it('[B7] a move and a concurrent edit of the same item both survive; no duplicate', () => {
    const { a, b, sync } = docPair();
    const ids = ['een', 'twee', 'drie'].map((t) => zorgen.add(a, sanne, { tekst: t }));
    sync();
    zorgen.move(a, ids[2] as string, 0);
    zorgen.update(b, truus, ids[2] as string, { bron: 'oma' });
    zorgen.move(b, ids[2] as string, 1);
    sync();
    const read = zorgen.read(a);
    expect(read).toEqual(zorgen.read(b));
    expect(read).toHaveLength(3);
    expect(read.find((z) => z.id === ids[2])?.bron).toBe('oma');
  });

  it('[B8] an emoji edited at its boundary never leaves half a surrogate pair', () => {
    const { a, b, sync } = docPair();
    const id = zorgen.add(a, sanne, { tekst: 'ok 😀' });
    sync();
    zorgen.update(a, sanne, id, { tekst: 'ok 😁' });
    zorgen.update(b, lisa, id, { tekst: 'ok 😀!' });
    sync();
    const text = zorgen.get(a, id)?.tekst ?? '';
    expect(text).toBe(zorgen.get(b, id)?.tekst);
    expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text)).toBe(false);
  });

  it('[B9] a malformed item written by some client is skipped on read, the rest still reads', () => {
    const doc = new Y.Doc();
    zorgen.add(doc, sanne, { tekst: 'goed' });
    const id = zorgen.add(doc, sanne, { tekst: 'kapot type' });
    // Below the typed surface on purpose: what an old or hostile client could write.
    const arr = doc.share.get('zorgItems') as Y.Array<Y.Map<unknown>>;
    arr.push([new Y.Map()]);
    arr.toArray().find((m) => m.get('id') === id)?.set('type', 42);
    expect(zorgen.read(doc).map((z) => [z.tekst, z.type])).toEqual([
      ['goed', 'gevaar'],
      ['kapot type', 'gevaar'],
    ]);
  });
});
