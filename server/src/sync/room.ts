import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import { CloseCode } from '../../../shared/src/protocol/closeCodes';
import { parseDocName } from '../../../shared/src/schema/docNames';
import { LATEST_SCHEMA_VERSION, migrateDoc } from '../../../shared/src/schema/migrations';
import type { Logger } from '../log';
import type { DocStore } from '../storage/Store';
import { encodeAwareness, encodeSyncStep1, encodeSyncStep2, encodeUpdate, syncStep1Of, syncStep2Of } from './messages';
import { holdingsOfDoc, StoredState, type DocHoldings } from './storedState';

/** What a room needs of a connected socket: a way to send and to close. */
export interface RoomPeer {
  send(message: Uint8Array): void;
  close(code: number, reason: string): void;
}

/** Origin of the transaction that applies the stored state (before the room listens, so it is neither broadcast nor stored again). */
const LOAD_ORIGIN = Symbol('load');
/** Origin of the server's own changes: broadcast to every peer and stored like a client's. */
const SERVER_ORIGIN = Symbol('server');
/**
 * A built doc with no update for this long goes back to bytes: a plan edited in the morning and left open on
 * a screen all day should cost what an unedited one costs. Long enough that a typist pausing never pays for a
 * rebuild.
 */
export const IDLE_DOC_MS = 60_000;

export interface RoomOptions {
  compactAfterRecords: number;
  onBroken: (room: Room) => void;
  /** Tests only: `IDLE_DOC_MS` otherwise. */
  idleDocMs?: number;
}

/**
 * One doc of one plan, in memory while sockets are on it: the doc, its awareness, the peers, and the path
 * of every change to the store. A doc is served only after it loaded from storage; a failed load throws and
 * never yields an empty doc (STYLE.md, Errors).
 *
 * A room starts with the doc's stored state as bytes (`StoredState`) and builds the Y.Doc only when something
 * needs it: a write (a client's or the server's), a reader of `doc`, a migration. Joining and reading
 * (sync step 1 both ways, a step 2 that adds nothing) are answered from the bytes, so a doc nobody edits
 * costs its encoded size instead of a Y.Doc 20 times larger, and a join does not wait for the doc to be built
 * (docs/performance.md, idle memory and cold join). Once built, the doc stays live until the room unloads
 * or has had no update for `IDLE_DOC_MS`.
 */
export class Room {
  /** Awareness needs a doc only for a clientID and its destroy event: a tiny one of its own, never the content. */
  readonly awareness = new awarenessProtocol.Awareness(new Y.Doc());
  readonly peers = new Set<RoomPeer>();
  /** Which socket (of which member) speaks for each awareness clientID in this room. */
  private readonly awarenessClients = new Map<number, { peer: RoomPeer; memberId: string }>();
  private persisting: Promise<void> = Promise.resolve();
  /** The newest write; the log stores writes in order, so once it is durable all before it are too. */
  private lastWrite: Promise<void> = Promise.resolve();
  /** Writes not yet settled (many while the disk refuses writes, issue #9). */
  private pendingWrites = 0;
  private lastPersist: Promise<void> | undefined;
  private recordsInLog = 0;
  /** Bytes of the doc as stored (an upper bound of its encoded size); exact after a compaction or a measure. */
  private sizeEstimate = 0;
  private lastMeasured = -Infinity;
  private broken = false;
  private echoToOrigin = false;
  /** The doc as stored, while no Y.Doc is built; undefined once `live` is. */
  private stored: StoredState | undefined;
  private live: Y.Doc | undefined;
  private idleTimer: NodeJS.Timeout | undefined;

  private constructor(
    readonly planId: string,
    readonly docName: string,
    private readonly store: DocStore,
    private readonly log: Logger,
    private readonly options: RoomOptions,
  ) {
    // The server has no awareness state of its own.
    this.awareness.setLocalState(null);
    this.awareness.on('update', (change: AwarenessChange, origin: unknown) => this.onAwarenessUpdate(change, origin));
  }

