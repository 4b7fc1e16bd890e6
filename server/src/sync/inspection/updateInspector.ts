import { Worker } from 'node:worker_threads';
import type { Logger } from '../../log';
import type { ShapeBounds, ShapeResult } from './updateShape';
import { INSPECTION_WORKER_URL } from '../../repoPaths';

/**
 * What an inspection found: the update's shape, a fault in it, that checking it took too much, or that the
 * server is stopping (the update was not checked; its socket is about to close with 4500).
 */
export type InspectionResult = ShapeResult | { ok: false; fault: 'over_budget' | 'stopped'; detail: string };

export interface InspectorOptions {
  readonly bounds: ShapeBounds;
  /** Time one check may take in the worker before the worker is replaced. */
  readonly budgetMs: number;
  /** Heap of each worker; a check that needs more ends the worker. */
  readonly memoryMb: number;
  readonly log: Logger;
  /** Tests only: another worker script (one that fails on purpose). `INSPECTION_WORKER_URL` otherwise. */
  readonly workerUrl?: URL;
}

/** Updates up to this size go to their own worker, so that typing never waits behind a large first sync. */
const SMALL_UPDATE_BYTES = 64 * 1024;

/**
 * Decodes and checks every incoming update in a worker thread, before it touches a live doc (issue #9): the
 * main event loop never decodes an update itself. Two long-lived workers, one for small updates and one for
 * large ones; each has one message in flight at a time, with a time and memory budget (the small lane's
 * message carries every update queued by then, see `InspectionLane`). A check over budget ends its worker (a
 * fresh one takes over) and is tried once more there, so that a moment of CPU starvation does not
 * close an honest client; over budget twice answers `over_budget`. Callers keep the order of their own
 * updates by awaiting each answer before they apply the update.
 *
 * @example
 * const result = await inspector.inspect(update);
 * if (!result.ok) close(result.fault === 'over_budget' ? 4413 : 4400);
 */
export class UpdateInspector {
  private readonly small: InspectionLane;
  private readonly large: InspectionLane;

  constructor(options: InspectorOptions) {
    this.small = new InspectionLane('small', options);
    // Most servers never see a large update; its worker starts with the first one. Large updates go one per
    // message: each may take the whole budget.
    this.large = new InspectionLane('large', options, { lazy: true, batches: false });
  }

  /**
   * Resolves once the small-update worker is loaded; rejects when it fails to start, so that a server that
   * cannot check updates does not start at all.
   */
  ready(): Promise<void> {
    return this.small.started;
  }

  /** Inspects `update`: copied once into shared memory, which the worker copies out of (the caller keeps its bytes). */
  inspect(update: Uint8Array): Promise<InspectionResult> {
    const shared = new Uint8Array(new SharedArrayBuffer(update.length));
    shared.set(update);
    return (update.length <= SMALL_UPDATE_BYTES ? this.small : this.large).submit(shared);
  }

  async close(): Promise<void> {
    await Promise.all([this.small.close(), this.large.close()]);
  }
}

interface Job {
  readonly id: number;
  /** Over shared memory: posting it again for a retry copies nothing. */
  readonly update: Uint8Array;
  readonly resolve: (result: InspectionResult) => void;
  /** Was in a batch that went over budget: checked on its own from now on, so a fault names its job. */
  alone: boolean;
  /** Over budget once already, on its own. */
  retried: boolean;
}

type WorkerMessage = { ready: true } | { results: { id: number; result: ShapeResult }[] };

/** How much one message to the small-update worker may carry (jobs, bytes). */
const BATCH_JOBS = 64;
const BATCH_BYTES = 1024 * 1024;

/**
 * One worker and its queue, one message in flight at a time. An update that finds the worker idle goes at
 * once; the updates that arrive while a message is in flight go together in the next one (a batch): each
 * hand-over to a thread costs a wake-up of that thread and of this one, which on a busy server costs more than
 * checking a small update (docs/performance.md). Waiting to fill a batch would cost latency instead. A batch
 * that goes over budget or kills its worker is split: each of its updates is then checked alone, so the one
 * at fault is named and the others pass.
 */
class InspectionLane {
  /** Settles when the first worker is loaded, or failed to load. */
  readonly started: Promise<void>;
  private markStarted: (error?: Error) => void = () => undefined;
  private worker: Worker | undefined;
  private ready = false;
  private readonly queue: Job[] = [];
  private inFlight: Job[] = [];
  private timer: NodeJS.Timeout | undefined;
  private nextId = 1;
  private closed = false;
  /** Workers that died before they were ready, in a row: a broken install must not spin. */
  private failedStarts = 0;
  private everStarted = false;
  /** Most updates per message: one for large updates, whose checks each may take the whole budget. */
  private readonly batchJobs: number;

  constructor(
    private readonly name: string,
    private readonly options: InspectorOptions,
    { lazy = false, batches = true }: { lazy?: boolean; batches?: boolean } = {},
  ) {
    this.batchJobs = batches ? BATCH_JOBS : 1;
    this.started = new Promise<void>((resolve, reject) => {
      this.markStarted = (error) => {
        this.markStarted = () => undefined;
        if (error) reject(error);
        else resolve();
      };
    });
    // Callers that never ask for readiness must not see an unhandled rejection.
    this.started.catch(() => undefined);
    if (!lazy) this.start();
  }

