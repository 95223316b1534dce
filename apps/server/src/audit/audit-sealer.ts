import type { Database } from "@runder-tisch/db";
import { sealAuditTrail } from "./seal-audit-trail.ts";

/**
 * Seals the audit trail on a timer, one run at a time. Rows wait at most about
 * one interval before they are part of the hash chain.
 */
export class AuditSealer {
  private timer: NodeJS.Timeout | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: Database,
    private readonly intervalMs: number,
    private readonly onError: (error: unknown) => void,
  ) {}

  start(): void {
    if (this.timer || this.intervalMs <= 0) return;
    this.timer = setInterval(() => {
      this.flush().catch(this.onError);
    }, this.intervalMs);
    this.timer.unref();
  }

  /** Seals every row committed before this call (unless another node is sealing right now). */
  flush(): Promise<number> {
    const run = this.queue.then(() => sealAuditTrail(this.db));
    this.queue = run.catch(() => {});
    return run;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.flush().catch(this.onError);
  }
}
