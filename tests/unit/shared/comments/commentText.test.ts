import { describe, expect, it } from 'vitest';
import { clampQuote, commentLength, commentTextProblem, findMentions, mentionParts, normalizeCommentText } from '../../../../shared/src/comments/commentText';

const members = [
  { memberId: 'lisa', name: 'Lisa de Boer' },
  { memberId: 'lisa2', name: 'Lisa' },
  { memberId: 'truus', name: 'Truus de Boer (oma)' },
];

describe('comment text (issue #7)', () => {
  it('[T1] keeps line breaks as \\n and trims the ends', () => {
    expect(normalizeCommentText('  Eerste\r\nTweede\rDerde \n')).toBe('Eerste\nTweede\nDerde');
  });

  it('[T2] refuses empty, too long and control characters; 5,000 characters counted as people count them is fine', () => {
    expect(commentTextProblem('')).toBe('opmerking.fout.leeg');
    expect(commentTextProblem('a'.repeat(5001))).toBe('opmerking.fout.teLang');
    expect(commentTextProblem('😀'.repeat(5000))).toBeNull();
    expect(commentLength('😀😀')).toBe(2);
    expect(commentTextProblem('Hallo\u0000')).toBe('opmerking.fout.tekens');
    expect(commentTextProblem('Regel\n\tingesprongen <b>gewoon tekst</b>')).toBeNull();
  });

  it('[T3] finds @mentions by full name, any case, the longest name first, not inside a longer word', () => {
    expect(findMentions('Vraag voor @lisa de boer en @Truus de Boer (oma).', members)).toEqual(['lisa', 'truus']);
    expect(findMentions('@Lisa, kun jij dit doen?', members)).toEqual(['lisa2']);
    expect(findMentions('@Lisanne niet, mail@lisa.nl ook niet', members)).toEqual([]);
    expect(findMentions('@Lisa en nog eens @Lisa', members)).toEqual(['lisa2']);
    expect(mentionParts('Zie @Lisa de Boer.', members)).toEqual([
      { kind: 'text', text: 'Zie ' },
      { kind: 'mention', text: '@Lisa de Boer', memberId: 'lisa' },
      { kind: 'text', text: '.' },
    ]);
  });

  it('[T4] a quote is cut at 500 characters with an ellipsis', () => {
    expect(clampQuote('kort')).toBe('kort');
    const cut = clampQuote('x'.repeat(600));
    expect(commentLength(cut)).toBe(500);
    expect(cut.endsWith('…')).toBe(true);
  });
});
