import type { TAuditListFilters } from "@runder-tisch/contracts";
import { type Executor, schema } from "@runder-tisch/db";
import { and, desc, eq, gte, lt, lte, type SQL } from "drizzle-orm";
import { presentAuditEntry } from "../../audit/present-audit-entry.ts";

/** Newest first; `before` pages back by id, which follows time. */
export async function listAuditEntries(db: Executor, filters: TAuditListFilters) {
  const { auditLog } = schema;
  const conditions: (SQL | undefined)[] = [
    filters.agencyId ? eq(auditLog.agencyId, filters.agencyId) : undefined,
    filters.userId ? eq(auditLog.userId, filters.userId) : undefined,
    filters.caseId ? eq(auditLog.caseId, filters.caseId) : undefined,
    filters.action ? eq(auditLog.action, filters.action) : undefined,
    filters.from ? gte(auditLog.at, new Date(filters.from)) : undefined,
    filters.to ? lte(auditLog.at, new Date(filters.to)) : undefined,
    filters.before ? lt(auditLog.id, filters.before) : undefined,
  ];
  const rows = await db
    .select()
    .from(auditLog)
    .where(and(...conditions))
    .orderBy(desc(auditLog.id))
    .limit(filters.limit);
  return rows.map(presentAuditEntry);
}
