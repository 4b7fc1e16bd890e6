import { describe, expect, it } from 'vitest';
import {
  applySaveEvent,
  describeSaveStatus,
  initialDocSaveState,
  summarizeSaveStatus,
  type DocSaveState,
  type SaveEvent,
} from '../../../client/src/sync/saveStatus';

function run(events: readonly SaveEvent[], from: DocSaveState = initialDocSaveState): DocSaveState {
  return events.reduce(applySaveEvent, from);
}

const connectedAndSynced: SaveEvent[] = [
  { kind: 'connected' },
  { kind: 'contentSent', n: 1, step2: true },
  { kind: 'synced' },
  { kind: 'saved', n: 1 },
];

describe('save status', () => {
  it('is "Verbinden…" (offline) before any doc connected', () => {
    expect(summarizeSaveStatus([])).toEqual({ kind: 'offline', unsaved: false, neverConnected: true });
    expect(describeSaveStatus(summarizeSaveStatus([initialDocSaveState]))).toEqual({ state: 'offline', text: 'Verbinden…' });
  });

  it('says saved only when connected, synced and every sent message is covered by saved', () => {
    const doc = run(connectedAndSynced);
    expect(summarizeSaveStatus([doc])).toEqual({ kind: 'saved' });
    expect(describeSaveStatus({ kind: 'saved' })).toEqual({ state: 'saved', text: 'Opgeslagen' });
  });

  it('is loading while connected but not synced', () => {
    const doc = run([{ kind: 'connected' }]);
    expect(summarizeSaveStatus([doc])).toEqual({ kind: 'saving', loading: true });
  });

  it('is saving while a sent update is not yet covered by saved', () => {
    const doc = run([...connectedAndSynced, { kind: 'contentSent', n: 2, step2: false }, { kind: 'contentSent', n: 3, step2: false }]);
    expect(summarizeSaveStatus([doc]).kind).toBe('saving');
    expect(summarizeSaveStatus([run([{ kind: 'saved', n: 2 }], doc)]).kind).toBe('saving');
    expect(summarizeSaveStatus([run([{ kind: 'saved', n: 3 }], doc)]).kind).toBe('saved');
    expect(describeSaveStatus({ kind: 'saving', loading: false }).text).toBe('Bezig met opslaan…');
  });

  it('never lets an older saved lower the watermark', () => {
    const doc = run([...connectedAndSynced, { kind: 'contentSent', n: 2, step2: false }, { kind: 'saved', n: 2 }, { kind: 'saved', n: 1 }]);
    expect(doc.saved).toBe(2);
  });

  it('is offline when one of several docs lost its socket', () => {
    const a = run(connectedAndSynced);
    const b = run([...connectedAndSynced, { kind: 'disconnected', code: 1006 }]);
    expect(summarizeSaveStatus([a, b])).toEqual({ kind: 'offline', unsaved: false, neverConnected: false });
    expect(describeSaveStatus(summarizeSaveStatus([a, b]))).toEqual({ state: 'offline', text: 'Offline' });
  });

  it('keeps a change sent but not acknowledged before the drop as waiting', () => {
    const doc = run([...connectedAndSynced, { kind: 'contentSent', n: 2, step2: false }, { kind: 'disconnected', code: null }]);
    expect(doc.waitingLocal).toBe(true);
    expect(describeSaveStatus(summarizeSaveStatus([doc]))).toEqual({ state: 'offline', text: 'Offline — niet opgeslagen' });
  });

  it('clears offline changes only when the reconnect’s sync step 2 is covered by saved', () => {
    const offline = run([...connectedAndSynced, { kind: 'disconnected', code: 1006 }, { kind: 'localChangeNotSent' }]);
    expect(summarizeSaveStatus([offline])).toEqual({ kind: 'offline', unsaved: true, neverConnected: false });

    // The reconnect restarts numbering; a `saved` for an earlier message must not clear the flag.
    const reconnected = run([{ kind: 'connected' }, { kind: 'synced' }, { kind: 'contentSent', n: 1, step2: false }], offline);
    const step2 = run([{ kind: 'contentSent', n: 2, step2: true }], reconnected);
    expect(step2.coverAt).toBe(2);
    expect(summarizeSaveStatus([run([{ kind: 'saved', n: 1 }], step2)]).kind).toBe('saving');

    const covered = run([{ kind: 'saved', n: 2 }], step2);
    expect(covered.waitingLocal).toBe(false);
    expect(summarizeSaveStatus([covered]).kind).toBe('saved');
  });

  it('keeps offline changes waiting when the reconnect drops before its step 2 was saved', () => {
    const offline = run([...connectedAndSynced, { kind: 'disconnected', code: 1006 }, { kind: 'localChangeNotSent' }]);
    const dropped = run([{ kind: 'connected' }, { kind: 'contentSent', n: 1, step2: true }, { kind: 'disconnected', code: 1006 }], offline);
    expect(dropped.waitingLocal).toBe(true);
    expect(dropped.coverAt).toBeNull();
    const again = run([{ kind: 'connected' }, { kind: 'contentSent', n: 1, step2: true }, { kind: 'synced' }, { kind: 'saved', n: 1 }], dropped);
    expect(summarizeSaveStatus([again]).kind).toBe('saved');
  });

  it('resets the numbering on every connection', () => {
    const doc = run([...connectedAndSynced, { kind: 'contentSent', n: 5, step2: false }, { kind: 'saved', n: 5 }, { kind: 'disconnected', code: 1006 }, { kind: 'connected' }]);
    expect(doc.sent).toBe(0);
    expect(doc.saved).toBe(0);
    expect(doc.lastClose).toBeNull();
  });

  it('remembers a rejection until dismissed, and the close code until the next connection', () => {
    const doc = run([...connectedAndSynced, { kind: 'rejected', n: 1, reason: 'Nee.' }, { kind: 'disconnected', code: 4409 }]);
    expect(doc.rejection).toEqual({ n: 1, reason: 'Nee.' });
    expect(doc.lastClose).toBe(4409);
    expect(run([{ kind: 'dismissRejection' }], doc).rejection).toBeNull();
  });

  it('ignores a synced event that arrives after the socket closed', () => {
    const doc = run([{ kind: 'connected' }, { kind: 'disconnected', code: null }, { kind: 'synced' }]);
    expect(doc.synced).toBe(false);
  });
});
