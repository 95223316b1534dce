import { type Database, type Executor, schema } from "@runder-tisch/db";
import { and, asc, desc, eq, gt, isNotNull, lte, sql } from "drizzle-orm";
import * as Y from "yjs";
import type { PendingUpdate, StoredDocument } from "../collab/index.ts";

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

// Per-document lock key: appends to one document are numbered in one order across all nodes.
const documentLock = (documentId: string) =>
  sql`select pg_advisory_xact_lock(hashtext(${`doc:${documentId}`}))`;

/**
 * The durable update log of conference documents in PostgreSQL: appends in
 * group commits, cold loads from the latest snapshot plus the tail, and
 * compaction that keeps who-wrote-what after the bytes are folded away.
 */
export class DocumentStore {
  constructor(
    private readonly db: Database,
    private readonly compaction: CompactionPolicy = DEFAULT_COMPACTION,
  ) {}

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
    });
  }

  /** Updates after `afterSeq`, for a node that noticed it missed some. */
  async readAfter(documentId: string, afterSeq: number) {
    return this.tailAfter(this.db, documentId, afterSeq);
  }

  /** One transaction for the whole batch: many updates, one commit. */
  async append(batch: readonly PendingUpdate[]): Promise<WrittenRange[]> {
    if (batch.length === 0) return [];
    const byDocument = new Map<string, PendingUpdate[]>();
    for (const update of batch) {
      const list = byDocument.get(update.documentName) ?? [];
      list.push(update);
      byDocument.set(update.documentName, list);
    }
    // Sorted so two nodes locking the same documents never wait on each other in a cycle.
    const documentIds = [...byDocument.keys()].sort();
    return this.db.transaction(async (tx) => {
      const ranges: WrittenRange[] = [];
      for (const documentId of documentIds) {
        const updates = byDocument.get(documentId) ?? [];
        await tx.execute(documentLock(documentId));
        const [last] = await tx
          .select({
            seq: sql<number>`coalesce(max(${schema.documentUpdates.seq}), 0)`.mapWith(Number),
          })
          .from(schema.documentUpdates)
          .where(eq(schema.documentUpdates.documentId, documentId));
        const fromSeq = (last?.seq ?? 0) + 1;
        await tx.insert(schema.documentUpdates).values(
          updates.map((update, index) => ({
            documentId,
            seq: fromSeq + index,
            data: update.update,
            size: update.update.byteLength,
            userId: isUuid(update.userId) ? update.userId : null,
            agencyId: update.agencyId,
            at: update.at,
          })),
        );
        ranges.push({ documentId, fromSeq, toSeq: fromSeq + updates.length - 1 });
      }
      return ranges;
    });
  }

  /** Whether the tail since the last snapshot is long enough to fold. */
  async needsCompaction(documentId: string): Promise<boolean> {
    const [tail] = await this.db
      .select({
        count: sql<number>`count(*)`.mapWith(Number),
        bytes: sql<number>`coalesce(sum(${schema.documentUpdates.size}), 0)`.mapWith(Number),
      })
      .from(schema.documentUpdates)
      .where(
        and(
          eq(schema.documentUpdates.documentId, documentId),
          isNotNull(schema.documentUpdates.data),
        ),
      );
    return (
      (tail?.count ?? 0) > this.compaction.maxTailUpdates ||
      (tail?.bytes ?? 0) > this.compaction.maxTailBytes
    );
  }

  /**
   * Folds snapshot + tail into a new snapshot and clears the folded bytes. The
   * rows stay: who wrote, for which agency, when and how much, for the audit trail.
   */
  async compact(documentId: string): Promise<number> {
    return this.db.transaction(async (tx) => {
      await tx.execute(documentLock(documentId));
      const [snapshot] = await tx
        .select()
        .from(schema.documentSnapshots)
        .where(eq(schema.documentSnapshots.documentId, documentId))
        .orderBy(desc(schema.documentSnapshots.uptoSeq))
        .limit(1);
      const tail = await this.tailAfter(tx, documentId, snapshot?.uptoSeq ?? 0);
      const last = tail.at(-1);
      if (!last) return snapshot?.uptoSeq ?? 0;
      const doc = new Y.Doc();
      if (snapshot) Y.applyUpdate(doc, snapshot.data);
      for (const row of tail) Y.applyUpdate(doc, row.data);
      const state = Y.encodeStateAsUpdate(doc);
      doc.destroy();
      await tx
        .insert(schema.documentSnapshots)
        .values({ documentId, uptoSeq: last.seq, data: state });
      await tx
        .update(schema.documentUpdates)
        .set({ data: null })
        .where(
          and(
            eq(schema.documentUpdates.documentId, documentId),
            lte(schema.documentUpdates.seq, last.seq),
          ),
        );
      // Older snapshots are contained in the new one.
      await tx
        .delete(schema.documentSnapshots)
        .where(
          and(
            eq(schema.documentSnapshots.documentId, documentId),
            sql`${schema.documentSnapshots.uptoSeq} < ${last.seq}`,
          ),
        );
      return last.seq;
    });
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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Server-made changes carry the pseudo-user "system", which is no users row. */
const isUuid = (value: string) => UUID.test(value);
