import { type Database, type Executor, schema } from "@runder-tisch/db";
import { and, asc, desc, eq, gt, gte, isNotNull, lt, lte, sql } from "drizzle-orm";
import * as Y from "yjs";
import type { PendingUpdate, StoredDocument } from "../collab/index.ts";
import { isUuid } from "../lib/uuid.ts";

export interface CompactionPolicy {
  /** Fold the log into a snapshot once this many updates follow the last one ... */
  maxTailUpdates: number;
  /** ... or once they add up to this many bytes. */
  maxTailBytes: number;
}

export const DEFAULT_COMPACTION: CompactionPolicy = { maxTailUpdates: 500, maxTailBytes: 1 << 20 };

/** Sequence numbers one batch wrote for one document (inclusive). */
export interface WrittenRange {
  documentId: string;
  fromSeq: number;
  toSeq: number;
}

/**
 * The durable update log of conference documents in PostgreSQL: appends in
 * group commits, cold loads from the latest snapshot plus the tail, and
 * compaction that keeps who-wrote-what after the bytes are folded away.
 */
interface TailSize {
  count: number;
  bytes: number;
}

const CONSISTENT_READ = { isolationLevel: "repeatable read", accessMode: "read only" } as const;

export class DocumentStore {
  /** Updates since the last snapshot per document, counted here so no query is needed per write. */
  private readonly tails = new Map<string, TailSize>();

  constructor(
    private readonly db: Database,
    private readonly compaction: CompactionPolicy = DEFAULT_COMPACTION,
  ) {}

  /**
   * Snapshot and tail are read in one repeatable-read transaction: under read
   * committed, a compaction committing between the two reads would leave the
   * old snapshot and a tail whose first rows were just folded away, a gap that
   * Yjs keeps as pending forever (and that a compaction would then store).
   */
  async load(documentId: string): Promise<StoredDocument & { lastSeq: number }> {
    return this.db.transaction(async (tx) => {
      const [snapshot] = await tx
        .select()
        .from(schema.documentSnapshots)
        .where(eq(schema.documentSnapshots.documentId, documentId))
        .orderBy(desc(schema.documentSnapshots.uptoSeq))
        .limit(1);
      const tail = await this.tailAfter(tx, documentId, snapshot?.uptoSeq ?? 0);
      return {
        snapshot: snapshot?.data ?? null,
        updates: tail.map((row) => row.data),
        lastSeq: tail.at(-1)?.seq ?? snapshot?.uptoSeq ?? 0,
      };
    }, CONSISTENT_READ);
  }

  /** Updates after `afterSeq`, for a node that noticed it missed some. */
  async readAfter(documentId: string, afterSeq: number) {
    return this.tailAfter(this.db, documentId, afterSeq);
  }

  /**
   * One statement per document, and one commit for the whole batch. The sequence
   * numbers continue the log's maximum inside the insert itself; should another
   * node have taken the same numbers at the same moment, the primary key refuses
   * the insert and it is retried with fresh numbers.
   */
  async append(batch: readonly PendingUpdate[]): Promise<WrittenRange[]> {
    if (batch.length === 0) return [];
    const byDocument = new Map<string, PendingUpdate[]>();
    for (const update of batch) {
      const list = byDocument.get(update.documentName) ?? [];
      list.push(update);
      byDocument.set(update.documentName, list);
    }
    for (let attempt = 1; ; attempt += 1) {
      try {
        const ranges =
          byDocument.size === 1
            ? await this.insertRuns(this.db, byDocument)
            : await this.db.transaction((tx) => this.insertRuns(tx, byDocument));
        for (const range of ranges) {
          this.noteTail(range.documentId, byDocument.get(range.documentId) ?? []);
        }
        return ranges;
      } catch (error) {
        if (attempt >= 5 || !isUniqueViolation(error)) throw error;
      }
    }
  }

