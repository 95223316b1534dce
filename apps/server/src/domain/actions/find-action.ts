import { type Executor, schema } from "@runder-tisch/db";
import { eq } from "drizzle-orm";
import { type CaseAccess, type CaseRow, findAccessibleCase } from "../../policies/case-access.ts";

export type ActionRow = typeof schema.actions.$inferSelect;

export interface AccessibleAction {
  action: ActionRow;
  caseRow: CaseRow;
  access: CaseAccess;
}

/**
 * An action together with the reader's access to its case, or null when the
 * agency may not see the case (which callers answer exactly like a missing action).
 * `lock` holds the row until the transaction ends, so concurrent changes queue up.
 */
export async function findAccessibleAction(
  db: Executor,
  agencyId: string,
  actionId: string,
  options: { lock?: boolean } = {},
): Promise<AccessibleAction | null> {
  const query = db.select().from(schema.actions).where(eq(schema.actions.id, actionId));
  const [action] = options.lock ? await query.for("update") : await query;
  if (!action) return null;
  const found = await findAccessibleCase(db, agencyId, action.caseId);
  return found ? { action, ...found } : null;
}
