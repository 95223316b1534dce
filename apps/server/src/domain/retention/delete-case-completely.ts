import { type Executor, schema } from "@runder-tisch/db";
import { eq, inArray, sql } from "drizzle-orm";
import { measureCaseFootprint } from "./case-footprint.ts";

/**
 * Deletes every row about a case, inside the caller's transaction. Minutes are
 * immutable; the trigger lets exactly this case's rows go because the case id
 * is named in a transaction-local setting. The audit trail keeps its rows: they
 * hold only ids and action names (docs/retention.md).
 */
export async function deleteCaseCompletely(tx: Executor, caseId: string): Promise<void> {
  await tx.execute(sql`select set_config('runder_tisch.retention_case', ${caseId}, true)`);
  const conferenceIds = (
    await tx
      .select({ id: schema.conferences.id })
      .from(schema.conferences)
      .where(eq(schema.conferences.caseId, caseId))
  ).map((row) => row.id);
  if (conferenceIds.length > 0) {
    await tx
      .delete(schema.documentUpdates)
      .where(inArray(schema.documentUpdates.documentId, conferenceIds));
    await tx
      .delete(schema.documentSnapshots)
      .where(inArray(schema.documentSnapshots.documentId, conferenceIds));
  }
  await tx.delete(schema.minutesVersions).where(eq(schema.minutesVersions.caseId, caseId));
  await tx.delete(schema.disputes).where(eq(schema.disputes.caseId, caseId));
  // Comments and the change history go with their action (ON DELETE CASCADE).
  await tx.delete(schema.actions).where(eq(schema.actions.caseId, caseId));
  // Participants and agenda items go with their conference.
  await tx.delete(schema.conferences).where(eq(schema.conferences.caseId, caseId));
  await tx.delete(schema.identityRecords).where(eq(schema.identityRecords.caseId, caseId));
  await tx.delete(schema.sharingBases).where(eq(schema.sharingBases.caseId, caseId));
  await tx.delete(schema.secrecyReleases).where(eq(schema.secrecyReleases.caseId, caseId));
  await tx.delete(schema.cases).where(eq(schema.cases.id, caseId));
  await tx.execute(sql`select set_config('runder_tisch.retention_case', '', true)`);
  // A table added later without a deletion step above must stop the deletion, not leave rows.
  const left = Object.entries(await measureCaseFootprint(tx, caseId)).filter(
    ([table, count]) => table !== "audit_log" && count > 0,
  );
  if (left.length > 0) {
    throw new Error(
      `retention left rows behind: ${left.map(([table, count]) => `${table}=${count}`).join(", ")}`,
    );
  }
}
