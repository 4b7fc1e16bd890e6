import * as Y from 'yjs';
import type { DocKind } from '../../../shared/src/schema/docNames';
import { rootTypes } from '../../../shared/src/schema/planSchema';
import { ITEM_META_KEYS } from '../../../shared/src/schema/items';
import { fragmentText } from '../../../shared/src/schema/proseText';
import type { PendingLog, PendingRecord } from '../offline/localCopy';

/** Where a doc update came from, as the tracker sees it. */
export type UpdateSource = 'remote' | 'local' | 'restored';

/** One local update, numbered in the order it was made (the number keys its record on the device). */
interface Entry {
  readonly seq: number;
  readonly update: Uint8Array;
}

/**
 * Knows which local changes the server has not taken (issue #6, "Niet verwerkt") and how many there are
 * (issue #9, "Niet opgeslagen — 3 wijzigingen"). A shadow doc holds what the server has: every remote
 * update, and each local update once `saved` covers its message without a `rejected`. What the live doc
 * holds beyond the shadow is the user's unsent or refused work, shown to them as text they can copy before
 * the doc is reset to the server's state.
 *
 * A local update made while the socket is open goes out at once as its own update message; one made while
 * offline (or restored from the device, or sent on a socket that closed before `saved`) waits for the next
 * sync step 2, which carries everything the server lacks.
 *
 * Wire it before the provider: it must see each local update before the provider sends it, so that the next
 * content message number belongs to it.
 */
export class UnsentTracker {
  /** What the server confirmed; persist it beside the doc so "Niet verwerkt" stays right after a reload. */
  readonly shadow = new Y.Doc();
  private live = false;
  /** Made while the socket was open, not yet on a message: each goes out as one update, in order. */
  private liveQueue: Entry[] = [];
  /** Only the next sync step 2 carries these. */
  private waiting: Entry[] = [];
  /** Local updates by the number of the message that carried them on the current connection. */
  private assigned = new Map<number, Entry[]>();
  private readonly rejectedUpdates: Uint8Array[] = [];
  private nextSeq = 1;
  private log: PendingLog | null = null;
  private lastCount = 0;
  private readonly onUpdate: (update: Uint8Array, origin: unknown) => void;

  constructor(
    private readonly doc: Y.Doc,
    private readonly kind: DocKind,
    sourceOf: (origin: unknown) => UpdateSource,
    /** Called whenever the number of unsettled local changes changes. */
    private readonly onCount: (count: number) => void = () => undefined,
  ) {
    this.onUpdate = (update, origin) => {
      const source = sourceOf(origin);
      if (source === 'remote') Y.applyUpdate(this.shadow, update);
      if (source !== 'local') return;
      const entry = { seq: this.nextSeq++, update };
      (this.live ? this.liveQueue : this.waiting).push(entry);
      this.log?.add(entry);
      this.notify();
    };
    doc.on('update', this.onUpdate);
  }

  /**
   * The device's copy is loaded (call it before the first connect): `records` are the changes an earlier
   * page made that no `saved` covered (they are in the doc already). From now on every local change is
   * written to `log` until it is settled.
   */
  restore(records: readonly PendingRecord[], log: PendingLog | null): void {
    const restored = [...records].sort((a, b) => a.seq - b.seq);
    // Changes made before the copy loaded are numbered after the restored ones, and written now.
    let seq = Math.max(0, ...restored.map((r) => r.seq)) + 1;
    const renumber = (e: Entry): Entry => ({ seq: seq++, update: e.update });
    const early = this.waiting.map(renumber);
    this.liveQueue = this.liveQueue.map(renumber);
    this.waiting = [...restored, ...early];
    this.nextSeq = seq;
    this.log = log;
    for (const e of [...early, ...this.liveQueue]) log?.add(e);
    this.notify();
  }

  /** The socket opened: local updates go out one by one from now on. */
  connected(): void {
    this.live = true;
  }

  /** A content message left on the current connection: step 2 carries all waiting work, an update the oldest live one. */
  contentSent(n: number, step2: boolean): void {
    let carried: Entry[];
    if (step2) {
      carried = [...this.waiting, ...this.liveQueue];
      this.waiting = [];
      this.liveQueue = [];
    } else {
      carried = this.liveQueue.splice(0, 1);
    }
    if (carried.length > 0) this.assigned.set(n, [...(this.assigned.get(n) ?? []), ...carried]);
  }

  /** `saved n`: every message up to n is settled; what was not rejected is on the server now. */
  saved(n: number): void {
    const settled = this.takeAssigned((m) => m <= n);
    if (settled.length === 0) return;
    for (const e of settled) Y.applyUpdate(this.shadow, e.update);
    this.log?.remove(settled.map((e) => e.seq));
    this.notify();
  }

  /** `rejected n`: that message's changes will never reach the server. */
  rejected(n: number): void {
    const refused = this.takeAssigned((m) => m === n);
    if (refused.length === 0) return;
    this.rejectedUpdates.push(...refused.map((e) => e.update));
    this.log?.remove(refused.map((e) => e.seq));
    this.notify();
  }

  /** The socket closed: numbering restarts, so whatever was not settled waits for the next step 2. */
  disconnected(): void {
    this.live = false;
    const unsettled = [...this.assigned.values()].flat();
    this.assigned = new Map();
    this.waiting = [...unsettled, ...this.waiting, ...this.liveQueue].sort((a, b) => a.seq - b.seq);
    this.liveQueue = [];
  }

  /** Local changes no `saved` has covered yet (refused ones no longer count: they are "Niet verwerkt"). */
  get pendingCount(): number {
    let count = this.waiting.length + this.liveQueue.length;
    for (const entries of this.assigned.values()) count += entries.length;
    return count;
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

  private takeAssigned(which: (n: number) => boolean): Entry[] {
    const taken: Entry[] = [];
    for (const [m, entries] of [...this.assigned]) {
      if (!which(m)) continue;
      taken.push(...entries);
      this.assigned.delete(m);
    }
    return taken;
  }

  private notify(): void {
    const count = this.pendingCount;
    if (count === this.lastCount) return;
    this.lastCount = count;
    this.onCount(count);
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
