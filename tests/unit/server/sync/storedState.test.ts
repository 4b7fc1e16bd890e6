import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { migrateDoc } from '../../../../shared/src/schema/migrations';
import { readSchemaVersion } from '../../../../shared/src/schema/planSchema';
import { holdingsOfDoc, StoredState } from '../../../../server/src/sync/storedState';
import { createRng, randomInt, type Rng } from '../../../helpers/seededRng';

/** Typed pieces of 1, 2, 3 and 4 UTF-8 bytes per character: the index counts a string's length from its bytes. */
const PIECES = ['a', 'abcdefgh', 'café', 'één', '€ 5', '👍🏽', 'x😀y', 'ĳs'];

/** Three people typing and deleting in one text, each keystroke its own update, as a room's log holds them. */
function typedLog(rng: Rng, keystrokes: number): { doc: Y.Doc; records: Uint8Array[] } {
  const people = [new Y.Doc(), new Y.Doc(), new Y.Doc()];
  const doc = new Y.Doc();
  const records: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => records.push(update));
  for (let k = 0; k < keystrokes; k++) {
    const person = people[randomInt(rng, people.length)] as Y.Doc;
    Y.applyUpdate(person, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(person)));
    const text = person.getText('t');
    if (text.length > 5 && randomInt(rng, 3) === 0) text.delete(randomInt(rng, text.length - 3), 1 + randomInt(rng, 3));
    else text.insert(randomInt(rng, text.length + 1), PIECES[randomInt(rng, PIECES.length)] as string);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(person, Y.encodeStateVector(doc)));
  }
  return { doc, records };
}

