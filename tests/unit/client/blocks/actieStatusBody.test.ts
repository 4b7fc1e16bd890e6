import { describe, expect, it } from 'vitest';
import { actieStatusBody } from '../../../../client/src/blocks/ActieStatusControl';
import { isActieStatus } from '../../../../shared/src/schema/blocks/doelenActies';

describe('actieStatusBody', () => {
  it('dates "gedaan" today and sends the other kinds bare; each passes the server guard', () => {
    const today = new Date('2025-03-04T10:00:00Z');
    expect(actieStatusBody('gedaan', today)).toEqual({ kind: 'gedaan', op: '2025-03-04' });
    for (const kind of ['open', 'bezig', 'vervallen', 'gedaan'] as const) expect(isActieStatus(actieStatusBody(kind, today))).toBe(true);
  });
});
