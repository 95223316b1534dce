import { type Database, type Executor, schema, type Transaction } from "@runder-tisch/db";
import { and, eq, inArray, sql } from "drizzle-orm";

export interface JobToSchedule {
  kind: string;
  payload?: Record<string, unknown>;
  /** Unset: now. */
  runAt?: Date;
  /** A job with the same key is scheduled once, however many nodes or events ask. */
  dedupeKey?: string;
}

export interface JobContext {
  /** The job's effects go through this transaction; it commits with the job marked done. */
  tx: Transaction;
  job: schema.JobRow;
  now: Date;
  /**
   * Runs once the job's transaction committed, not on failure: to announce what it wrote,
   * or for slow work outside any transaction (sending mail), awaited before the run ends.
   */
  afterCommit: (callback: () => void | Promise<void>) => void;
}

export type JobHandler = (context: JobContext) => Promise<void>;

export interface JobQueueOptions {
  /** Names this node in locked_by, for the person reading the table. */
  nodeId: string;
  /** How long a taken job stays with its node; past that, a crashed node's job runs again. */
  leaseMs?: number;
  /** After this many failed attempts a job is given up (done, with its last error). */
  maxAttempts?: number;
  onError?: (error: unknown, job: schema.JobRow) => void;
  onRun?: (kind: string, outcome: "success" | "failure", seconds: number) => void;
}

/**
 * Adds a job in the caller's transaction, so the job exists exactly when the change that
 * asks for it committed. A dedupe key already scheduled (or done) adds nothing.
 */
export async function scheduleJob(db: Executor, job: JobToSchedule): Promise<void> {
  await db
    .insert(schema.jobs)
    .values({
      kind: job.kind,
      payload: job.payload ?? {},
      ...(job.runAt ? { runAt: job.runAt } : {}),
      dedupeKey: job.dedupeKey ?? null,
    })
    .onConflictDoNothing({ target: schema.jobs.dedupeKey });
}

/** Waits before the next attempt: 10 s, 20 s, 40 s … at most an hour. */
const backoffMs = (attempts: number) =>
  Math.min(10_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);

/**
 * A durable job queue in the platform's own database, the same on PostgreSQL and on the
 * embedded PGlite (docs/jobs.md says why no queue library). Any number of nodes poll it;
 * each due job is leased by one node (FOR UPDATE SKIP LOCKED) and its effects commit in
 * the same transaction that marks it done, so it takes effect exactly once. A node that
 * dies holding a job leaves a lease that runs out; another node then runs it again.
 */
export class JobQueue {
  private readonly handlers = new Map<string, JobHandler>();
  private readonly recurring: Array<() => Promise<void>> = [];
  private readonly leaseMs: number;
  private readonly maxAttempts: number;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;
  private stopped = false;

  constructor(
    private readonly db: Database,
    private readonly options: JobQueueOptions,
  ) {
    this.leaseMs = options.leaseMs ?? 60_000;
    this.maxAttempts = options.maxAttempts ?? 10;
  }

  register(kind: string, handler: JobHandler): void {
    if (this.handlers.has(kind)) throw new Error(`job kind ${kind} registered twice`);
    this.handlers.set(kind, handler);
  }

  /**
   * A job that runs every `everyMs`, at times aligned to multiples of it: every node
   * computes the same next time and so the same dedupe key, and the run is scheduled once.
   * Each run schedules the next in its own transaction.
   */
  registerRecurring(kind: string, everyMs: number, handler: JobHandler): void {
    const next = (after: Date) => new Date((Math.floor(after.getTime() / everyMs) + 1) * everyMs);
    const occurrence = (at: Date): JobToSchedule => ({
      kind,
      runAt: at,
      payload: { at: at.toISOString() },
      dedupeKey: `${kind}@${at.toISOString()}`,
    });
    this.register(kind, async (context) => {
      await handler(context);
      // After the occurrence this run was for, even if it ran early or late.
      const planned = new Date(String(context.job.payload.at ?? context.now.toISOString()));
      const after = planned > context.now ? planned : context.now;
      await scheduleJob(context.tx, occurrence(next(after)));
    });
    this.recurring.push(() => scheduleJob(this.db, occurrence(next(new Date()))));
  }