  submit(update: Uint8Array): Promise<InspectionResult> {
    if (this.closed) return Promise.resolve({ ok: false, fault: 'stopped', detail: 'the server is stopping' });
    return new Promise((resolve) => {
      this.queue.push({ id: this.nextId++, update, resolve, alone: false, retried: false });
      if (!this.worker && !this.everStarted) this.start();
      this.send();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    for (const job of [...this.inFlight, ...this.queue.splice(0)]) job.resolve({ ok: false, fault: 'stopped', detail: 'the server is stopping' });
    this.inFlight = [];
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }

  private start(): void {
    this.everStarted = true;
    const { bounds, memoryMb } = this.options;
    const worker = new Worker(this.options.workerUrl ?? INSPECTION_WORKER_URL, {
      workerData: bounds,
      resourceLimits: { maxOldGenerationSizeMb: memoryMb, maxYoungGenerationSizeMb: Math.min(32, Math.max(4, memoryMb / 8)), stackSizeMb: 4 },
    });
    // An idle worker must not keep the process alive.
    worker.unref();
    worker.on('message', (message: WorkerMessage) => this.onMessage(worker, message));
    worker.on('error', (error) => this.onDeath(worker, error));
    worker.on('exit', (code) => this.onDeath(worker, new Error(`worker exited with ${code}`)));
    this.worker = worker;
    this.ready = false;
  }

  private send(): void {
    if (this.closed || this.inFlight.length > 0 || !this.ready || !this.worker) return;
    const batch = this.nextBatch();
    if (batch.length === 0) return;
    this.inFlight = batch;
    this.worker.postMessage({ jobs: batch.map(({ id, update }) => ({ id, update })) });
    this.timer = setTimeout(() => this.replace(`a check took longer than ${this.options.budgetMs} ms`), this.options.budgetMs);
  }

  /** The queue's head: alone if it must be, else every update up to the batch's bounds. */
  private nextBatch(): Job[] {
    const first = this.queue[0];
    if (!first || first.alone) return this.queue.splice(0, 1);
    let count = 0;
    let bytes = 0;
    for (const job of this.queue) {
      if (job.alone || count === this.batchJobs || (count > 0 && bytes + job.update.length > BATCH_BYTES)) break;
      count += 1;
      bytes += job.update.length;
    }
    return this.queue.splice(0, count);
  }

  private onMessage(worker: Worker, message: WorkerMessage): void {
    if (worker !== this.worker) return;
    if ('ready' in message) {
      this.ready = true;
      this.failedStarts = 0;
      this.markStarted();
      return this.send();
    }
    const batch = this.inFlight;
    const { results } = message;
    if (results.length !== batch.length || results.some((answer, i) => answer.id !== batch[i]?.id)) return;
    clearTimeout(this.timer);
    this.inFlight = [];
    results.forEach((answer, i) => batch[i]?.resolve(answer.result));
    this.send();
  }

  /** The worker died (out of memory, a crash): its batch is over budget; a fresh worker takes the rest. */
  private onDeath(worker: Worker, error: Error): void {
    if (worker !== this.worker || this.closed) return;
    this.replace(error.message);
  }

  private replace(detail: string): void {
    clearTimeout(this.timer);
    const batch = this.inFlight;
    this.inFlight = [];
    const old = this.worker;
    this.worker = undefined;
    this.options.log.warn('inspection.worker_replaced', { lane: this.name, during: batch.length > 0 ? 'check' : 'idle', updates: batch.length, detail });
    void old?.terminate();
    if (!this.ready) {
      this.failedStarts += 1;
      this.markStarted(new Error(`the update inspection worker did not start: ${detail}`));
    }
    this.queue.unshift(...this.jobsToTryAgain(batch, detail));
    if (this.closed) return;
    if (this.failedStarts === 0) return this.start();
    // Updates wait in the queue meanwhile; nothing reaches a doc unchecked.
    this.options.log.error('inspection.worker_start_failed', { lane: this.name, attempts: this.failedStarts, detail });
    setTimeout(() => this.closed || this.start(), Math.min(30_000, 500 * 2 ** this.failedStarts)).unref();
  }

  /**
   * After a batch failed, its updates are checked again one by one. An update that failed on its own is tried
   * once more in a fresh worker (a moment of CPU starvation must not close an honest client); twice is
   * `over_budget`.
   */
  private jobsToTryAgain(batch: Job[], detail: string): Job[] {
    if (this.failedStarts > 0) {
      for (const job of batch) job.resolve({ ok: false, fault: 'over_budget', detail });
      return [];
    }
    if (batch.length > 1) {
      for (const job of batch) job.alone = true;
      return batch;
    }
    const [job] = batch;
    if (!job) return [];
    if (job.retried) {
      job.resolve({ ok: false, fault: 'over_budget', detail });
      return [];
    }
    job.alone = true;
    job.retried = true;
    return [job];
  }
}
