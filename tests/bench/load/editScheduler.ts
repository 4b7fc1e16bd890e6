import { randomInt } from '../rng';
import { typeEdit } from './editText';
import type { LoadClient } from './loadClient';
import type { RoomLoad } from './roomLoad';

/** How often the scheduler wakes: one timer for all clients, never one timer per client. */
const TICK_MS = 5;
/** At most this many edits per client per tick when the generator fell behind, so a stall does not turn into a burst. */
const MAX_CATCH_UP = 4;

export interface LoadRun {
  /** Edits made. */
  edits: number;
  /** The longest an edit started after its scheduled time: shows whether the generator kept up. */
  maxLagMs: number;
}

/**
 * Makes every client of every room edit at `perClientPerSecond` for `durationMs`, each with a random phase
 * so that edits do not line up. Every edit is logged with the trackers under `bucket`. Resolves when done.
 * `edit` makes one edit (default: `typeEdit`, a few characters at a random place of the client's paragraph).
 */
export function runEdits(
  rooms: readonly RoomLoad[],
  options: { perClientPerSecond: number; durationMs: number; bucket: number; rng: () => number; edit?: (client: LoadClient, rng: () => number) => void },
): Promise<LoadRun> {
  const edit = options.edit ?? ((client: LoadClient, rng: () => number) => typeEdit(client.doc, rng));
  const period = 1000 / options.perClientPerSecond;
  const start = performance.now();
  const end = start + options.durationMs;
  const plan = rooms.flatMap((room) => room.clients.map((client, index) => ({ room, client, index, nextAt: start + options.rng() * period })));
  let edits = 0;
  let maxLagMs = 0;
  return new Promise((resolve) => {
    const tick = () => {
      const now = performance.now();
      const until = Math.min(now, end);
      for (const p of plan) {
        let made = 0;
        while (p.nextAt <= until && made < MAX_CATCH_UP) {
          maxLagMs = Math.max(maxLagMs, now - p.nextAt);
          const startedAt = performance.now();
          edit(p.client, options.rng);
          p.room.propagation.edited(p.index, startedAt, options.bucket);
          p.room.saved?.edited(p.index, p.client.contentSent, startedAt, options.bucket);
          p.nextAt += period;
          made += 1;
          edits += 1;
        }
        // Skipped edits (beyond the catch-up cap) are dropped, not queued: the lag figure reports them.
        if (p.nextAt <= until) p.nextAt = now + randomInt(options.rng, Math.max(1, Math.round(period)));
      }
      if (now >= end) {
        clearInterval(timer);
        resolve({ edits, maxLagMs });
      }
    };
    const timer = setInterval(tick, TICK_MS);
  });
}
