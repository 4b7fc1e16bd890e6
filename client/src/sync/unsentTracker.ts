import * as Y from 'yjs';
import type { DocKind } from '../../../shared/src/schema/docNames';
import { rootTypes } from '../../../shared/src/schema/planSchema';
import { ITEM_META_KEYS } from '../../../shared/src/schema/items';
import { fragmentText } from '../../../shared/src/schema/proseText';

/**
 * Knows which local changes the server has not taken (issue #6, "Niet verwerkt"). A shadow doc holds what the
 * server has: every remote update, and each local update once `saved` covers its message without a
 * `rejected`. What the live doc holds beyond the shadow is the user's unsent or refused work, shown to them
 * as text they can copy before the doc is reset to the server's state.
 *
 * Wire it before the provider: it must see each local update before the provider sends it, so that the next
 * content message number belongs to it.
 */
export class UnsentTracker {
  private readonly shadow = new Y.Doc();
  /** Local updates not yet on a message of the current connection. */
  private unassigned: Uint8Array[] = [];
  /** Local updates by the number of the message that carried them on the current connection. */
  private assigned = new Map<number, Uint8Array[]>();
  private readonly rejectedUpdates: Uint8Array[] = [];
  private readonly onUpdate: (update: Uint8Array, origin: unknown) => void;

  constructor(
    private readonly doc: Y.Doc,
    private readonly kind: DocKind,
    isRemote: (origin: unknown) => boolean,
  ) {
    this.onUpdate = (update, origin) => {
      if (isRemote(origin)) Y.applyUpdate(this.shadow, update);
      else this.unassigned.push(update);
    };
    doc.on('update', this.onUpdate);
  }

  /** A content message left on the current connection: step 2 carries all waiting work, an update the oldest. */
  contentSent(n: number, step2: boolean): void {
    const carried = step2 ? this.unassigned.splice(0) : this.unassigned.splice(0, 1);
    if (carried.length > 0) this.assigned.set(n, [...(this.assigned.get(n) ?? []), ...carried]);
  }

  /** `saved n`: every message up to n is settled; what was not rejected is on the server now. */
  saved(n: number): void {
    for (const [m, updates] of [...this.assigned]) {
      if (m > n) continue;
      for (const u of updates) Y.applyUpdate(this.shadow, u);
      this.assigned.delete(m);
    }
  }

  /** `rejected n`: that message's changes will never reach the server. */
  rejected(n: number): void {
    const updates = this.assigned.get(n);
    if (!updates) return;
    this.rejectedUpdates.push(...updates);
    this.assigned.delete(n);
  }

  /** The socket closed: numbering restarts, so whatever was not settled waits for the next step 2. */
  disconnected(): void {
    const waiting = [...this.assigned.values()].flat();
    this.assigned = new Map();
    this.unassigned = [...waiting, ...this.unassigned];
  }

  /** True when some local change was refused by the server. */
  get hasRejected(): boolean {
    return this.rejectedUpdates.length > 0;
  }

  /** The lines of text the user typed that the server does not have, in the order they appear. */
  unsentLines(): string[] {
    const remaining = countLines(textLines(this.shadow, this.kind));
    const out: string[] = [];
    for (const line of textLines(this.doc, this.kind)) {
      const left = remaining.get(line) ?? 0;
      if (left > 0) remaining.set(line, left - 1);
      else out.push(line);
    }
    return out;
  }

  destroy(): void {
    this.doc.off('update', this.onUpdate);
    this.shadow.destroy();
  }
}

/** Every non-empty line of text in a doc: prose paragraphs and the text fields of items. */
export function textLines(doc: Y.Doc, kind: DocKind): string[] {
  const lines: string[] = [];
  for (const [name, type] of rootTypes(kind)) {
    if (!doc.share.has(name)) continue;
    if (type === 'xml') lines.push(...fragmentText(doc.getXmlFragment(name)).split('\n'));
    else if (type === 'array') collect(doc.getArray(name), lines);
    else collect(doc.getMap(name), lines);
  }
  return lines.map((l) => l.trim()).filter((l) => l.length > 0);
}

function collect(value: unknown, lines: string[]): void {
  // Plain values are choices and dates, not typed text; only Y.Text holds what the user wrote.
  if (value instanceof Y.Text) lines.push(...value.toString().split('\n'));
  else if (value instanceof Y.Array) for (const v of value.toArray()) collect(v, lines);
  else if (value instanceof Y.Map) for (const [k, v] of value.entries()) if (!ITEM_META_KEYS.has(k)) collect(v, lines);
}

function countLines(lines: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const l of lines) counts.set(l, (counts.get(l) ?? 0) + 1);
  return counts;
}