  /** Loads a doc from the store; throws (e.g. `StorageCorrupt`) rather than serve a doc that failed to load. */
  static async load(
    store: DocStore,
    planId: string,
    docName: string,
    log: Logger,
    options: RoomOptions,
  ): Promise<Room> {
    const loaded = await store.load(planId, docName);
    const room = new Room(planId, docName, store, log, options);
    room.stored = StoredState.of(loaded.updates, loaded.index);
    room.recordsInLog = loaded.records;
    room.sizeEstimate = loaded.bytes;
    if (loaded.tornTail) log.warn('doc.torn_tail_dropped', { planId, docName });
    log.debug('doc.loaded', { planId, docName, records: loaded.records, bytes: loaded.bytes });
    // A doc whose bytes plainly say it is at the latest schema version, or has none (migrateDoc leaves those
    // alone), stays bytes. Any other (older, newer, or one the bytes do not tell) is built and migrated as it
    // always was.
    const version = room.stored.schemaVersion;
    if (version !== LATEST_SCHEMA_VERSION && version !== 0) await room.migrate();
    return room;
  }

  /** The Y.Doc, built from the stored state on first use; it stays live until idle for `IDLE_DOC_MS`. */
  get doc(): Y.Doc {
    return this.live ?? this.build();
  }

  /** True once the Y.Doc is built (tests and diagnostics; nothing else needs to ask). */
  get isLive(): boolean {
    return this.live !== undefined;
  }

  /** What the checks of an incoming update need of the doc, from the live doc or from the bytes. */
  get holdings(): DocHoldings {
    return this.live ? holdingsOfDoc(this.live) : (this.stored as StoredState);
  }

  /** Our sync step 1: the doc's state vector, read from the bytes while the doc is not built. */
  syncStep1(): Uint8Array {
    return this.live ? encodeSyncStep1(this.live) : syncStep1Of((this.stored as StoredState).encodeStateVector());
  }

  /**
   * Our sync step 2 for a client's state vector. From the bytes when they tell the answer (a new device gets
   * the stored state as it is); otherwise the doc is built (cheaper than cutting a diff out of the bytes).
   */
  syncStep2(stateVector: Uint8Array): Uint8Array {
    const fromBytes = this.stored?.diffFor(stateVector);
    return fromBytes ? syncStep2Of(fromBytes) : encodeSyncStep2(this.doc, stateVector);
  }

  private build(): Y.Doc {
    const stored = this.stored as StoredState;
    const doc = new Y.Doc({ gc: true });
    Y.applyUpdate(doc, stored.update, LOAD_ORIGIN);
    // Listening only after the stored state is in: Yjs would otherwise encode the whole load for a listener
    // that ignores it (docs/performance.md, cold join).
    doc.on('update', (update: Uint8Array, origin: unknown) => this.onDocUpdate(update, origin));
    this.live = doc;
    this.stored = undefined;
    this.armIdleTimer();
    this.log.debug('doc.built', { planId: this.planId, docName: this.docName });
    return doc;
  }

  private armIdleTimer(): void {
    this.idleTimer = setTimeout(() => this.returnToBytes(), this.options.idleDocMs ?? IDLE_DOC_MS);
    this.idleTimer.unref();
  }

  /**
   * Drops the built doc and keeps its state as bytes. Only with every write stored: the bytes then hold exactly
   * what memory held, so nothing a client sent is in one and not the other. Synchronous, so no message is
   * handled halfway through.
   */
  private returnToBytes(): void {
    this.idleTimer = undefined;
    const live = this.live;
    if (!live || this.broken) return;
    if (this.pendingWrites > 0) return this.armIdleTimer();
    this.stored = StoredState.of([Y.encodeStateAsUpdate(live)]);
    this.sizeEstimate = this.stored.update.length;
    this.live = undefined;
    live.destroy();
    this.log.debug('doc.returned_to_bytes', { planId: this.planId, docName: this.docName });
  }

