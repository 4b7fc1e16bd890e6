import { describe, expect, it } from 'vitest';
import { applyChange, diffText, mapPosition, mapSelection, rebaseLocalEdit } from '../../../../client/src/fields/textSync';

describe('diffText', () => {
  it('finds the one changed span between two texts', () => {
    expect(diffText('kat', 'kast')).toEqual({ start: 2, removed: 0, inserted: 's' });
    expect(diffText('kast', 'kat')).toEqual({ start: 2, removed: 1, inserted: '' });
    expect(diffText('abc', 'abc')).toEqual({ start: 3, removed: 0, inserted: '' });
    expect(diffText('', 'nieuw')).toEqual({ start: 0, removed: 0, inserted: 'nieuw' });
    expect(applyChange('de boom', diffText('de boom', 'de mooie boom'))).toBe('de mooie boom');
  });

  it('never splits an emoji (a surrogate pair)', () => {
    const change = diffText('a😀b', 'a😃b');
    expect(change.start).toBe(1);
    expect(change.removed).toBe(2);
    expect(change.inserted).toBe('😃');
  });
});

describe('mapPosition and mapSelection', () => {
  it('keeps a caret before a remote edit and shifts one after it', () => {
    const change = diffText('Lisa belt oma', 'Lisa belt vandaag oma');
    expect(mapPosition(2, change)).toBe(2);
    expect(mapPosition(13, change)).toBe(21);
  });

  it('keeps the caret where it is when someone types exactly there', () => {
    expect(mapPosition(4, { start: 4, removed: 0, inserted: 'xyz' })).toBe(4);
  });

  it('moves a caret inside deleted text to the end of what replaced it', () => {
    expect(mapPosition(5, { start: 2, removed: 6, inserted: 'ab' })).toBe(4);
  });

  it('maps a selection through a remote insert before it', () => {
    expect(mapSelection('abc def', 'XX abc def', { start: 4, end: 7 })).toEqual({ start: 7, end: 10 });
  });
});

describe('rebaseLocalEdit', () => {
  it('is the local text when nothing arrived meanwhile', () => {
    expect(rebaseLocalEdit('ab', 'abc', 'ab')).toEqual({ text: 'abc', caret: 3 });
  });

  it('keeps a remote insert before the local keystroke', () => {
    expect(rebaseLocalEdit('ab', 'abX', 'Zab')).toEqual({ text: 'ZabX', caret: 4 });
  });

  it('keeps a remote insert after the local keystroke', () => {
    expect(rebaseLocalEdit('hallo wereld', 'hallo mooie wereld', 'hallo wereld!')).toEqual({ text: 'hallo mooie wereld!', caret: 12 });
  });

  it('applies a local delete on top of a remote change elsewhere', () => {
    expect(rebaseLocalEdit('een twee drie', 'een drie', 'een twee drie vier')).toEqual({ text: 'een drie vier', caret: 4 });
  });

  it('keeps both when both typed at the same spot', () => {
    expect(rebaseLocalEdit('ab', 'abX', 'abY').text).toBe('abXY');
  });
});
