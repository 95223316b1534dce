import { bigint, index, integer, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { bytea, createdAt, instant } from "./columns.ts";

/**
 * Every Yjs update of a conference document, in order. Compaction folds `data`
 * into a snapshot and clears it, but keeps the row: who, which agency, when and
 * how much stays for the audit trail.
 */
export const documentUpdates = pgTable(
  "document_updates",
  {
    documentId: text("document_id").notNull(),
    seq: bigint("seq", { mode: "number" }).notNull(),
    data: bytea("data"),
    size: integer("size").notNull(),
    userId: uuid("user_id"),
    agencyId: uuid("agency_id"),
    at: instant("at").notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.documentId, table.seq] })],
);

export const documentSnapshots = pgTable(
  "document_snapshots",
  {
    documentId: text("document_id").notNull(),
    /** The snapshot contains every update up to and including this sequence number. */
    uptoSeq: bigint("upto_seq", { mode: "number" }).notNull(),
    data: bytea("data").notNull(),
    createdAt: createdAt(),
  },
  (table) => [
    primaryKey({ columns: [table.documentId, table.uptoSeq] }),
    index("document_snapshots_latest_idx").on(table.documentId, table.uptoSeq),
  ],
);
