/**
 * Keeping a plain <input>/<textarea> in step with a co-edited text (a Y.Text behind a typed accessor):
 * what changed between two strings, where a caret goes when someone else edits, and how a local keystroke
 * lands on text that changed underneath it. Pure functions over strings, so they are tested without a DOM.
 */

/** One edit: at `start`, `removed` characters were replaced by `inserted`. */
export interface TextChange {
  readonly start: number;
  readonly removed: number;
  readonly inserted: string;
}

/**
 * The smallest single edit that turns `prev` into `next` (common prefix and suffix kept), never splitting
 * a surrogate pair. Example: `diffText('kat', 'kast')` → `{ start: 2, removed: 0, inserted: 's' }`.
 */
export function diffText(prev: string, next: string): TextChange {
  const max = Math.min(prev.length, next.length);
  let start = 0;
  while (start < max && prev.charCodeAt(start) === next.charCodeAt(start)) start++;
  if (start > 0 && isHighSurrogate(prev.charCodeAt(start - 1))) start--;
  let end = 0;
  while (end < max - start && prev.charCodeAt(prev.length - 1 - end) === next.charCodeAt(next.length - 1 - end)) end++;
  if (end > 0 && isLowSurrogate(prev.charCodeAt(prev.length - end))) end--;
  return { start, removed: prev.length - start - end, inserted: next.slice(start, next.length - end) };
}

/**
 * Where position `pos` of the old text lies after `change`. Text typed by someone else at the caret
 * appears after it (the caret stays); a caret inside replaced text moves to the end of the replacement.
 */
export function mapPosition(pos: number, change: TextChange): number {
  if (pos <= change.start) return pos;
  if (pos >= change.start + change.removed) return pos - change.removed + change.inserted.length;
  return change.start + change.inserted.length;
}

/** Applies one change to a text. */
export function applyChange(text: string, change: TextChange): string {
  return text.slice(0, change.start) + change.inserted + text.slice(change.start + change.removed);
}

/**
 * A local edit (`base` → `local`) made while the shared text had already become `current` (someone
 * else's edit arrived before the form caught up): the local edit is moved onto `current`, so neither edit
 * is lost. Returns the text to write and where the caret belongs.
 *
 * @example rebaseLocalEdit('ab', 'abX', 'Zab') // { text: 'ZabX', caret: 4 }
 */
export function rebaseLocalEdit(base: string, local: string, current: string): { text: string; caret: number } {
  const mine = diffText(base, local);
  if (base === current) return { text: local, caret: mine.start + mine.inserted.length };
  const theirs = diffText(base, current);
  const start = mapPosition(mine.start, theirs);
  const end = Math.max(start, mapPosition(mine.start + mine.removed, theirs));
  const text = current.slice(0, start) + mine.inserted + current.slice(end);
  return { text, caret: start + mine.inserted.length };
}

/** The selection after the text changed from `prev` to `next` underneath it. */
export function mapSelection(prev: string, next: string, selection: { start: number; end: number }): { start: number; end: number } {
  const change = diffText(prev, next);
  const start = mapPosition(selection.start, change);
  return { start, end: Math.max(start, mapPosition(selection.end, change)) };
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
