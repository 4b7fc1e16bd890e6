/** An append waiting for its batch: settled by the batch writer once the batch is durable (or failed). */
export interface PendingAppend {
  resolve(): void;
  reject(error: unknown): void;
}

type QueuedOp<A> = { kind: 'append'; append: A } | { kind: 'task'; run: () => Promise<void> };

/**
 * Runs a file's work strictly in call order, and hands appends that queued up while a durable write was in
 * flight to `writeBatch` together: one durable write for all of them (group commit, DESIGN.md §6).
 * Used by the doc logs and the audit logs.
 */
export class GroupCommitQueue<A extends PendingAppend> {
  private readonly queue: QueuedOp<A>[] = [];
  private draining = false;

  constructor(
    /** Writes a batch durably and settles every append in it; must not throw. */
    private readonly writeBatch: (batch: A[]) => Promise<void>,
    /** Turns a task's failure into the store's error type. */
    private readonly toError: (error: unknown) => Error,
  ) {}

  /** Queues an append; the batch writer settles it. */
  append(append: A): void {
    this.queue.push({ kind: 'append', append });
    this.kick();
  }

  /** Queues other work (load, compact, close …) behind everything queued before it. */
  task<T>(fn: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ kind: 'task', run: () => fn().then(resolve, (error: unknown) => reject(this.toError(error))) });
      this.kick();
    });
  }

  get isEmpty(): boolean {
    return this.queue.length === 0;
  }

  private kick(): void {
    if (this.draining) return;
    this.draining = true;
    void this.drain();
  }

  /** Never throws: each op settles itself. */
  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const head = this.queue[0];
      if (head?.kind === 'task') {
        this.queue.shift();
        await head.run();
        continue;
      }
      const batch: A[] = [];
      for (let op = this.queue[0]; op?.kind === 'append'; op = this.queue[0]) {
        this.queue.shift();
        batch.push(op.append);
      }
      await this.writeBatch(batch);
    }
    this.draining = false;
  }
}
