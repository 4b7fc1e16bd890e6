import * as Y from 'yjs';

/** One run of text with its marks (Tiptap's bold, italic, link … as y-prosemirror stores them). */
export interface ProseTextJson {
  readonly text: string;
  readonly marks?: Readonly<Record<string, unknown>>;
}

/** One element of a rich-text field: a paragraph, heading, list, list item …, with its attributes. */
export interface ProseElementJson {
  readonly type: string;
  readonly attrs?: Readonly<Record<string, unknown>>;
  readonly children: readonly ProseNodeJson[];
}

/** A node of a rich-text field as plain JSON: an element, or a text node holding its runs. */
export type ProseNodeJson = ProseElementJson | { readonly runs: readonly ProseTextJson[] };

/** A whole rich-text field (a Y.XmlFragment) as plain JSON: its top-level nodes, in order. */
export type ProseJson = readonly ProseNodeJson[];

/**
 * A Y.XmlFragment as plain JSON, keeping structure, attributes and marks, so that a frozen version can be
 * shown, compared and copied back into the live plan without losing formatting (issue #8).
 *
 * @example fragmentToJson(proseV2(doc, 'gezamenlijk', 'aanleiding')) // [{ type: 'paragraph', children: [{ runs: [{ text: 'Sinds …' }] }] }]
 */
export function fragmentToJson(fragment: Y.XmlFragment): ProseJson {
  return fragment.toArray().flatMap((node) => nodeToJson(node) ?? []);
}

function nodeToJson(node: unknown): ProseNodeJson | null {
  if (node instanceof Y.XmlElement) {
    const attrs = node.getAttributes() as Record<string, unknown>;
    const children = node.toArray().flatMap((child) => nodeToJson(child) ?? []);
    return Object.keys(attrs).length > 0 ? { type: node.nodeName, attrs, children } : { type: node.nodeName, children };
  }
  if (node instanceof Y.XmlText) {
    const runs = (node.toDelta() as { insert?: unknown; attributes?: Record<string, unknown> }[]).flatMap((op) =>
      typeof op.insert === 'string' ? [op.attributes && Object.keys(op.attributes).length > 0 ? { text: op.insert, marks: op.attributes } : { text: op.insert }] : [],
    );
    return { runs };
  }
  return null;
}

/**
 * Replaces the content of a fragment with `json`, in the caller's transaction. Writes nothing when the
 * fragment already holds exactly this (so restoring an unchanged field is not a change).
 */
export function writeFragmentJson(fragment: Y.XmlFragment, json: ProseJson): boolean {
  if (JSON.stringify(fragmentToJson(fragment)) === JSON.stringify(json)) return false;
  if (fragment.length > 0) fragment.delete(0, fragment.length);
  fragment.insert(0, json.map(jsonToNode));
  return true;
}

function jsonToNode(node: ProseNodeJson): Y.XmlElement | Y.XmlText {
  if ('runs' in node) {
    const text = new Y.XmlText();
    text.applyDelta(node.runs.map((run) => (run.marks ? { insert: run.text, attributes: run.marks } : { insert: run.text })));
    return text;
  }
  const element = new Y.XmlElement(node.type);
  for (const [key, value] of Object.entries(node.attrs ?? {})) element.setAttribute(key, value as string);
  element.insert(0, node.children.map(jsonToNode));
  return element;
}

/** The plain text of a rich-text field, one line per top-level block (as `fragmentText` reads a live one). */
export function proseJsonText(json: ProseJson): string {
  return json.map(nodeText).join('\n');
}

/** The plain text of each top-level block (paragraph, heading, list), for printing and diffs. */
export function proseJsonParagraphs(json: ProseJson): string[] {
  return json.map(nodeText);
}

function nodeText(node: ProseNodeJson): string {
  if ('runs' in node) return node.runs.map((r) => r.text).join('');
  return node.children.map(nodeText).join(node.type.endsWith('List') ? '\n' : '');
}
