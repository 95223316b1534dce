import type { AuditAction, AuditTargetType } from "@runder-tisch/contracts/vocabulary";
import { bigserial, index, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { instant } from "./columns.ts";

/**
 * Append-only: a trigger refuses UPDATE and DELETE, and each row carries the hash
 * of the one before, so an edit made behind the trigger's back is still found.
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
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
  },
  (table) => [
    index("audit_log_agency_idx").on(table.agencyId, table.id),
    index("audit_log_case_idx").on(table.caseId, table.id),
  ],
);

export type AuditRow = typeof auditLog.$inferSelect;
