import { describe, expect, it } from 'vitest';
import { createSyncStatusStore } from '../../../../client/src/sync/syncStatusStore';

describe('syncStatusStore "Niet verwerkt" notices', () => {
  it('keeps a notice with text until it is dismissed', () => {
    const store = createSyncStatusStore();
    store.report({ docName: 'gezamenlijk', lines: ['mijn tekst'], reason: 'Geen toegang', reset: true });
    const [notice] = store.getSnapshot().notices;
    expect(notice).toMatchObject({ docName: 'gezamenlijk', lines: ['mijn tekst'], reason: 'Geen toegang' });
    store.dismissNotice(notice?.id ?? -1);
    expect(store.getSnapshot().notices).toEqual([]);
  });

  it('keeps no notice without text: there is nothing to copy', () => {
    const store = createSyncStatusStore();
    store.report({ docName: 'gezamenlijk', lines: [], reason: 'Geen toegang', reset: true });
    expect(store.getSnapshot().notices).toEqual([]);
  });

  it('counts 4409 closes so the page fetches the plan again', () => {
    const store = createSyncStatusStore();
    let calls = 0;
    store.subscribe(() => calls++);
    store.accessChanged();
    store.accessChanged();
    expect(store.getSnapshot().accessChanges).toBe(2);
    expect(calls).toBe(2);
  });
});
