import { describe, expect, it } from 'vitest';
import { localDocDbNames, parseLocalDocDbName, START_DB_NAME } from '../../../../client/src/offline/localDbNames';

describe('local database names', () => {
  it('name one copy per member, plan and doc, and read back', () => {
    const key = { planId: 'p1', memberId: 'm-2', docName: 'eigen-m_3' };
    const names = localDocDbNames(key);
    expect(names.doc).toBe('gezinsplan/p1/m-2/eigen-m_3');
    expect(names.server).toBe('gezinsplan/p1/m-2/eigen-m_3/server');
    expect(parseLocalDocDbName(names.doc)).toEqual(key);
    expect(parseLocalDocDbName(names.server)).toEqual(key);
  });

  it('reject names that are no doc copy', () => {
    for (const name of [START_DB_NAME, 'other/p1/m1/gezamenlijk', 'gezinsplan/p1/m1/onbekend', 'gezinsplan/p1/m1/gezamenlijk/x', 'gezinsplan/p 1/m1/gezamenlijk']) {
      expect(parseLocalDocDbName(name)).toBeNull();
    }
  });
});
