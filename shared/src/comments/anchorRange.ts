import { fromBase64, toBase64 } from 'lib0/buffer';
import * as Y from 'yjs';
import { xmlTextPlain } from '../schema/proseText';

/**
 * Text ranges of comment threads as Yjs relative positions (issue #7): they point at characters, not offsets,
 * so a thread keeps pointing at its sentence while others type before it, on every replica alike.
 */

/** The Yjs types inside a rich-text field (an element is a fragment too). */
export type ProseType = Y.XmlText | Y.XmlFragment;

/** A position in a rich-text field as Yjs counts it: an index into a Y.XmlText, or a child index of an element. */
export interface TypeIndex {
  readonly type: ProseType;
  readonly index: number;
}

/** What a text anchor points at now: the text in its range, or `deleted` once that text is gone. */
export type AnchoredText = { readonly state: 'live'; readonly text: string } | { readonly state: 'deleted' };

const DELETED: AnchoredText = { state: 'deleted' };

/** A relative position as the stored string: base64 of `Y.encodeRelativePosition`. */
export function encodeAnchorPosition(position: Y.RelativePosition): string {
  return toBase64(Y.encodeRelativePosition(position));
}

/** The relative position of a stored string, or null for a string that is not one. */
export function decodeAnchorPosition(encoded: string): Y.RelativePosition | null {
  try {
    const bytes = fromBase64(encoded);
    if (bytes.length === 0) return null;
    return Y.decodeRelativePosition(bytes);
  } catch {
    return null;
  }
}

/**
 * The stored start and end of a range `[from, to)`. The start sticks to the range's first character and the
 * end to its last, so text typed just before or just after the range stays outside it.
 *
 * @example textRangePositions({ type: xmlText, index: 6 }, { type: xmlText, index: 17 }) // { start: 'AQ…', end: 'AQ…' }
 */
export function textRangePositions(from: TypeIndex, to: TypeIndex): { start: string; end: string } {
  return {
    start: encodeAnchorPosition(Y.createRelativePositionFromTypeIndex(from.type, from.index, 0)),
    end: encodeAnchorPosition(Y.createRelativePositionFromTypeIndex(to.type, to.index, -1)),
  };
}

/**
 * Resolves a stored range inside `fragment`: its current text (paragraphs joined by line breaks), or `deleted`
 * when the range is empty now or its paragraph is gone. Works the same on the server (the quote of a new thread)
 * and in the browser (the "tekst is verwijderd" state).
 */
export function resolveTextRange(doc: Y.Doc, fragment: Y.XmlFragment, start: string, end: string): AnchoredText {
  const from = resolvePosition(doc, fragment, start);
  const to = resolvePosition(doc, fragment, end);
  if (!from || !to) return DELETED;
  const text = textBetween(fragment, from, to);
  return text === null || text.trim() === '' ? DELETED : { state: 'live', text };
}

/** Where a stored position is now, if it is inside `fragment` and not in deleted content. */
export function resolvePosition(doc: Y.Doc, fragment: Y.XmlFragment, encoded: string): TypeIndex | null {
  const relative = decodeAnchorPosition(encoded);
  if (!relative) return null;
  const absolute = Y.createAbsolutePositionFromRelativePosition(relative, doc);
  if (!absolute) return null;
  const type = absolute.type;
  if (!(type instanceof Y.XmlText || type instanceof Y.XmlFragment)) return null;
  if (type !== fragment && !(type._item !== null && Y.isParentOf(fragment, type._item))) return null;
  return inDeletedType(type) ? null : { type, index: absolute.index };
}

function inDeletedType(type: ProseType): boolean {
  for (let item = type._item; item !== null; item = (item.parent as ProseType)._item) {
    if (item.deleted) return true;
  }
  return false;
}

/**
 * The text between two positions, walking the fragment in document order; null when `to` comes before `from`.
 * Block elements (paragraphs, list items) start a new line.
 */
function textBetween(fragment: Y.XmlFragment, from: TypeIndex, to: TypeIndex): string | null {
  // One mutable state object: the walk below updates it from nested functions.
  const walk: { phase: 'before' | 'in' | 'after' | 'reversed'; out: string } = { phase: 'before', out: '' };
  const at = (p: TypeIndex, type: unknown, index: number) => p.type === type && p.index === index;
  const mark = (type: unknown, index: number) => {
    if (walk.phase === 'before' && at(to, type, index) && !at(from, type, index)) walk.phase = 'reversed';
    if (walk.phase === 'before' && at(from, type, index)) walk.phase = 'in';
    if (walk.phase === 'in' && at(to, type, index)) walk.phase = 'after';
  };
  const visitText = (text: Y.XmlText) => {
    const value = xmlTextPlain(text);
    if (from.type !== text && to.type !== text) {
      if (walk.phase === 'in') walk.out += value;
      return;
    }
    for (let i = 0; i <= value.length; i += 1) {
      mark(text, i);
      if (i < value.length && walk.phase === 'in') walk.out += value[i];
    }
  };
  const visit = (node: Y.XmlFragment | Y.XmlElement) => {
    const children = node.toArray();
    children.forEach((child, i) => {
      mark(node, i);
      if (child instanceof Y.XmlText) return visitText(child);
      if (walk.phase === 'in' && walk.out !== '' && !walk.out.endsWith('\n')) walk.out += '\n';
      if (child instanceof Y.XmlElement) visit(child);
    });
    mark(node, children.length);
  };
  visit(fragment);
  return walk.phase === 'in' || walk.phase === 'after' ? walk.out : null;
}
