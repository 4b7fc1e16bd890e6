import { describe, expect, it } from 'vitest';
import { isTerminalClose, CloseCode } from '../../../../shared/src/protocol/closeCodes';
import { parseSyncPath, syncPath } from '../../../../shared/src/protocol/syncPath';

describe('sync path and close codes', () => {
  it('[P1] builds and parses /sync/<planId>/<docName>', () => {
    expect(syncPath('p1', 'gezamenlijk')).toBe('/sync/p1/gezamenlijk');
    expect(parseSyncPath('/sync/p1/eigen-m_2?x=1')).toEqual({ planId: 'p1', docName: 'eigen-m_2' });
    for (const bad of ['/sync/p1', '/sync/p1/a/b', '/other/p1/gezamenlijk', '/sync/p%2F1/gezamenlijk', '/sync//gezamenlijk']) {
      expect(parseSyncPath(bad)).toBeNull();
    }
  });

  it('[P2] 4409 reconnects; other 44xx codes do not', () => {
    expect(isTerminalClose(CloseCode.accessChanged)).toBe(false);
    expect(isTerminalClose(CloseCode.noAccess)).toBe(true);
    expect(isTerminalClose(CloseCode.serverError)).toBe(false);
  });
});
