import type { TAuditTargetType } from "@runder-tisch/contracts";
import { schema } from "@runder-tisch/db";
import { and, asc, eq } from "drizzle-orm";
import type { TestContext } from "./test-app.ts";

/** The audit rows about one case and kind of target, oldest first. */
export function auditRowsOf(ctx: TestContext, caseId: string, targetType: TAuditTargetType) {
  return ctx.db
    .select()
    .from(schema.auditLog)
    .where(and(eq(schema.auditLog.caseId, caseId), eq(schema.auditLog.targetType, targetType)))
    .orderBy(asc(schema.auditLog.id));
}
