import { type Executor, schema } from "@runder-tisch/db";
import { eq } from "drizzle-orm";
import type { LiveUnit } from "./live-unit.ts";

/** The current access version (see AccessConfirmation). */
export async function readAccessVersion(db: Executor): Promise<bigint> {
  const [row] = await db
    .select({ value: schema.accessVersion.value })
    .from(schema.accessVersion)
    .where(eq(schema.accessVersion.id, 1));
  return row?.value ?? 0n;
}

export interface AccessConfirmationOptions {
  readVersion(): Promise<bigint>;
  /** How often the access version is read. */
  checkEveryMs: number;
  /** How long editors may write after the last successful read; then updates are refused. */
  confirmedForMs: number;
  /** Time-bound access (a basis that expires today, a session at its maximum age) changes no row. */
  fullRecheckEveryMs?: number;
  /** Re-checks every open channel against the database. */
  recheck(): Promise<void>;
  onError(error: unknown): void;
}

/**
 * Enforces revocations on this node whatever the event bus does. Every change that
 * can take access away counts up one row in the same transaction (migration 0005).
 * This unit reads that row every `checkEveryMs`; when it moved, every open socket and
 * live feed is re-checked, so a revocation made on any node holds here within about a
 * second even while Redis is down. Editors' updates are taken while the last good
 * read began less than `confirmedForMs` ago; past that (the database slow or
 * unreachable) an update waits for a read begun after it came, and is refused only
 * when that read fails (fail closed).
 */
export class AccessConfirmation implements LiveUnit {
  private seenVersion: bigint | null = null;
  private lastFullRecheck = Number.NEGATIVE_INFINITY;
  /** When the last successful check began. */
  private confirmedAt = Number.NEGATIVE_INFINITY;
  /** The check under way, if any: there is never more than one. */
  private running: Promise<boolean> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(private readonly options: AccessConfirmationOptions) {}

  async start(): Promise<void> {
    await this.check();
    this.schedule();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }

  mayApplyUpdates(): boolean {
    return performance.now() - this.confirmedAt <= this.options.confirmedForMs;
  }

  /**
   * Whether a check begun now or later succeeds. A check already under way may have
   * read the version before the caller asked, so it is waited for and not counted.
   */
  async confirmUpdates(): Promise<boolean> {
    const asked = performance.now();
    for (;;) {
      const succeeded = await this.check();
      if (this.confirmedAt >= asked) return true;
      if (!succeeded) return false;
    }
  }

  /** One read of the version, and a re-check of everything open when it moved. */
  check(): Promise<boolean> {
    this.running ??= this.readAndRecheck().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async readAndRecheck(): Promise<boolean> {
    const started = performance.now();
    try {
      const version = await this.options.readVersion();
      const fullRecheckDue =
        started - this.lastFullRecheck >= (this.options.fullRecheckEveryMs ?? 60_000);
      if (version !== this.seenVersion || fullRecheckDue) {
        await this.options.recheck();
        // Set after the re-check: a change committed meanwhile moved the version again.
        this.seenVersion = version;
        this.lastFullRecheck = started;
      }
      this.confirmedAt = started;
      return true;
    } catch (error) {
      this.options.onError(error);
      return false;
    }
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      void this.check().finally(() => this.schedule());
    }, this.options.checkEveryMs);
    this.timer.unref();
  }
}
