import type { AuditAction, AuditTargetType } from "@runder-tisch/contracts/vocabulary";
import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  index,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { instant } from "./columns.ts";

/**
 * Append-only. A row is written in the same transaction as the change it
 * records, without hash; a sealer then chains committed rows in batches: it
 * gives each the next `chain_seq` and the hash of its content and of the row
 * before, so an edit or removal made behind the trigger's back is still found.
 * The trigger (migrations 0001, 0004) refuses every UPDATE except that sealing
 * and every DELETE.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: instant("at").notNull(),
    requestId: text("request_id"),
    userId: uuid("user_id"),
    agencyId: uuid("agency_id"),
    action: text("action").$type<AuditAction>().notNull(),
    targetType: text("target_type").$type<AuditTargetType>().notNull(),
    targetId: text("target_id"),
    caseId: uuid("case_id"),
    detail: jsonb("detail").$type<Record<string, unknown>>(),
    /** Position in the hash chain; null until sealed. */
    chainSeq: bigint("chain_seq", { mode: "number" }),
    prevHash: text("prev_hash"),
    hash: text("hash"),
  },
  (table) => [
    index("audit_log_agency_idx").on(table.agencyId, table.id),
    index("audit_log_case_idx").on(table.caseId, table.id),
    uniqueIndex("audit_log_chain_seq_unique").on(table.chainSeq),
    index("audit_log_unsealed_idx").on(table.id).where(sql`${table.chainSeq} is null`),
  ],
);

export type AuditRow = typeof auditLog.$inferSelect;
