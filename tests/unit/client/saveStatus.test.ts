import { describe, expect, it } from 'vitest';
import {
  applySaveEvent,
  describeSaveStatus,
  initialDocSaveState,
  summarizeSaveStatus,
  unsavedChanges,
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
    expect(summarizeSaveStatus([])).toEqual({ kind: 'offline', unsaved: 0, neverConnected: true });
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
    expect(summarizeSaveStatus([a, b])).toEqual({ kind: 'offline', unsaved: 0, neverConnected: false });
    expect(describeSaveStatus(summarizeSaveStatus([a, b]))).toEqual({ state: 'offline', text: 'Offline' });
  });

  it('counts unsaved changes offline: "Offline. Niet opgeslagen — 3 wijzigingen", singular for one', () => {
    const offline = run([...connectedAndSynced, { kind: 'disconnected', code: 1006 }, { kind: 'unsaved', count: 3 }]);
    expect(summarizeSaveStatus([offline])).toEqual({ kind: 'offline', unsaved: 3, neverConnected: false });
    expect(describeSaveStatus(summarizeSaveStatus([offline]))).toEqual({ state: 'offline', text: 'Offline. Niet opgeslagen — 3 wijzigingen' });
    const one = run([{ kind: 'unsaved', count: 1 }], offline);
    expect(describeSaveStatus(summarizeSaveStatus([one])).text).toBe('Offline. Niet opgeslagen — 1 wijziging');
  });

  it('adds up the unsaved changes of all docs, also of docs restored from the device before any connection', () => {
    const restored = run([{ kind: 'unsaved', count: 2 }]);
    const other = run([...connectedAndSynced, { kind: 'unsaved', count: 5 }]);
    expect(unsavedChanges([restored, other])).toBe(7);
    expect(summarizeSaveStatus([restored, other])).toEqual({ kind: 'offline', unsaved: 7, neverConnected: false });
    expect(summarizeSaveStatus([restored])).toEqual({ kind: 'offline', unsaved: 2, neverConnected: true });
  });

  it('is saving while connected with unsaved changes, and saved once the tracker counts none', () => {
    const doc = run([...connectedAndSynced, { kind: 'unsaved', count: 2 }]);
    expect(summarizeSaveStatus([doc])).toEqual({ kind: 'saving', loading: false });
    expect(summarizeSaveStatus([run([{ kind: 'unsaved', count: 0 }], doc)])).toEqual({ kind: 'saved' });
  });

  it('says "Offline" instead of "Verbinden…" once a first attempt failed', () => {
    const failed = run([{ kind: 'disconnected', code: 1006 }]);
    expect(describeSaveStatus(summarizeSaveStatus([failed]))).toEqual({ state: 'offline', text: 'Offline' });
  });

  it('remembers whether a doc is nearly full', () => {
    const doc = run([{ kind: 'size', nearlyFull: true }]);
    expect(doc.nearlyFull).toBe(true);
    expect(run([{ kind: 'size', nearlyFull: false }], doc).nearlyFull).toBe(false);
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