  private async insertRuns(
    db: Executor,
    byDocument: Map<string, PendingUpdate[]>,
  ): Promise<WrittenRange[]> {
    const ranges: WrittenRange[] = [];
    for (const [documentId, updates] of byDocument) {
      const log = schema.documentUpdates;
      const lastSeq = sql`(select coalesce(max(${log.seq}), 0) from ${log} where ${log.documentId} = ${documentId})`;
      const written = await db
        .insert(log)
        .values(
          updates.map((update, index) => ({
            documentId,
            seq: sql`${lastSeq} + ${index + 1}`,
            data: update.update,
            size: update.update.byteLength,
            // Server-made changes carry the pseudo-user "system", which is no users row.
            userId: isUuid(update.userId) ? update.userId : null,
            agencyId: update.agencyId,
            at: update.at,
          })),
        )
        .returning({ seq: log.seq });
      const seqs = written.map((row) => row.seq);
      ranges.push({ documentId, fromSeq: Math.min(...seqs), toSeq: Math.max(...seqs) });
    }
    return ranges;
  }

  /** Whether the tail since the last snapshot is long enough to fold. */
  async needsCompaction(documentId: string): Promise<boolean> {
    const tail = this.tails.get(documentId) ?? (await this.measureTail(documentId));
    return tail.count > this.compaction.maxTailUpdates || tail.bytes > this.compaction.maxTailBytes;
  }

  /**
   * Folds snapshot + tail into a new snapshot and clears the folded bytes. The
   * rows stay: who wrote, for which agency, when and how much, for the audit trail.
   * The folding happens outside any lock; appends never wait for it.
   */
  async compact(documentId: string): Promise<number> {
    const stored = await this.load(documentId);
    if (stored.updates.length === 0) return stored.lastSeq;
    const doc = new Y.Doc();
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
    for (const update of stored.updates) Y.applyUpdate(doc, update);
    const state = Y.encodeStateAsUpdate(doc);
    doc.destroy();
    const uptoSeq = stored.lastSeq;
    await this.db.transaction(async (tx) => {
      // Only one node folds a document at a time; a newer snapshot makes this one moot.
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`compact:${documentId}`}))`);
      const snapshots = schema.documentSnapshots;
      const [newer] = await tx
        .select({ uptoSeq: snapshots.uptoSeq })
        .from(snapshots)
        .where(and(eq(snapshots.documentId, documentId), gte(snapshots.uptoSeq, uptoSeq)))
        .limit(1);
      if (newer) return;
      await tx.insert(snapshots).values({ documentId, uptoSeq, data: state });
      await tx
        .update(schema.documentUpdates)
        .set({ data: null })
        .where(
          and(
            eq(schema.documentUpdates.documentId, documentId),
            lte(schema.documentUpdates.seq, uptoSeq),
            isNotNull(schema.documentUpdates.data),
          ),
        );
      // Older snapshots are contained in the new one.
      await tx
        .delete(snapshots)
        .where(and(eq(snapshots.documentId, documentId), lt(snapshots.uptoSeq, uptoSeq)));
    });
    this.tails.delete(documentId);
    return uptoSeq;
  }

  /** Forget the counters of a document this node no longer holds. */
  forget(documentId: string): void {
    this.tails.delete(documentId);
  }

  private noteTail(documentId: string, updates: readonly PendingUpdate[]): void {
    const tail = this.tails.get(documentId);
    if (!tail) return;
    tail.count += updates.length;
    for (const update of updates) tail.bytes += update.update.byteLength;
  }

  private async measureTail(documentId: string): Promise<TailSize> {
    const log = schema.documentUpdates;
    const [tail] = await this.db
      .select({
        count: sql<number>`count(*)`.mapWith(Number),
        bytes: sql<number>`coalesce(sum(${log.size}), 0)`.mapWith(Number),
      })
      .from(log)
      .where(and(eq(log.documentId, documentId), isNotNull(log.data)));
    const measured = { count: tail?.count ?? 0, bytes: tail?.bytes ?? 0 };
    this.tails.set(documentId, measured);
    return measured;
  }

  private async tailAfter(db: Executor, documentId: string, afterSeq: number) {
    const rows = await db
      .select({ seq: schema.documentUpdates.seq, data: schema.documentUpdates.data })
      .from(schema.documentUpdates)
      .where(
        and(
          eq(schema.documentUpdates.documentId, documentId),
          gt(schema.documentUpdates.seq, afterSeq),
          isNotNull(schema.documentUpdates.data),
        ),
      )
      .orderBy(asc(schema.documentUpdates.seq));
    return rows.filter((row): row is { seq: number; data: Uint8Array } => row.data !== null);
  }
}

function isUniqueViolation(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; current && typeof current === "object" && depth < 4; depth += 1) {
    if ((current as { code?: unknown }).code === "23505") return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
