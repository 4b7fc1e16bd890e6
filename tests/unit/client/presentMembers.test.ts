import { describe, expect, it } from 'vitest';
import { presentMembers, samePresentMembers } from '../../../client/src/sync/presentMembers';

const user = (memberId: string, name: string, role: string) => ({ user: { memberId, name, role, color: '#1d4ed8' } });

describe('presentMembers', () => {
  it('lists each member once, the member themselves first', () => {
    const states = [user('m2', 'Sanne', 'hulpverlener'), user('m1', 'Anouk', 'jeugdbeschermer'), user('m2', 'Sanne', 'hulpverlener'), user('m3', 'Bas', 'ouder')];
    const list = presentMembers(states, 'm2');
    expect(list.map((m) => [m.memberId, m.isMe])).toEqual([
      ['m2', true],
      ['m1', false],
      ['m3', false],
    ]);
  });

  it('skips states without a valid server-stamped user', () => {
    const states = [{}, null, { user: { name: 'x' } }, user('m4', 'Kim', 'baas'), { cursor: null }];
    expect(presentMembers(states, 'm1')).toEqual([]);
  });

  it('tells a caret move (same people shown) from someone arriving, leaving or renamed', () => {
    const shown = presentMembers([user('m1', 'Anouk', 'jeugdbeschermer'), user('m2', 'Sanne', 'hulpverlener')], 'm1');
    const moved = presentMembers([{ ...user('m2', 'Sanne', 'hulpverlener'), cursor: { anchor: 3 } }, user('m1', 'Anouk', 'jeugdbeschermer')], 'm1');
    expect(samePresentMembers(shown, moved)).toBe(true);
    expect(samePresentMembers(shown, presentMembers([user('m1', 'Anouk', 'jeugdbeschermer')], 'm1'))).toBe(false);
    expect(samePresentMembers(shown, presentMembers([user('m1', 'Anouk', 'jeugdbeschermer'), user('m2', 'Sanne B.', 'hulpverlener')], 'm1'))).toBe(false);
    expect(samePresentMembers(shown, presentMembers([user('m1', 'Anouk', 'jeugdbeschermer'), user('m3', 'Sanne', 'hulpverlener')], 'm1'))).toBe(false);
  });
});