  /** Makes sure every recurring job has its next run scheduled (idempotent across nodes). */
  async scheduleRecurring(): Promise<void> {
    for (const ensure of this.recurring) await ensure();
  }

  schedule(job: JobToSchedule): Promise<void> {
    return scheduleJob(this.db, job);
  }

  /** Polls every `intervalMs` until stop(); a run still going is never overlapped. */
  start(intervalMs: number): void {
    if (intervalMs <= 0 || this.timer) return;
    this.timer = setInterval(() => {
      if (this.running || this.stopped) return;
      this.runDue().catch(() => {});
    }, intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => {});
  }

  /** Runs the jobs due now that this node has handlers for; answers how many it ran. */
  runDue(limit = 20): Promise<number> {
    if (this.running) return this.running;
    const run = this.takeAndRun(limit).finally(() => {
      this.running = undefined;
    });
    this.running = run;
    return run;
  }

  private async takeAndRun(limit: number): Promise<number> {
    const kinds = [...this.handlers.keys()];
    if (kinds.length === 0) return 0;
    const taken = await this.lease(kinds, limit);
    for (const job of taken) {
      if (this.stopped) break;
      await this.runOne(job);
    }
    return taken.length;
  }

  private async lease(kinds: string[], limit: number): Promise<schema.JobRow[]> {
    const jobs = schema.jobs;
    const due = this.db
      .select({ id: jobs.id })
      .from(jobs)
      .where(
        and(
          sql`${jobs.doneAt} is null`,
          sql`${jobs.runAt} <= now()`,
          sql`(${jobs.lockedUntil} is null or ${jobs.lockedUntil} < now())`,
          inArray(jobs.kind, kinds),
        ),
      )
      .orderBy(jobs.runAt)
      .limit(limit)
      .for("update", { skipLocked: true });
    return this.db
      .update(jobs)
      .set({
        lockedBy: this.options.nodeId,
        lockedUntil: sql`now() + ${`${this.leaseMs} milliseconds`}::interval`,
        attempts: sql`${jobs.attempts} + 1`,
      })
      .where(inArray(jobs.id, due))
      .returning();
  }

  private async runOne(job: schema.JobRow): Promise<void> {
    const handler = this.handlers.get(job.kind);
    if (!handler) return;
    const started = performance.now();
    const seconds = () => (performance.now() - started) / 1000;
    const committed: Array<() => void | Promise<void>> = [];
    try {
      await this.db.transaction(async (tx) => {
        await handler({ tx, job, now: new Date(), afterCommit: (done) => committed.push(done) });
        const done = await tx
          .update(schema.jobs)
          .set({ doneAt: sql`now()`, lockedUntil: null, lastError: null })
          .where(and(eq(schema.jobs.id, job.id), eq(schema.jobs.lockedBy, this.options.nodeId)))
          .returning({ id: schema.jobs.id });
        // The lease ran out and another node took the job: its run counts, not ours.
        if (done.length === 0) throw new LeaseLost(job.id);
      });
      this.options.onRun?.(job.kind, "success", seconds());
      for (const done of committed) {
        // The job counts as done whatever a listener does with the news.
        try {
          await done();
        } catch (error) {
          this.options.onError?.(error, job);
        }
      }
    } catch (error) {
      this.options.onRun?.(job.kind, "failure", seconds());
      if (error instanceof LeaseLost) return;
      this.options.onError?.(error, job);
      await this.failed(job, error).catch(() => {});
    }
  }

  private async failed(job: schema.JobRow, error: unknown): Promise<void> {
    const message = error instanceof Error ? error.message : String(error);
    const givenUp = job.attempts >= this.maxAttempts;
    await this.db
      .update(schema.jobs)
      .set({
        lastError: message.slice(0, 500),
        lockedUntil: null,
        ...(givenUp
          ? { doneAt: new Date() }
          : { runAt: new Date(Date.now() + backoffMs(job.attempts)) }),
      })
      .where(and(eq(schema.jobs.id, job.id), eq(schema.jobs.lockedBy, this.options.nodeId)));
  }
}

class LeaseLost extends Error {
  constructor(jobId: string) {
    super(`lease of job ${jobId} lost to another node`);
  }
}
