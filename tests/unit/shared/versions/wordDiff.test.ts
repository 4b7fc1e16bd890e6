import { describe, expect, it } from 'vitest';
import { wordDiff } from '../../../../shared/src/versions/wordDiff';
import { createRng, randomInt } from '../../../helpers/seededRng';

describe('wordDiff', () => {
  it('[C4] marks whole words inserted and deleted', () => {
    expect(wordDiff('a b c d e', 'a x c e f')).toEqual([
      { op: 'equal', text: 'a ' },
      { op: 'delete', text: 'b' },
      { op: 'insert', text: 'x' },
      { op: 'equal', text: ' c ' },
      { op: 'delete', text: 'd ' },
      { op: 'equal', text: 'e' },
      { op: 'insert', text: ' f' },
    ]);
    expect(wordDiff('', 'nieuw')).toEqual([{ op: 'insert', text: 'nieuw' }]);
    expect(wordDiff('weg', '')).toEqual([{ op: 'delete', text: 'weg' }]);
  });

  it('[C5] always rebuilds both texts, for random texts (seeded)', () => {
    const seed = 808;
    const rng = createRng(seed);
    const text = () => Array.from({ length: randomInt(rng, 15) }, () => ['de', 'het', 'oma', 'Noah', '\n'][randomInt(rng, 5)]).join(' ');
    for (let i = 0; i < 500; i++) {
      const a = text();
      const b = text();
      const parts = wordDiff(a, b);
      expect(parts.filter((p) => p.op !== 'insert').map((p) => p.text).join(''), `seed ${seed}`).toBe(a);
      expect(parts.filter((p) => p.op !== 'delete').map((p) => p.text).join(''), `seed ${seed}`).toBe(b);
    }
  });
});
