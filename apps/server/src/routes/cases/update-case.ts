import type { TUpdateCaseRequest } from "@runder-tisch/contracts";
import { type Executor, schema } from "@runder-tisch/db";
import { eq } from "drizzle-orm";
import type { CaseRow } from "../../policies/case-access.ts";

/** Changes summary, themes or status; closing stamps the day retention counts from. */
export async function updateCase(
  db: Executor,
  caseRow: CaseRow,
  input: TUpdateCaseRequest,
): Promise<CaseRow> {
  const { status, ...fields } = input;
  const statusChange =
    status && status !== caseRow.status
      ? { status, closedAt: status === "closed" ? new Date() : null }
      : {};
  const [updated] = await db
    .update(schema.cases)
    .set({ ...fields, ...statusChange, updatedAt: new Date() })
    .where(eq(schema.cases.id, caseRow.id))
    .returning();
  return updated ?? caseRow;
}
