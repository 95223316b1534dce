import type { Database } from "@runder-tisch/db";
import { type AuditEntryInput, recordAudit } from "./audit-trail.ts";

/** Enough to keep one INSERT's parameters well below PostgreSQL's limit of 65535. */
const MAX_BATCH = 1_000;

interface Waiting {
  entry: AuditEntryInput;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit for audit rows that stand alone (reads, refusals): while one
 * INSERT is on its way, the rows of every other request gather and go together
 * in the next, so a busy node commits a handful of times per moment instead of
 * once per request. A quiet node writes each row at once. Each caller still
 * waits until its own row is committed, so no read is answered unaudited.
 */
export class AuditAppender {
  private waiting: Waiting[] = [];
  private writing: Promise<void> | null = null;

  constructor(
    private readonly db: Database,
    private readonly onAppended: (count: number) => void = () => {},
  ) {}

  append(entry: AuditEntryInput): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({ entry, resolve, reject });
      this.writing ??= this.writeAll();
    });
  }

  /** Resolves once every row handed over so far is written (or refused). */
  async drain(): Promise<void> {
    while (this.writing) await this.writing;
  }

  private async writeAll(): Promise<void> {
    try {
      while (this.waiting.length > 0) {
        const batch = this.waiting.splice(0, MAX_BATCH);
        try {
          await recordAudit(
            this.db,
            batch.map((item) => item.entry),
          );
          this.settled(batch);
        } catch (error) {
          if (batch.length === 1) batch[0]?.reject(error);
          else await this.writeOneByOne(batch);
        }
      }
    } finally {
      // In the same turn as the last look at the queue: a row arriving later starts a new writer.
      this.writing = null;
    }
  }

  /** A refused batch: each row on its own, so one bad row fails only its own request. */
  private async writeOneByOne(batch: Waiting[]): Promise<void> {
    for (const item of batch) {
      try {
        await recordAudit(this.db, item.entry);
        this.settled([item]);
      } catch (error) {
        item.reject(error);
      }
    }
  }

  private settled(batch: Waiting[]): void {
    this.onAppended(batch.length);
    for (const item of batch) item.resolve();
  }
}