describe('a doc as its stored bytes (a room whose Y.Doc is not built)', () => {
  it('[B1] reads the same state vector and deleted ranges as the live doc, from one compacted record or many', () => {
    const { doc, records } = typedLog(createRng(41), 300);
    const live = holdingsOfDoc(doc);
    for (const stored of [StoredState.of([Y.encodeStateAsUpdate(doc)]), StoredState.of(records), StoredState.of([Y.mergeUpdates(records.slice(0, 150)), ...records.slice(150)])]) {
      expect(stored.encodeStateVector()).toEqual(Y.encodeStateVector(doc));
      for (const [client] of doc.store.clients) {
        const end = Y.getState(doc.store, client);
        for (let clock = 0; clock <= end; clock++) {
          for (const length of [1, 2, 5]) expect(stored.isDeletedRange(client, clock, length), `${client}:${clock}+${length}`).toBe(live.isDeletedRange(client, clock, length));
        }
      }
    }
  });

  it('[B2] tells what a client lacks only when the bytes say it: everything, or only the deletions', () => {
    const { doc, records } = typedLog(createRng(42), 60);
    const stored = StoredState.of([Y.encodeStateAsUpdate(doc)]);
    expect(stored.diffFor(new Uint8Array([0]))).toBe(stored.update);
    const everything = Y.encodeStateVector(doc);
    expect(stored.diffFor(everything)).toEqual(Y.encodeStateAsUpdate(doc, everything));
    const older = new Y.Doc();
    Y.applyUpdate(older, stored.update);
    older.getText('t').insert(0, 'nieuw'); // a client ahead of the server holds everything the server has
    expect(stored.diffFor(Y.encodeStateVector(older))).toEqual(Y.encodeStateAsUpdate(doc, Y.encodeStateVector(older)));
    const early = new Y.Doc();
    Y.applyUpdate(early, records[0] as Uint8Array);
    expect(stored.diffFor(Y.encodeStateVector(early))).toBeUndefined();
    expect(StoredState.of([]).diffFor(new Uint8Array([0]))).toEqual(new Uint8Array([0, 0]));
  });

  it('[B3] reads the schema version only when exactly one value is live; otherwise leaves it to the built doc', () => {
    const versionOf = (doc: Y.Doc) => StoredState.of([Y.encodeStateAsUpdate(doc)]).schemaVersion;
    const v1 = new Y.Doc();
    v1.getMap('meta').set('schemaVersion', 1);
    v1.getText('zorgen').insert(0, 'Harde ruzie');
    expect(versionOf(v1)).toBe(1);

    // Migrated by the server: the new value follows the old one, which is deleted.
    migrateDoc(v1, 'gezamenlijk');
    expect(readSchemaVersion(v1)).toBe(2);
    expect(versionOf(v1)).toBe(2);
    v1.getMap('meta').set('schemaVersion', 3);
    expect(versionOf(v1)).toBe(3);

    // Two replicas set it at once: once integrated, one value wins and the bytes say which.
    const a = new Y.Doc();
    const b = new Y.Doc();
    a.getMap('meta').set('schemaVersion', 1);
    b.getMap('meta').set('schemaVersion', 2);
    const both = new Y.Doc();
    Y.applyUpdate(both, Y.encodeStateAsUpdate(a));
    Y.applyUpdate(both, Y.encodeStateAsUpdate(b));
    expect(versionOf(both)).toBe(readSchemaVersion(both));
    // Merged without integrating, neither is deleted: the bytes do not say it plainly.
    expect(StoredState.of([Y.encodeStateAsUpdate(a), Y.encodeStateAsUpdate(b)]).schemaVersion).toBeUndefined();

    // Never written, as readSchemaVersion reads it: 0.
    expect(StoredState.of([]).schemaVersion).toBe(0);
    const other = new Y.Doc();
    other.getMap('meta').set('iets', 2);
    other.getMap('anders').set('schemaVersion', 2);
    expect(versionOf(other)).toBe(0);
    other.getMap('meta').set('schemaVersion', 'twee');
    expect(versionOf(other)).toBe(readSchemaVersion(other));
  });

  it('[B4] an index stored beside the state reads back as the one computed from it: text of 1–4 byte characters, deletions, pending structs, schema versions', () => {
    const { doc, records } = typedLog(createRng(43), 300);
    const pendingFrom = (from: number) => Y.mergeUpdates(records.slice(from, 40)); // starts past a gap
    const skipping = Y.mergeUpdates([...records.slice(0, 10), ...records.slice(20, 40)]); // a gap in the middle
    const versioned = new Y.Doc();
    versioned.getMap('meta').set('schemaVersion', 1);
    migrateDoc(versioned, 'gezamenlijk');
    const [a, b] = [new Y.Doc(), new Y.Doc()];
    a.getMap('meta').set('schemaVersion', 1);
    b.getMap('meta').set('schemaVersion', 2);
    const unclear = Y.mergeUpdates([Y.encodeStateAsUpdate(a), Y.encodeStateAsUpdate(b)]);
    const states = [Y.encodeStateAsUpdate(doc), Y.mergeUpdates(records), pendingFrom(25), skipping, Y.encodeStateAsUpdate(versioned), unclear, Y.encodeStateAsUpdate(new Y.Doc())];
    expect(StoredState.of([unclear]).schemaVersion).toBeUndefined();
    expect(StoredState.of([Y.encodeStateAsUpdate(versioned)]).schemaVersion).toBe(2);

    for (const state of states) {
      const computed = StoredState.of([state]);
      const fromIndex = StoredState.of([state], computed.encodeIndex());
      expect(fromIndex.encodeIndex()).toEqual(computed.encodeIndex());
      expect(fromIndex.schemaVersion).toBe(computed.schemaVersion);
      expect(fromIndex.encodeStateVector()).toEqual(computed.encodeStateVector());
      const built = new Y.Doc();
      Y.applyUpdate(built, state);
      for (const sv of [new Uint8Array([0]), Y.encodeStateVector(built), Y.encodeStateVector(doc)]) expect(fromIndex.diffFor(sv)).toEqual(computed.diffFor(sv));
      for (const [client] of doc.store.clients) {
        for (let clock = 0; clock <= Y.getState(doc.store, client) + 1; clock++) {
          for (const length of [1, 3]) expect(fromIndex.isDeletedRange(client, clock, length)).toBe(computed.isDeletedRange(client, clock, length));
        }
      }
    }
  });

  it('[B4] a given index is read, not computed again; one that does not decode is ignored and the index computed', () => {
    const { doc } = typedLog(createRng(44), 80);
    const state = Y.encodeStateAsUpdate(doc);
    const computed = StoredState.of([state]);
    const good = computed.encodeIndex();
    // Another doc's index is taken as given: the store, not this class, checks that it belongs to the state.
    const other = new Y.Doc();
    other.getText('t').insert(0, 'ander');
    const foreign = StoredState.of([Y.encodeStateAsUpdate(other)]).encodeIndex();
    expect(StoredState.of([state], foreign).encodeStateVector()).toEqual(Y.encodeStateVector(other));

    // Garbled from the foreign index, so that taking one would show.
    const garbled = [
      new Uint8Array(0),
      Uint8Array.of(2, ...foreign.subarray(1)), // a format this code does not know
      Uint8Array.of(...foreign, 0), // a byte left over
      ...Array.from({ length: foreign.length - 1 }, (_, n) => foreign.subarray(0, n + 1)), // every cut
      Uint8Array.of(1, 0xff, 0xff, 0xff, 0xff, 0x0f), // a count far past the end
    ];
    for (const index of garbled) expect(StoredState.of([state], index).encodeIndex()).toEqual(good);
    // Random bytes never throw; several records merge first and their index is always computed.
    const rng = createRng(45);
    for (let i = 0; i < 500; i++) {
      const junk = Uint8Array.from({ length: 1 + randomInt(rng, 40) }, (_, k) => (k === 0 ? 1 : randomInt(rng, 256)));
      expect(() => StoredState.of([state], junk)).not.toThrow();
    }
    expect(StoredState.of([state, Y.encodeStateAsUpdate(other)], good).encodeIndex()).toEqual(StoredState.of([state, Y.encodeStateAsUpdate(other)]).encodeIndex());
  });
});
