import { type Executor, schema } from "@runder-tisch/db";
import { desc, eq } from "drizzle-orm";
import { conflict, fieldRefused } from "../../errors.ts";

/**
 * Starts a checklist for a pathway on a case, against the template's newest version;
 * the checklist keeps that version for good. One checklist per case and pathway.
 */
export async function startChecklist(
  tx: Executor,
  input: { caseId: string; pathwayKey: string; userId: string; agencyId: string },
): Promise<{ id: string; templateVersion: number }> {
  const [template] = await tx
    .select({ id: schema.pathwayTemplates.id, version: schema.pathwayTemplates.version })
    .from(schema.pathwayTemplates)
    .where(eq(schema.pathwayTemplates.pathwayKey, input.pathwayKey))
    .orderBy(desc(schema.pathwayTemplates.version))
    .limit(1);
  if (!template) throw fieldRefused("pathwayKey", "pathway_unknown", "No such pathway");
  const [row] = await tx
    .insert(schema.pathwayChecklists)
    .values({
      caseId: input.caseId,
      pathwayKey: input.pathwayKey,
      templateId: template.id,
      startedBy: input.userId,
      startedByAgencyId: input.agencyId,
    })
    .onConflictDoNothing()
    .returning({ id: schema.pathwayChecklists.id });
  if (!row) {
    throw conflict("pathway_already_started", "The case already has a checklist for this pathway");
  }
  return { id: row.id, templateVersion: template.version };
}
