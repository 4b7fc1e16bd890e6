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
}

/** Updates up to this size go to their own worker, so that typing never waits behind a large first sync. */
const SMALL_UPDATE_BYTES = 64 * 1024;

/**
 * Decodes and checks every incoming update in a worker thread, before it touches a live doc (issue #9): the
 * main event loop never decodes an update itself. Two long-lived workers, one for small updates and one for
 * large ones; each takes one update at a time, with a time and memory budget. A check over budget ends its
 * worker (a fresh one takes over) and is tried once more there, so that a moment of CPU starvation does not
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
    // Most servers never see a large update; its worker starts with the first one.
    this.large = new InspectionLane('large', options, { lazy: true });
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
  /** Over budget once already. */
  retried: boolean;
}

type WorkerMessage = { ready: true } | { id: number; result: ShapeResult };

/** One worker and its queue: strictly one job at a time, so a crash or a timeout names its job. */
class InspectionLane {
  /** Settles when the first worker is loaded, or failed to load. */
  readonly started: Promise<void>;
  private markStarted: (error?: Error) => void = () => undefined;
  private worker: Worker | undefined;
  private ready = false;
  private readonly queue: Job[] = [];
  private current: Job | undefined;
  private timer: NodeJS.Timeout | undefined;
  private nextId = 1;
  private closed = false;
  /** Workers that died before they were ready, in a row: a broken install must not spin. */
  private failedStarts = 0;
  private everStarted = false;

  constructor(
    private readonly name: string,
    private readonly options: InspectorOptions,
    { lazy = false }: { lazy?: boolean } = {},
  ) {
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
      this.queue.push({ id: this.nextId++, update, resolve, retried: false });
      if (!this.worker && !this.everStarted) this.start();
      this.pump();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    for (const job of [this.current, ...this.queue.splice(0)]) job?.resolve({ ok: false, fault: 'stopped', detail: 'the server is stopping' });
    this.current = undefined;
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }

  private start(): void {
    this.everStarted = true;
    const { bounds, memoryMb } = this.options;
    const worker = new Worker(INSPECTION_WORKER_URL, {
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

  private pump(): void {
    if (this.closed || this.current || !this.ready || !this.worker) return;
    const job = this.queue.shift();
    if (!job) return;
    this.current = job;
    this.worker.postMessage({ id: job.id, update: job.update });
    this.timer = setTimeout(() => this.replace(`a check took longer than ${this.options.budgetMs} ms`), this.options.budgetMs);
  }

  private onMessage(worker: Worker, message: WorkerMessage): void {
    if (worker !== this.worker) return;
    if ('ready' in message) {
      this.ready = true;
      this.failedStarts = 0;
      this.markStarted();
      return this.pump();
    }
    const job = this.current;
    if (!job || job.id !== message.id) return;
    clearTimeout(this.timer);
    this.current = undefined;
    job.resolve(message.result);
    this.pump();
  }

  /** The worker died (out of memory, a crash): its job is over budget; a fresh worker takes the rest. */
  private onDeath(worker: Worker, error: Error): void {
    if (worker !== this.worker || this.closed) return;
    this.replace(error.message);
  }

  private replace(detail: string): void {
    clearTimeout(this.timer);
    const job = this.current;
    this.current = undefined;
    const old = this.worker;
    this.worker = undefined;
    this.options.log.warn('inspection.worker_replaced', { lane: this.name, during: job ? 'check' : 'idle', detail });
    void old?.terminate();
    if (!this.ready) {
      this.failedStarts += 1;
      this.markStarted(new Error(`the update inspection worker did not start: ${detail}`));
    }
    if (job && !job.retried && this.failedStarts === 0) {
      job.retried = true;
      this.queue.unshift(job);
    } else {
      job?.resolve({ ok: false, fault: 'over_budget', detail });
    }
    if (this.closed) return;
    if (this.failedStarts === 0) return this.start();
    // Updates wait in the queue meanwhile; nothing reaches a doc unchecked.
    this.options.log.error('inspection.worker_start_failed', { lane: this.name, attempts: this.failedStarts, detail });
    setTimeout(() => this.closed || this.start(), Math.min(30_000, 500 * 2 ** this.failedStarts)).unref();
  }
}
