import WebSocket from 'ws';
import * as Y from 'yjs';
import { fragmentText } from '../../shared/src/schema/proseText';
import { connectDoc, type SyncClient } from './syncClient';

/** Where a writer writes: a doc, a rich-text field in it, and whose session it uses. */
export interface WriterTarget {
  planId: string;
  docName: string;
  cookie: string;
  field(doc: Y.Doc): Y.XmlFragment;
}

/**
 * A scripted editor for crash tests. Its Y.Doc outlives every socket, as a browser tab (or IndexedDB) keeps a
 * doc while the server restarts. It writes tokens (`<id>.<n>;`) into one paragraph of its own and learns from
 * `100 saved` which of them the server acknowledged: a token counts as acknowledged once `saved` covers the
 * content message that carried it, or covers the first message of a later socket (its sync step 2, which
 * carries everything the server lacks).
 */
export class ScriptedWriter {
  readonly doc = new Y.Doc();
  private client: SyncClient | undefined;
  private text: Y.XmlText | undefined;
  /** Content messages of the current socket and the tokens each one carries. */
  private inFlight: { n: number; tokens: string[] }[] = [];
  private unacknowledged: string[] = [];
  private written = 0;

  constructor(
    readonly id: string,
    readonly target: WriterTarget,
  ) {}

  /** Opens a new socket with the same doc; its step 2 carries every token not yet acknowledged. */
  connect(base: string): void {
    this.client = connectDoc(base, this.target.planId, this.target.docName, { cookie: this.target.cookie, doc: this.doc });
    this.inFlight = [{ n: 1, tokens: [...this.unacknowledged] }];
  }

  /** Synced, and every content message sent so far acknowledged. */
  get settled(): boolean {
    const c = this.client;
    return c !== undefined && c.synced && c.contentSent > 0 && c.saved >= c.contentSent;
  }

  get closed(): boolean {
    return this.client === undefined || this.client.ws.readyState === WebSocket.CLOSED;
  }

  /** Appends one token to its paragraph (made on first use) and sends it. */
  write(): void {
    const c = this.client;
    if (!c || c.ws.readyState !== WebSocket.OPEN) return;
    const token = `${this.id}.${++this.written}`;
    this.doc.transact(() => {
      if (!this.text) {
        const paragraph = new Y.XmlElement('paragraph');
        this.text = new Y.XmlText();
        paragraph.insert(0, [this.text]);
        const field = this.target.field(this.doc);
        field.insert(field.length, [paragraph]);
      }
      this.text.insert(this.text.length, `${token};`);
    });
    this.inFlight.push({ n: c.contentSent, tokens: [token] });
    this.unacknowledged.push(token);
  }

  /**
   * After the socket closed: the tokens its last `saved` acknowledged, taken off the unacknowledged list.
   * A `saved` lost with the connection only makes the count smaller, never wrong.
   */
  harvest(): string[] {
    const saved = this.client?.saved ?? 0;
    const acknowledged = new Set(this.inFlight.filter((m) => m.n <= saved).flatMap((m) => m.tokens));
    this.unacknowledged = this.unacknowledged.filter((t) => !acknowledged.has(t));
    this.client?.awareness.destroy();
    this.client = undefined;
    return [...acknowledged];
  }

  close(): void {
    this.client?.close();
  }

  /** The whole field as text, to compare writers. */
  fieldText(): string {
    return fragmentText(this.target.field(this.doc));
  }
}

/** Every token in a field, from every writer's paragraph. */
export function tokensIn(field: Y.XmlFragment): Set<string> {
  return new Set(fragmentText(field).split(/[;\n]/).filter((t) => t !== ''));
}
