import { setTimeout as delay } from 'node:timers/promises';
import { StorageUnavailable } from '../../errors';
import type { Logger } from '../../log';
import type { StorageWatcher } from '../Store';
import { errnoCode } from './durableFs';

/** How long to wait between attempts while the disk refuses writes. */
export interface RetryTiming {
  /** Wait after the first failure; doubled after each further one. */
  firstDelayMs: number;
  /** The longest wait, so that writing resumes soon after space returns. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY_TIMING: RetryTiming = { firstDelayMs: 100, maxDelayMs: 2000 };

/**
 * Errors that say "not now" rather than "never": a full disk or quota, an I/O error, a file system remounted
 * read-only or made unwritable, too many open files. A write that fails with one of these is tried again.
 */
const TRANSIENT = new Set(['ENOSPC', 'EDQUOT', 'EIO', 'EROFS', 'EACCES', 'EPERM', 'EAGAIN', 'EBUSY', 'EMFILE', 'ENFILE', 'ENOMEM']);

export function isTransientWriteError(error: unknown): boolean {
  const code = errnoCode(error);
  return code !== undefined && TRANSIENT.has(code);
}

/** One file that writes go to, and the plan it belongs to (for /healthz). */
export interface WriteTarget {
  /** Unique per file, e.g. `doc:<planId>/<docName>`; opaque ids only, so it may be logged. */
  key: string;
  planId: string;
}

/**
 * Keeps writes that the disk refuses (issue #9: disk full, I/O error, read-only) and tries them again with a
 * growing delay until they succeed, so that nothing is acknowledged before it is durable and nothing waiting
 * is dropped when space returns. While any file of a plan is refusing, the watcher hears it once per plan
 * (`/healthz` lists the plan as degraded) and again once every file of it writes again.
 *
 * `stop` (server shutdown) ends every wait: the writes still waiting then fail with `StorageUnavailable`.
 * Their senders never got `saved`, so they still hold the changes and send them again on reconnect.
 */
export class WriteRetry {
  private stopped = false;
  private readonly wakeUp = new AbortController();
  /** planId → keys of its files whose writes are being refused. */
  private readonly refusing = new Map<string, Set<string>>();

  constructor(
    private readonly timing: RetryTiming,
    private readonly watcher: StorageWatcher,
    private readonly log: Logger,
  ) {}

  /**
   * Runs `attempt` until it succeeds. `attempt` must leave nothing half written when it fails (it cuts a
   * failed append back). Rethrows a failure that is not transient; throws `StorageUnavailable` once stopped.
   */
  async run(target: WriteTarget, attempt: () => Promise<void>): Promise<void> {
    let refusedSince: number | undefined;
    try {
      for (let failures = 0; ; failures++) {
        try {
          await attempt();
          if (refusedSince !== undefined) {
            this.log.info('storage.writes_resumed', { planId: target.planId, file: target.key, attempts: failures + 1, ms: Date.now() - refusedSince });
          }
          return;
        } catch (error) {
          if (!isTransientWriteError(error)) throw error;
          if (this.stopped) throw new StorageUnavailable(`storage refused a write (${errnoCode(error)}) and the store is closing`);
          if (refusedSince === undefined) {
            refusedSince = Date.now();
            this.log.error('storage.writes_refused', { planId: target.planId, file: target.key, code: errnoCode(error) });
            this.markRefusing(target);
          }
          await this.wait(failures);
        }
      }
    } finally {
      if (refusedSince !== undefined) this.clearRefusing(target);
    }
  }

  /** Ends every wait now and every later one at once (server shutdown). */
  stop(): void {
    this.stopped = true;
    this.wakeUp.abort();
  }

  private async wait(failures: number): Promise<void> {
    const ms = Math.min(this.timing.maxDelayMs, this.timing.firstDelayMs * 2 ** Math.min(failures, 30));
    await delay(ms, undefined, { signal: this.wakeUp.signal }).catch(() => undefined);
  }

  private markRefusing(target: WriteTarget): void {
    let keys = this.refusing.get(target.planId);
    if (!keys) {
      keys = new Set();
      this.refusing.set(target.planId, keys);
      this.watcher.writesRefused(target.planId);
    }
    keys.add(target.key);
  }

  private clearRefusing(target: WriteTarget): void {
    const keys = this.refusing.get(target.planId);
    if (!keys?.delete(target.key) || keys.size > 0) return;
    this.refusing.delete(target.planId);
    this.watcher.writesResumed(target.planId);
  }
}