  /**
   * Brings a doc of an older schema version up to date before anyone sees it, and stores that step
   * durably first: the server is where a doc is authoritative, so clients never migrate on their own.
   */
  private async migrate(): Promise<void> {
    const parsed = parseDocName(this.docName);
    if (!parsed) return;
    const { from, to } = migrateDoc(this.doc, parsed.kind);
    if (from === to) return;
    // The migration's transaction went through onDocUpdate like any change; wait until it is on disk.
    await this.lastPersist;
    this.log.info('doc.migrated', { planId: this.planId, docName: this.docName, from, to });
  }

  /**
   * Applies a client's update that passed inspection. `kind: 'applied'` carries undefined when it added
   * nothing, else a promise that resolves once the change is durable: broadcast to the other peers happens
   * at once, the acknowledgement waits for the store (DESIGN.md §6). `kind: 'incomplete'`: part of the update
   * could not be placed (items that depend on each other in a cycle); that part was dropped rather than held
   * in memory, and the sender is to be closed.
   */
  applyFromPeer(update: Uint8Array, from: RoomPeer): { kind: 'applied'; durable: Promise<void> | undefined } | { kind: 'incomplete' } {
    this.lastPersist = undefined;
    const { store } = this.doc;
    const before = { structs: store.pendingStructs, update: store.pendingStructs?.update, ds: store.pendingDs };
    // Held-back structs (stored before issue #9 refused them) that this update completes are news to its sender too.
    this.echoToOrigin = before.structs !== null || before.ds !== null;
    Y.applyUpdate(this.doc, update, from);
    this.echoToOrigin = false;
    const held = store.pendingStructs;
    const grew = (held !== null && (held !== before.structs || held.update !== before.update)) || (store.pendingDs !== null && store.pendingDs !== before.ds);
    if (grew) {
      // Inspection refuses missing dependencies, so only items that depend on each other in a cycle get here:
      // never keep them (each later update would retry them) and never store them.
      if (before.structs !== null) before.structs.update = before.update as Uint8Array;
      store.pendingStructs = before.structs;
      store.pendingDs = before.ds;
      return { kind: 'incomplete' };
    }
    return { kind: 'applied', durable: this.lastPersist };
  }

  /**
   * True when adding `bytes` would grow the doc past `cap` (issue #9, 4413). The stored log's size is an upper
   * bound kept on every write; only near the cap is the doc measured, at most once a second (a measure costs
   * a pass over the doc).
   */
  wouldExceed(bytes: number, cap: number): boolean {
    if (this.sizeEstimate + bytes <= cap) return false;
    const now = performance.now();
    if (now - this.lastMeasured >= 1000) {
      this.lastMeasured = now;
      this.sizeEstimate = Y.encodeStateAsUpdate(this.doc).length;
    }
    return this.sizeEstimate + bytes > cap;
  }

  /** Waits for every write made so far to settle (stored, or failed). */
  flushed(): Promise<void> {
    return this.persisting;
  }

  /**
   * Resolves once every write made so far is durable; rejects when the newest failed. An update that adds
   * nothing new to memory may still carry what is on its way to disk, so its `saved` waits for this
   * (issue #9: `saved` only after fsync, also for a resent change).
   */
  durableSoFar(): Promise<void> {
    return this.lastWrite;
  }

  /** Some write is still waiting for the store (the disk may be refusing writes). */
  get hasPendingWrites(): boolean {
    return this.pendingWrites > 0;
  }

  /**
   * Applies a change the server makes itself (an adopted proposal, an action's status): broadcast to every
   * peer, and durable when `durable` resolves (undefined work resolves at once).
   */
  applyFromServer<T>(fn: (doc: Y.Doc) => T): { result: T; durable: Promise<void> } {
    this.lastPersist = undefined;
    let result!: T;
    this.doc.transact(() => {
      result = fn(this.doc);
    }, SERVER_ORIGIN);
    return { result, durable: this.lastPersist ?? Promise.resolve() };
  }

