import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { MessageType, SyncMessageType } from '../../shared/src/protocol/messageTypes';
import { proseV2 } from '../../shared/src/schema/proseV2';

/**
 * Frames and updates a hostile client could send (issue #9), built byte by byte where Yjs would never write
 * them. Each says what makes it hostile; the tests assert what the server does with it.
 */

/** A sync message (type 0) of a subtype with a payload, as y-protocols writes it. */
export function syncFrame(subtype: number, payload: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.sync);
  encoding.writeVarUint(e, subtype);
  encoding.writeVarUint8Array(e, payload);
  return encoding.toUint8Array(e);
}

/** A sync update frame (type 0, subtype 2). */
export function updateFrame(update: Uint8Array): Uint8Array {
  return syncFrame(SyncMessageType.update, update);
}

/** An awareness frame (type 1) with one raw state string for a clientID. */
export function awarenessFrame(clientId: number, clock: number, json: string): Uint8Array {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, 1);
  encoding.writeVarUint(inner, clientId);
  encoding.writeVarUint(inner, clock);
  encoding.writeVarString(inner, json);
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.awareness);
  encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
  return encoding.toUint8Array(e);
}

/** Random bytes from a fixed seed, so a failure can be replayed. */
export function noise(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

/** A fresh doc with a fixed clientID, so hand-made structs never collide with a real client. */
function ghostDoc(clientID: number): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  return doc;
}

/** An update in Yjs's v2 encoding, which the protocol (v1) does not carry. */
export function v2Update(): Uint8Array {
  const d = ghostDoc(424242);
  proseV2(d, 'gezamenlijk', 'aanleiding').insert(0, [new Y.XmlElement('paragraph')]);
  return Y.encodeStateAsUpdateV2(d);
}

/** The second of two edits, without the first it builds on: clocks the server has never seen. */
export function updateWithMissingClocks(): Uint8Array {
  const ghost = ghostDoc(123456789);
  const text = proseV2(ghost, 'gezamenlijk', 'aanleiding');
  text.insert(0, [new Y.XmlElement('paragraph')]);
  const sv = Y.encodeStateVector(ghost);
  text.insert(1, [new Y.XmlElement('paragraph')]);
  return Y.encodeStateAsUpdate(ghost, sv);
}

/** Written by hand: a new item placed after clock 5 of a client nobody has heard of. */
export function originAtUnknownClock(): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint(e, 6); // client 6, a fresh one
  encoding.writeVarUint(e, 0);
  encoding.writeUint8(e, 0x80 | 4); // has origin, string content
  encoding.writeVarUint(e, 999888777);
  encoding.writeVarUint(e, 5); // origin: clock 5 of an unknown client
  encoding.writeVarString(e, 'x');
  encoding.writeVarUint(e, 0);
  return encoding.toUint8Array(e);
}

/** Written by hand: no structs, and a deletion of clocks 0–4 of a client nobody has heard of. */
export function deletionOfUnknownClocks(): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0); // no structs
  encoding.writeVarUint(e, 1); // one client in the delete set
  encoding.writeVarUint(e, 987654321);
  encoding.writeVarUint(e, 1); // one range
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, 5);
  return encoding.toUint8Array(e);
}

/** Written by hand: an item whose origin is a later clock of its own client (Yjs would throw halfway). */
export function forwardReferenceToOwnClient(): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1); // one client
  encoding.writeVarUint(e, 1); // one struct
  encoding.writeVarUint(e, 5); // client 5
  encoding.writeVarUint(e, 0); // from clock 0
  encoding.writeUint8(e, 0x80 | 4); // has origin, string content
  encoding.writeVarUint(e, 5);
  encoding.writeVarUint(e, 3); // origin (5, 3): later than itself
  encoding.writeVarString(e, 'x');
  encoding.writeVarUint(e, 0); // empty delete set
  return encoding.toUint8Array(e);
}

/** Written by hand: `count` GC structs of a fresh client, the cheapest struct there is. */
export function manyStructs(count: number): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint(e, count);
  encoding.writeVarUint(e, 777000777);
  encoding.writeVarUint(e, 0);
  for (let i = 0; i < count; i++) {
    encoding.writeUint8(e, 0);
    encoding.writeVarUint(e, 1);
  }
  encoding.writeVarUint(e, 0);
  return encoding.toUint8Array(e);
}

