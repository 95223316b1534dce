import type { CollabLogger, PendingUpdate } from "./types.ts";

/** Called once the entry is durable. */
export type DurableCallback = () => void;

interface QueueEntry {
  update: PendingUpdate;
  onDurable: DurableCallback;
  /** Waiting for this entry and everything before it (see afterQueuedDurable). */
  followers?: DurableCallback[];
  /** performance.now() when queued, for the persist latency. */
  queuedAt: number;
}

export interface PersistQueueOptions {
  persist: (batch: PendingUpdate[]) => Promise<void>;
  maxBatchSize: number;
  retryBaseMs: number;
  retryMaxMs: number;
  logger: CollabLogger;
  /** Called per entry once it is durable, with the time since it was queued. */
  onPersisted?: ((latencyMs: number) => void) | undefined;
}

/**
 * Group commit: one write in flight at a time; whatever arrives meanwhile goes
 * into the next call. A failed batch stays at the head of the queue and is
 * retried with exponential backoff, so order per document is kept and nothing
 * is dropped while the database is down.
 */
export class PersistQueue {
  private queue: QueueEntry[] = [];
  private writing = false;
  private scheduled = false;
  private retryTimer: NodeJS.Timeout | null = null;
  private failures = 0;
  private readonly pendingPerDocument = new Map<string, number>();
  private idleWaiters: Array<() => void> = [];

  constructor(private readonly options: PersistQueueOptions) {}

  enqueue(update: PendingUpdate, onDurable: DurableCallback): void {
    this.queue.push({ update, onDurable, queuedAt: performance.now() });
    this.pendingPerDocument.set(update.documentName, this.pendingFor(update.documentName) + 1);
    this.schedule();
  }

  /**
   * Runs `callback` once every entry queued so far is durable, at once if none is
   * waiting. Entries become durable in order, so it waits for the last one only.
   */
  afterQueuedDurable(callback: DurableCallback): void {
    const last = this.queue.at(-1);
    if (last === undefined) {
      callback();
      return;
    }
    if (last.followers === undefined) last.followers = [];
    last.followers.push(callback);
  }

  pendingFor(documentName: string): number {
    return this.pendingPerDocument.get(documentName) ?? 0;
  }

  get size(): number {
    return this.queue.length;
  }

  /** Resolves once the queue is empty (now or later); writes continue meanwhile. */
  whenIdle(): Promise<void> {
    if (this.queue.length === 0 && !this.writing) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Skip a pending backoff wait, e.g. during shutdown. */
  retryNow(): void {
    if (this.retryTimer === null) return;
    clearTimeout(this.retryTimer);
    this.retryTimer = null;
    void this.write();
  }

  stop(): void {
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private schedule(): void {
    if (this.writing || this.scheduled || this.retryTimer !== null) return;
    this.scheduled = true;
    // A microtask lets all updates of the current event-loop turn share one write.
    queueMicrotask(() => {
      this.scheduled = false;
      void this.write();
    });
  }

  private async write(): Promise<void> {
    if (this.writing) return;
    if (this.queue.length === 0) {
      this.notifyIdle();
      return;
    }
    this.writing = true;
    const batch = this.queue.slice(0, this.options.maxBatchSize);
    let ok = false;
    try {
      await this.options.persist(batch.map((entry) => entry.update));
      ok = true;
    } catch (error) {
      this.failures += 1;
      const delay = Math.min(
        this.options.retryMaxMs,
        this.options.retryBaseMs * 2 ** (this.failures - 1),
      );
      this.options.logger.warn(
        { err: error, batchSize: batch.length, retryInMs: delay, failures: this.failures },
        "collab: persisting updates failed, will retry",
      );
      this.retryTimer = setTimeout(() => {
        this.retryTimer = null;
        void this.write();
      }, delay);
    }
    this.writing = false;
    if (!ok) return;

    this.failures = 0;
    this.queue.splice(0, batch.length);
    const onPersisted = this.options.onPersisted;
    if (onPersisted !== undefined) {
      const now = performance.now();
      for (const entry of batch) onPersisted(now - entry.queuedAt);
    }
    for (const entry of batch) {
      const name = entry.update.documentName;
      const left = this.pendingFor(name) - 1;
      if (left > 0) this.pendingPerDocument.set(name, left);
      else this.pendingPerDocument.delete(name);
    }
    // Per stored update: no array is built for the rare entry that has followers.
    for (const entry of batch) {
      this.runDurable(entry.onDurable);
      for (const follower of entry.followers ?? []) this.runDurable(follower);
    }
    if (this.queue.length > 0) void this.write();
    else this.notifyIdle();
  }

  /** A callback that throws is logged; the others still run. */
  private runDurable(callback: DurableCallback): void {
    try {
      callback();
    } catch (error) {
      this.options.logger.error({ err: error }, "collab: durable callback failed");
    }
  }

  private notifyIdle(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}
