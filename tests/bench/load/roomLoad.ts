import { LoadClient, type Seat } from './loadClient';
import { PropagationTracker } from './propagationTracker';
import { SavedLatencyTracker } from './savedTracker';

/** The simulated clients of one room (one doc) with their latency trackers. */
export interface RoomLoad {
  clients: LoadClient[];
  propagation: PropagationTracker;
  /** Only for the project: the reference never sends `saved`. */
  saved: SavedLatencyTracker | undefined;
}

/**
 * Opens every seat, `concurrency` sockets at a time, and waits until each is synced. Rooms are opened in order,
 * so a failure names the first room that could not be joined.
 */
export async function connectRooms(seats: readonly (readonly Seat[])[], options: { trackSaved: boolean; concurrency?: number }): Promise<RoomLoad[]> {
  const all = seats.flatMap((room, r) => room.map((seat, c) => ({ seat, r, c })));
  const clients: LoadClient[][] = seats.map(() => []);
  const concurrency = options.concurrency ?? 50;
  try {
    for (let i = 0; i < all.length; i += concurrency) {
      const batch = all.slice(i, i + concurrency).map(({ seat, r, c }) => {
        const client = new LoadClient(seat);
        (clients[r] as LoadClient[])[c] = client;
        return client.synced;
      });
      await Promise.all(batch);
    }
  } catch (error) {
    await closeRooms(clients.map((list) => ({ clients: list.filter(Boolean) })));
    throw error;
  }
  return clients.map((list) => ({
    clients: list,
    propagation: new PropagationTracker(list),
    saved: options.trackSaved ? new SavedLatencyTracker(list) : undefined,
  }));
}

/** Closes every client of every room. */
export async function closeRooms(rooms: readonly { clients: readonly LoadClient[] }[]): Promise<void> {
  await Promise.all(rooms.flatMap((room) => room.clients.map((c) => c.close())));
}

/** Counts refusals the bench must not hide: `rejected` messages and 4429 closes (a limit to raise). */
export function checkHealthy(rooms: readonly RoomLoad[]): { rejected: number; rateLimited: number } {
  let rejected = 0;
  let rateLimited = 0;
  for (const room of rooms) {
    for (const c of room.clients) {
      rejected += c.rejected;
      if (c.rateLimited) rateLimited += 1;
    }
  }
  if (rateLimited > 0) throw new Error(`${rateLimited} sockets were closed with 4429 (too many messages): raise that limit in tests/bench/limits.ts`);
  return { rejected, rateLimited };
}
