import { describe, expect, it } from 'vitest';
import { CloseCode } from '../../../shared/src/protocol/closeCodes';
import { closeReasonText, shouldReconnectAfter } from '../../../client/src/sync/closeReasons';

describe('close reasons', () => {
  it('has Dutch text for every close code', () => {
    for (const code of Object.values(CloseCode)) {
      expect(closeReasonText(code)).toMatch(/\S/);
    }
    expect(closeReasonText(CloseCode.notSignedIn)).toContain('aangemeld');
  });

  it('says nothing extra for an ordinary drop', () => {
    expect(closeReasonText(null)).toBeNull();
    expect(closeReasonText(1006)).toBeNull();
  });

  it('reconnects after 4409 and 4500 but not after other 44xx codes', () => {
    expect(shouldReconnectAfter(CloseCode.accessChanged)).toBe(true);
    expect(shouldReconnectAfter(CloseCode.serverError)).toBe(true);
    expect(shouldReconnectAfter(1006)).toBe(true);
    for (const code of [4400, 4401, 4403, 4404, 4413, 4429]) expect(shouldReconnectAfter(code)).toBe(false);
  });
});
