import * as Y from 'yjs';
import { SampleRecorder } from '../sampleRecorder';
import type { LoadClient } from './loadClient';

/** Edits sent before measuring starts (warm-up) are tracked for delivery but not recorded. */
export const NOT_MEASURED = -1;

/** One client's edits: when each was made, the clock its doc reached with it, and the bucket it counts in. */
interface EditLog {
  times: number[];
  clocks: number[];
  buckets: number[];
}

/**
 * Propagation latency in one room, from the sender's transaction to the moment each other client has applied
 * it (issue 10). No message is parsed for this: an edit of sender s has arrived at receiver r once r's doc
 * holds s's clientID up to the clock s reached with that edit. After each applied update r checks its
 * pointer into every sender's log, so the cost is O(clients) per message, and all clocks are the same
 * process's performance.now(). Samples go to a recorder per bucket (the ramp uses one per step).
 */
export class PropagationTracker {
  private readonly logs: EditLog[];
  /** next[r * n + s]: the first edit of sender s not yet seen at receiver r. */
  private readonly next: Int32Array;
  private readonly recorders = new Map<number, SampleRecorder>();

  constructor(private readonly clients: readonly LoadClient[]) {
    const n = clients.length;
    this.logs = clients.map(() => ({ times: [], clocks: [], buckets: [] }));
    this.next = new Int32Array(n * n);
    clients.forEach((client, r) => {
      client.onApplied = () => this.applied(r);
    });
  }

  /** Records that client s just made an edit (call right after its transaction) that began at `startedAt`. */
  edited(s: number, startedAt: number, bucket: number): void {
    const log = this.logs[s] as EditLog;
    const doc = (this.clients[s] as LoadClient).doc;
    log.times.push(startedAt);
    log.clocks.push(Y.getState(doc.store, doc.clientID));
    log.buckets.push(bucket);
  }

  recorder(bucket: number): SampleRecorder {
    let r = this.recorders.get(bucket);
    if (!r) {
      r = new SampleRecorder();
      this.recorders.set(bucket, r);
    }
    return r;
  }

  /** Deliveries still missing: edits in `bucket` (any bucket when omitted) that some other client lacks. */
  undelivered(bucket?: number): number {
    const n = this.clients.length;
    let missing = 0;
    for (let r = 0; r < n; r += 1) {
      for (let s = 0; s < n; s += 1) {
        if (s === r) continue;
        const log = this.logs[s] as EditLog;
        for (let k = this.next[r * n + s] as number; k < log.times.length; k += 1) {
          if (bucket === undefined || log.buckets[k] === bucket) missing += 1;
        }
      }
    }
    return missing;
  }

  private applied(r: number): void {
    const now = performance.now();
    const n = this.clients.length;
    const store = (this.clients[r] as LoadClient).doc.store;
    for (let s = 0; s < n; s += 1) {
      if (s === r) continue;
      const log = this.logs[s] as EditLog;
      let k = this.next[r * n + s] as number;
      if (k >= log.clocks.length) continue;
      const have = Y.getState(store, (this.clients[s] as LoadClient).doc.clientID);
      while (k < log.clocks.length && (log.clocks[k] as number) <= have) {
        const bucket = log.buckets[k] as number;
        if (bucket !== NOT_MEASURED) this.recorder(bucket).add(now - (log.times[k] as number));
        k += 1;
      }
      this.next[r * n + s] = k;
    }
  }
}
