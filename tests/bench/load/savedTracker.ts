import { SampleRecorder } from '../sampleRecorder';
import type { LoadClient } from './loadClient';
import { NOT_MEASURED } from './propagationTracker';

/**
 * Time from an edit to the `saved` message that covers it (project only, DESIGN.md §7): `saved n` settles
 * every content message up to n on that socket, so each edit's number is remembered with its start time.
 */
export class SavedLatencyTracker {
  private readonly recorders = new Map<number, SampleRecorder>();
  /** Per client: content number → start time and bucket of the edit it carried (sparse: not every number is an edit). */
  private readonly pending: Map<number, { at: number; bucket: number }>[];

  constructor(clients: readonly LoadClient[]) {
    this.pending = clients.map(() => new Map());
    clients.forEach((client, i) => {
      const pending = this.pending[i] as Map<number, { at: number; bucket: number }>;
      client.onSaved = (from, to) => {
        const now = performance.now();
        for (let n = from + 1; n <= to; n += 1) {
          const edit = pending.get(n);
          if (!edit) continue;
          pending.delete(n);
          if (edit.bucket !== NOT_MEASURED) this.recorder(edit.bucket).add(now - edit.at);
        }
      };
    });
  }

  /** Call right after client i's edit went out as its content message `n`. */
  edited(i: number, n: number, startedAt: number, bucket: number): void {
    this.pending[i]?.set(n, { at: startedAt, bucket });
  }

  recorder(bucket: number): SampleRecorder {
    let r = this.recorders.get(bucket);
    if (!r) {
      r = new SampleRecorder();
      this.recorders.set(bucket, r);
    }
    return r;
  }

  /** Edits still waiting for `saved`. */
  unsaved(): number {
    return this.pending.reduce((sum, p) => sum + p.size, 0);
  }
}
