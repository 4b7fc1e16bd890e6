import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { zorgen } from '../../../shared/src/schema/blocks/zorgenKrachten';
import { appendParagraphs } from '../../../shared/src/schema/proseText';
import { proseV2 } from '../../../shared/src/schema/proseV2';
import type { PendingRecord } from '../../../client/src/offline/localCopy';
import { UnsentTracker } from '../../../client/src/sync/unsentTracker';

const REMOTE = Symbol('provider');
const DEVICE = Symbol('indexeddb');
const lisa = { memberId: 'm1', role: 'ouder' as const, name: 'Lisa' };

/** A pending log in memory, as the device copy keeps it. */
function memoryLog() {
  const records = new Map<number, Uint8Array>();
  return {
    records,
    add: (r: PendingRecord) => void records.set(r.seq, r.update),
    remove: (seqs: readonly number[]) => seqs.forEach((s) => records.delete(s)),
  };
}

function setup() {
  const server = new Y.Doc();
  appendParagraphs(proseV2(server, 'gezamenlijk', 'aanleiding'), ['Wat de server al heeft.']);
  const doc = new Y.Doc();
  const counts: number[] = [];
  const tracker = new UnsentTracker(doc, 'gezamenlijk', (o) => (o === REMOTE ? 'remote' : o === DEVICE ? 'restored' : 'local'), (n) => counts.push(n));
  const log = memoryLog();
  tracker.restore([], log);
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(server), REMOTE);
  return { doc, tracker, counts, log };
}

const write = (doc: Y.Doc, text: string) => appendParagraphs(proseV2(doc, 'gezamenlijk', 'aanleiding'), [text]);

describe('UnsentTracker ("Niet verwerkt", "Niet opgeslagen — n wijzigingen")', () => {
  it('a change the server saved is not unsent; a rejected one is, with its text', () => {
    const { doc, tracker } = setup();
    tracker.connected();
    write(doc, 'Opgeslagen zin.');
    tracker.contentSent(1, false);
    zorgen.add(doc, lisa, { tekst: 'Mijn zorg over de avonden' });
    tracker.contentSent(2, false);
    expect(tracker.unsentLines()).toEqual(['Opgeslagen zin.', 'Mijn zorg over de avonden']);
    tracker.rejected(2);
    tracker.saved(2);
    expect(tracker.hasRejected).toBe(true);
    expect(tracker.unsentLines()).toEqual(['Mijn zorg over de avonden']);
    expect(tracker.pendingCount).toBe(0);
  });

  it('changes made offline ride on the next step 2 and count as unsent until saved', () => {
    const { doc, tracker, counts } = setup();
    tracker.connected();
    write(doc, 'Op de trein getypt.');
    tracker.contentSent(1, false);
    tracker.disconnected();
    write(doc, 'Nog een zin.');
    expect(tracker.pendingCount).toBe(2);
    expect(tracker.unsentLines()).toEqual(['Op de trein getypt.', 'Nog een zin.']);
    tracker.connected();
    tracker.contentSent(1, true);
    expect(tracker.pendingCount).toBe(2);
    tracker.saved(1);
    expect(tracker.unsentLines()).toEqual([]);
    expect(counts).toEqual([1, 2, 0]);
  });

  it('an update message right after connecting carries the new change, not the offline work waiting for step 2', () => {
    const { doc, tracker } = setup();
    write(doc, 'Offline getypt.');
    tracker.connected();
    zorgen.add(doc, lisa, { tekst: 'Getypt voor de step 2 kwam' });
    tracker.contentSent(1, false);
    tracker.saved(1);
    // The offline change still waits: only a step 2 carries it.
    expect(tracker.pendingCount).toBe(1);
    expect(tracker.unsentLines()).toContain('Offline getypt.');
    tracker.contentSent(2, true);
    tracker.saved(2);
    expect(tracker.pendingCount).toBe(0);
    expect(tracker.unsentLines()).toEqual([]);
  });

  it('writes each change to the device log and removes it once saved', () => {
    const { doc, tracker, log } = setup();
    write(doc, 'Een.');
    write(doc, 'Twee.');
    expect([...log.records.keys()]).toEqual([1, 2]);
    tracker.connected();
    tracker.contentSent(1, true);
    tracker.saved(1);
    expect(log.records.size).toBe(0);
  });

  it('after a reload the restored changes count, are not counted twice, and settle with the next step 2', () => {
    // The first page: two changes offline, then the tab is closed.
    const first = setup();
    write(first.doc, 'Voor het herladen.');
    write(first.doc, 'Nog een.');
    const kept = [...first.log.records].map(([seq, update]) => ({ seq, update }));

    // The second page: the device copy (whole doc) arrives with its own origin, then the pending records.
    const doc = new Y.Doc();
    const counts: number[] = [];
    const tracker = new UnsentTracker(doc, 'gezamenlijk', (o) => (o === REMOTE ? 'remote' : o === DEVICE ? 'restored' : 'local'), (n) => counts.push(n));
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(first.doc), DEVICE);
    const log = memoryLog();
    tracker.restore(kept, log);
    expect(tracker.pendingCount).toBe(2);
    write(doc, 'Na het herladen.');
    expect(tracker.pendingCount).toBe(3);
    // New records are numbered after the restored ones.
    expect([...log.records.keys()]).toEqual([3]);
    tracker.connected();
    tracker.contentSent(1, true);
    tracker.saved(1);
    expect(tracker.pendingCount).toBe(0);
    expect(counts).toEqual([2, 3, 0]);
  });

  it('text others wrote is never counted as ours', () => {
    const { doc, tracker } = setup();
    const other = new Y.Doc();
    write(other, 'Van iemand anders.');
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other), REMOTE);
    expect(tracker.unsentLines()).toEqual([]);
    expect(tracker.pendingCount).toBe(0);
  });
});
