import type { MessageKey } from '../i18n/nl';

/**
 * The text of a comment (issue #7): plain text with line breaks, never HTML (it is shown as text), at most
 * 5,000 characters. Client (the counter, the send button) and server (the 400) use these same rules.
 */

/** Characters, counted as people count them (an emoji is one). */
export const MAX_COMMENT_LENGTH = 5000;
/** The quote kept of a thread's text: enough to recognise it once the text is deleted. */
export const MAX_QUOTE_LENGTH = 500;

// Tabs and line breaks are text; other control characters are not, and would hide text from readers.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F]/;

/** Line breaks as `\n`, no whitespace around the text. */
export function normalizeCommentText(raw: string): string {
  return raw.replace(/\r\n?/g, '\n').trim();
}

/** The length as people count it (code points, so an emoji counts once). */
export function commentLength(text: string): number {
  let n = 0;
  for (const _ of text) n += 1;
  return n;
}

/**
 * What is wrong with a (normalized) comment text, as the key of a Dutch message; null when it is fine.
 *
 * @example commentTextProblem('') // 'opmerking.fout.leeg'
 */
export function commentTextProblem(text: string): MessageKey | null {
  if (text === '') return 'opmerking.fout.leeg';
  if (commentLength(text) > MAX_COMMENT_LENGTH) return 'opmerking.fout.teLang';
  if (CONTROL.test(text)) return 'opmerking.fout.tekens';
  return null;
}

/** A quote cut to `MAX_QUOTE_LENGTH` characters, with "…" when cut. */
export function clampQuote(text: string): string {
  const chars = [...text.trim()];
  return chars.length <= MAX_QUOTE_LENGTH ? chars.join('') : `${chars.slice(0, MAX_QUOTE_LENGTH - 1).join('')}…`;
}

/** A member as mentions need them. */
export interface MentionCandidate {
  readonly memberId: string;
  readonly name: string;
}

/** One piece of a comment's text: plain text, or an @mention of a member. */
export type TextPart = { readonly kind: 'text'; readonly text: string } | { readonly kind: 'mention'; readonly text: string; readonly memberId: string };

const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * Splits a comment into text and @mentions of members: `@` followed by a member's full name (any case), not
 * inside a word (an e-mail address is no mention). The longest name wins ("@Lisa de Boer" over "@Lisa").
 *
 * @example mentionParts('Zie @lisa de boer', [{ memberId: 'm1', name: 'Lisa de Boer' }])
 *   // [{ kind: 'text', text: 'Zie ' }, { kind: 'mention', text: '@lisa de boer', memberId: 'm1' }]
 */
export function mentionParts(text: string, members: readonly MentionCandidate[]): TextPart[] {
  const byLength = members.filter((m) => m.name.trim() !== '').sort((a, b) => b.name.length - a.name.length);
  const lower = text.toLowerCase();
  const parts: TextPart[] = [];
  let plainFrom = 0;
  for (let i = text.indexOf('@'); i >= 0; i = text.indexOf('@', i + 1)) {
    if (i > 0 && WORD_CHAR.test(text.charAt(i - 1))) continue;
    const hit = byLength.find((m) => {
      const name = m.name.toLowerCase();
      const after = text.charAt(i + 1 + name.length);
      return lower.startsWith(name, i + 1) && !WORD_CHAR.test(after);
    });
    if (!hit) continue;
    const end = i + 1 + hit.name.length;
    if (i > plainFrom) parts.push({ kind: 'text', text: text.slice(plainFrom, i) });
    parts.push({ kind: 'mention', text: text.slice(i, end), memberId: hit.memberId });
    plainFrom = end;
    i = end - 1;
  }
  if (plainFrom < text.length) parts.push({ kind: 'text', text: text.slice(plainFrom) });
  return parts;
}

/** The members a comment mentions, each once, in order of first mention. */
export function findMentions(text: string, members: readonly MentionCandidate[]): string[] {
  const ids = mentionParts(text, members).flatMap((p) => (p.kind === 'mention' ? [p.memberId] : []));
  return [...new Set(ids)];
}
