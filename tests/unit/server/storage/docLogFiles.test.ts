import { describe, expect, it } from 'vitest';
import { docNamesIn, judgeGenerations, type DocFileListing } from '../../../../server/src/storage/embedded/docLogFiles';

const files = { logName: (g: number) => `plan.${g}.log`, indexName: (g: number) => `plan.${g}.index`, pointerName: 'plan.generation' };
const listing = (over: Partial<DocFileListing>): DocFileListing => ({ generations: [], indexes: [], temps: [], pointer: undefined, quarantined: false, ...over });

describe('which generation of a doc log to use', () => {
  it('[S18] nothing on disk: a doc never written', () => {
    expect(judgeGenerations(listing({}), files)).toEqual({ kind: 'new', stale: [] });
  });

  it('[S18] the pointer names the newest: use it, older generations and temp files are stale', () => {
    expect(judgeGenerations(listing({ generations: [1, 2], pointer: 2, temps: ['plan.3.log.tmp'] }), files)).toEqual({
      kind: 'use',
      generation: 2,
      stale: ['plan.3.log.tmp', 'plan.1.log'],
      writePointer: false,
    });
  });

  it('[S18] a newer generation than the pointer (a crash between rename and pointer write) is used and the pointer fixed', () => {
    expect(judgeGenerations(listing({ generations: [2, 3], pointer: 2 }), files)).toMatchObject({ kind: 'use', generation: 3, writePointer: true });
  });

  it('[S18] no pointer (an older store): the newest generation is used and the pointer written', () => {
    expect(judgeGenerations(listing({ generations: [0] }), files)).toMatchObject({ kind: 'use', generation: 0, writePointer: true });
  });

  it('[S18] the compacted generation deleted, the older log kept: quarantine, never load the older one', () => {
    expect(judgeGenerations(listing({ generations: [1], pointer: 2 }), files)).toEqual({ kind: 'quarantine', files: ['plan.1.log'], cause: 'snapshot_missing' });
  });

  it('[S18] every log deleted while the pointer is kept: quarantine, never an empty doc', () => {
    expect(judgeGenerations(listing({ pointer: 0 }), files)).toEqual({ kind: 'quarantine', files: [], cause: 'log_missing' });
  });

  it('[S18] a damaged pointer: quarantine the logs and the pointer', () => {
    expect(judgeGenerations(listing({ generations: [4], pointer: 'unreadable' }), files)).toEqual({
      kind: 'quarantine',
      files: ['plan.4.log', 'plan.generation'],
      cause: 'pointer_unreadable',
    });
  });

  it('[S18] doc names are found from logs, pointers and markers', () => {
    expect(docNamesIn(['a.0.log', 'b.generation', 'c.quarantined', 'd.1.log.tmp', 'notes.txt']).sort()).toEqual(['a', 'b', 'c', 'd']);
  });

  it('[S72] index files name no doc and decide nothing: the used generation keeps its own, every other is stale', () => {
    expect(docNamesIn(['e.0.index', 'f.2.index.tmp'])).toEqual([]);
    expect(judgeGenerations(listing({ generations: [1, 2], indexes: [1, 2, 3], pointer: 2 }), files)).toEqual({
      kind: 'use',
      generation: 2,
      stale: ['plan.1.log', 'plan.1.index', 'plan.3.index'],
      writePointer: false,
    });
    expect(judgeGenerations(listing({ indexes: [0] }), files)).toEqual({ kind: 'new', stale: ['plan.0.index'] });
    expect(judgeGenerations(listing({ generations: [1], indexes: [2], pointer: 2 }), files)).toEqual({ kind: 'quarantine', files: ['plan.1.log'], cause: 'snapshot_missing' });
  });
});