  /** Binds an awareness clientID to a peer; false when another peer holds it. */
  claimAwarenessClient(clientId: number, peer: RoomPeer, memberId: string): boolean {
    const holder = this.awarenessClients.get(clientId);
    if (holder !== undefined && holder.peer !== peer) return false;
    this.awarenessClients.set(clientId, { peer, memberId });
    return true;
  }

  /**
   * True when another member's live socket speaks for this clientID. Nobody may write new structs in that
   * member's name: the server would take them for theirs and drop that member's own edits at those clocks.
   */
  clientIdOfOtherMember(clientId: number, memberId: string): boolean {
    const holder = this.awarenessClients.get(clientId);
    return holder !== undefined && holder.memberId !== memberId;
  }

  /** Frees a peer's awareness clientID (its socket closed). */
  releaseAwarenessClient(clientId: number, peer: RoomPeer): void {
    if (this.awarenessClients.get(clientId)?.peer === peer) this.awarenessClients.delete(clientId);
  }

  /** Writes the whole state as one record, so the next load does not replay history. */
  async compact(): Promise<void> {
    if (this.broken || this.recordsInLog <= 1) return;
    // The compacted state is itself a record: one write after a compaction leaves two, which the next
    // unload must fold, or a restarted server merges them on every cold join (docs/performance.md).
    this.recordsInLog = 1;
    // Not built: the stored records were merged into one update at load, which is the whole state. Its index
    // goes with it, so the next load reads it instead of a pass over the state (docs/performance.md, cold join).
    const stored = this.live ? StoredState.of([Y.encodeStateAsUpdate(this.live)]) : (this.stored as StoredState);
    this.sizeEstimate = stored.update.length;
    await this.store.compact(this.planId, this.docName, stored.update, stored.encodeIndex());
  }

  destroy(): void {
    clearTimeout(this.idleTimer);
    const awarenessDoc = this.awareness.doc;
    this.awareness.destroy();
    awarenessDoc.destroy();
    this.live?.destroy();
  }

  private onDocUpdate(update: Uint8Array, origin: unknown): void {
    this.idleTimer?.refresh();
    const message = encodeUpdate(update);
    for (const peer of this.peers) if (peer !== origin || this.echoToOrigin) peer.send(message);
    this.lastPersist = this.persist(update);
  }

  private persist(update: Uint8Array): Promise<void> {
    const write = this.store.append(this.planId, this.docName, update);
    this.sizeEstimate += update.length;
    this.lastWrite = write;
    this.pendingWrites += 1;
    // Registered first, so the count is down before anyone awaiting `write` goes on.
    const settled = () => {
      this.pendingWrites -= 1;
    };
    this.persisting = write.then(settled, settled);
    this.recordsInLog += 1;
    if (this.recordsInLog >= this.options.compactAfterRecords) {
      this.compact().catch((error: unknown) => this.log.error('doc.compact_failed', { planId: this.planId, docName: this.docName, error }));
    }
    write.catch((error: unknown) => this.fail(error));
    return write;
  }

  /**
   * A write failed: the memory state is now ahead of the disk. Close every socket (clients keep their
   * changes and resend them on reconnect) and let the registry drop this room, so that the next open
   * loads what is really stored.
   */
  private fail(error: unknown): void {
    if (this.broken) return;
    this.broken = true;
    this.log.error('doc.write_failed', { planId: this.planId, docName: this.docName, error });
    for (const peer of [...this.peers]) peer.close(CloseCode.serverError, 'storage');
    this.options.onBroken(this);
  }

  private onAwarenessUpdate({ added, updated, removed }: AwarenessChange, origin: unknown): void {
    const changed = [...added, ...updated, ...removed];
    if (changed.length === 0) return;
    const message = encodeAwareness(this.awareness, changed);
    for (const peer of this.peers) if (peer !== origin) peer.send(message);
  }
}

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}
