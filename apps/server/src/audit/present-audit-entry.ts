import type { TAuditEntry } from "@runder-tisch/contracts";
import type { schema } from "@runder-tisch/db";

/** Hash, link and chain position stay on the server: they serve verification, not reading. */
export const presentAuditEntry = (row: schema.AuditRow): TAuditEntry => ({
  id: row.id,
  at: row.at.toISOString(),
  requestId: row.requestId,
  userId: row.userId,
  agencyId: row.agencyId,
  action: row.action,
  targetType: row.targetType,
  targetId: row.targetId,
  caseId: row.caseId,
  detail: row.detail,
});
