import type { Logger } from '../log';
import type { DocStore } from '../storage/Store';
import { Room, type RoomPeer } from './room';

type Slot = { kind: 'loading'; promise: Promise<Room> } | { kind: 'ready'; room: Room } | { kind: 'unloading'; promise: Promise<void> };

/**
 * The live rooms, keyed by plan and doc. A room is loaded on the first join (concurrent joins share one
 * load) and unloaded when its last peer has gone: writes are flushed, the log compacted, memory freed.
 */
export class RoomRegistry {
  private readonly slots = new Map<string, Slot>();

  constructor(
    private readonly store: DocStore & { release?(planId: string, docName: string): Promise<void> },
    private readonly log: Logger,
    private readonly options: { compactAfterRecords: number; onLoadFailed?: (planId: string, error: unknown) => void; idleDocMs?: number },
  ) {}

  /** Loads the room if needed and adds the peer to it. Rejects when the doc cannot be loaded. */
  async join(planId: string, docName: string, peer: RoomPeer): Promise<Room> {
    const key = `${planId}/${docName}`;
    for (;;) {
      const slot = this.slots.get(key);
      if (slot?.kind === 'ready') {
        slot.room.peers.add(peer);
        return slot.room;
      }
      if (slot?.kind === 'unloading') await slot.promise;
      else if (slot?.kind === 'loading') await slot.promise;
      else this.startLoading(key, planId, docName);
    }
  }

  /**
   * Removes a peer; the last one out unloads the room. While writes still wait for the disk (a full disk,
   * issue #9) the room stays in memory until they are stored, so a client that comes back joins it at once
   * instead of waiting behind an unload for the disk.
   */
  leave(room: Room, peer: RoomPeer): void {
    room.peers.delete(peer);
    if (room.peers.size > 0) return;
    if (room.hasPendingWrites) void room.flushed().then(() => this.unloadIfUnused(room));
    else this.unloadIfUnused(room);
  }

  private unloadIfUnused(room: Room): void {
    if (room.peers.size > 0) return;
    const key = `${room.planId}/${room.docName}`;
    const slot = this.slots.get(key);
    if (slot?.kind !== 'ready' || slot.room !== room) return;
    const promise = this.unload(room).finally(() => {
      if (this.slots.get(key)?.kind === 'unloading') this.slots.delete(key);
    });
    this.slots.set(key, { kind: 'unloading', promise });
  }

  /**
   * Runs a server-mediated change (DESIGN.md §4) on a doc as the server's own transaction: loads the room if
   * nobody has it open, broadcasts to everyone on it, and resolves once the change is durable.
   */
  async change<T>(planId: string, docName: string, fn: (doc: Room['doc']) => T): Promise<T> {
    const holder: RoomPeer = { send: () => undefined, close: () => undefined };
    const room = await this.join(planId, docName, holder);
    try {
      const { result, durable } = room.applyFromServer(fn);
      await durable;
      return result;
    } finally {
      this.leave(room, holder);
    }
  }

  /** The number of rooms in memory (health and benchmarks). */
  get size(): number {
    return this.slots.size;
  }

  /** Closes every peer and unloads every room (server shutdown). */
  async closeAll(code: number, reason: string): Promise<void> {
    const rooms = [...this.slots.values()].flatMap((s) => (s.kind === 'ready' ? [s.room] : []));
    for (const room of rooms) for (const peer of [...room.peers]) peer.close(code, reason);
    const done = [...this.slots.entries()].map(([key, s]) => {
      if (s.kind !== 'ready') return s.promise.then(() => undefined, () => undefined);
      // Marked unloading, so that a deferred unload (see `leave`) does not unload it a second time.
      const promise = this.unload(s.room);
      this.slots.set(key, { kind: 'unloading', promise });
      return promise;
    });
    await Promise.all(done);
    this.slots.clear();
  }

  private startLoading(key: string, planId: string, docName: string): void {
    const promise = Room.load(this.store, planId, docName, this.log, {
      compactAfterRecords: this.options.compactAfterRecords,
      onBroken: (room) => this.drop(key, room),
      idleDocMs: this.options.idleDocMs,
    });
    this.slots.set(key, { kind: 'loading', promise });
    promise.then(
      (room) => this.slots.set(key, { kind: 'ready', room }),
      (error: unknown) => {
        this.slots.delete(key);
        this.log.error('doc.load_failed', { planId, docName, error });
        this.options.onLoadFailed?.(planId, error);
      },
    );
    // join() awaits `promise`; swallow here so a failed load is not an unhandled rejection twice.
    promise.catch(() => undefined);
  }

  private drop(key: string, room: Room): void {
    const slot = this.slots.get(key);
    if (slot?.kind === 'ready' && slot.room === room) this.slots.delete(key);
    room.destroy();
  }

  private async unload(room: Room): Promise<void> {
    await room.flushed();
    try {
      await room.compact();
    } catch (error) {
      this.log.error('doc.compact_failed', { planId: room.planId, docName: room.docName, error });
    }
    room.destroy();
    await this.store.release?.(room.planId, room.docName);
  }
}