/**
 * Written by hand: `count` items of a fresh client in one chain (each one's origin is the one before it),
 * under the root `root`. Valid, and as costly to check per byte as an update gets.
 */
export function longItemChain(count: number, root: string): Uint8Array {
  const client = 555000555;
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint(e, count);
  encoding.writeVarUint(e, client);
  encoding.writeVarUint(e, 0);
  encoding.writeUint8(e, 4); // string content, parent given
  encoding.writeVarUint(e, 1); // parent is a root …
  encoding.writeVarString(e, root); // … by this name
  encoding.writeVarString(e, 'x');
  for (let clock = 1; clock < count; clock++) {
    encoding.writeUint8(e, 0x80 | 4);
    encoding.writeVarUint(e, client);
    encoding.writeVarUint(e, clock - 1);
    encoding.writeVarString(e, 'x');
  }
  encoding.writeVarUint(e, 0);
  return encoding.toUint8Array(e);
}

/** A subdocument in the plan's `meta` map: Gezinsplan has none, and each would be a Y.Doc in server memory. */
export function subdocumentUpdate(): Uint8Array {
  const d = ghostDoc(313131);
  d.getMap('meta').set('sub', new Y.Doc());
  return Y.encodeStateAsUpdate(d);
}

/** `depth` elements nested in each other in the field `aanleiding`: the innermost is at type depth `depth + 1`. */
export function deeplyNestedElements(depth: number): Uint8Array {
  const d = ghostDoc(717171);
  let inner = new Y.XmlElement('paragraph');
  for (let i = 1; i < depth; i++) {
    const outer = new Y.XmlElement('blockquote');
    outer.insert(0, [inner]);
    inner = outer;
  }
  proseV2(d, 'gezamenlijk', 'aanleiding').insert(0, [inner]);
  return Y.encodeStateAsUpdate(d);
}

/** A JSON value nested `depth` deep as a value in `meta`. */
export function deeplyNestedJson(depth: number): Uint8Array {
  const d = ghostDoc(727272);
  let value: unknown = 'kern';
  for (let i = 0; i < depth; i++) value = { in: value };
  d.getMap('meta').set('diep', value);
  return Y.encodeStateAsUpdate(d);
}

/** A new paragraph of `bytes` letters in `aanleiding`, from a fresh client: valid, needs nothing, and large. */
export function largeParagraph(bytes: number): Uint8Array {
  const d = ghostDoc(737373);
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [new Y.XmlText('a'.repeat(bytes))]);
  proseV2(d, 'gezamenlijk', 'aanleiding').insert(0, [p]);
  return Y.encodeStateAsUpdate(d);
}

/**
 * Written by hand: two items of two fresh clients, each placed just before the other (right origins
 * pointing at each other), both after an item `origin` that the doc holds. Nothing is missing, yet Yjs can
 * place neither: it would hold both in memory for ever.
 */
export function itemsInACycle(origin: { client: number; clock: number }): Uint8Array {
  const e = encoding.createEncoder();
  const a = 661000661;
  const b = 662000662;
  encoding.writeVarUint(e, 2);
  for (const [own, other] of [
    [b, a],
    [a, b],
  ] as const) {
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint(e, own);
    encoding.writeVarUint(e, 0);
    encoding.writeUint8(e, 0x80 | 0x40 | 4); // origin, right origin, string
    encoding.writeVarUint(e, origin.client);
    encoding.writeVarUint(e, origin.clock);
    encoding.writeVarUint(e, other);
    encoding.writeVarUint(e, 0);
    encoding.writeVarString(e, 'y');
  }
  encoding.writeVarUint(e, 0);
  return encoding.toUint8Array(e);
}

/** An update writing new structs under `clientID` (another member's), continuing from the doc's state. */
export function updateInTheNameOf(clientID: number, state: Uint8Array): Uint8Array {
  const forged = new Y.Doc();
  Y.applyUpdate(forged, state);
  // Only now: Yjs would pick a new clientID on seeing its own in a remote update.
  forged.clientID = clientID;
  const before = Y.encodeStateVector(forged);
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [new Y.XmlText('niet van mij')]);
  const fragment = proseV2(forged, 'gezamenlijk', 'aanleiding');
  fragment.insert(fragment.length, [p]);
  return Y.encodeStateAsUpdate(forged, before);
}
