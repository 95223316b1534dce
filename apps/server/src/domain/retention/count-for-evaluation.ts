import { type Executor, schema } from "@runder-tisch/db";
import { and, eq, notInArray, sql } from "drizzle-orm";
import type { CaseRow } from "../../policies/case-access.ts";

/**
 * Adds a deleted case to the anonymous evaluation counts: per year of closing,
 * theme and kind of owning agency. Nothing that identifies the case survives.
 */
export async function countForEvaluation(tx: Executor, caseRow: CaseRow): Promise<void> {
  const [owner] = await tx
    .select({ kind: schema.agencies.kind })
    .from(schema.agencies)
    .where(eq(schema.agencies.id, caseRow.ownerAgencyId));
  // Conferences held: a Wiedervorlage that was planned (or called off) and never took place is no conference.
  const conferences = await tx
    .select({ id: schema.conferences.id })
    .from(schema.conferences)
    .where(
      and(
        eq(schema.conferences.caseId, caseRow.id),
        notInArray(schema.conferences.status, ["planned", "cancelled"]),
      ),
    );
  const actions = await tx
    .select({ status: schema.actions.status })
    .from(schema.actions)
    .where(eq(schema.actions.caseId, caseRow.id));
  const year = (caseRow.closedAt ?? caseRow.createdAt).getUTCFullYear();
  const themes = caseRow.themes.length > 0 ? [...new Set(caseRow.themes)] : ["none"];
  const done = actions.filter((action) => action.status === "done").length;
  for (const theme of themes) {
    const values = {
      year,
      theme,
      agencyKind: owner?.kind ?? "unknown",
      cases: 1,
      conferences: conferences.length,
      actions: actions.length,
      actionsDone: done,
    };
    const counts = schema.evaluationCounts;
    await tx
      .insert(counts)
      .values(values)
      .onConflictDoUpdate({
        target: [counts.year, counts.theme, counts.agencyKind],
        set: {
          cases: sql`${counts.cases} + 1`,
          conferences: sql`${counts.conferences} + ${values.conferences}`,
          actions: sql`${counts.actions} + ${values.actions}`,
          actionsDone: sql`${counts.actionsDone} + ${values.actionsDone}`,
        },
      });
  }
}
