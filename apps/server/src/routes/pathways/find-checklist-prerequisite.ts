import { type Executor, schema } from "@runder-tisch/db";
import { and, eq } from "drizzle-orm";
import { notFound, unprocessable } from "../../errors.ts";

/**
 * A prerequisite of one of the case's checklists, as the checklist's own template
 * version states it, and its current status row. A checklist of another case is "not
 * found" like a missing one; a key the version does not have is refused by name.
 */
export async function findChecklistPrerequisite(
  db: Executor,
  input: { caseId: string; checklistId: string; key: string },
): Promise<{
  prerequisite: schema.PathwayPrerequisiteContent;
  current: typeof schema.pathwayStatuses.$inferSelect | null;
}> {
  const [found] = await db
    .select({ prerequisites: schema.pathwayTemplates.prerequisites })
    .from(schema.pathwayChecklists)
    .innerJoin(
      schema.pathwayTemplates,
      eq(schema.pathwayTemplates.id, schema.pathwayChecklists.templateId),
    )
    .where(
      and(
        eq(schema.pathwayChecklists.id, input.checklistId),
        eq(schema.pathwayChecklists.caseId, input.caseId),
      ),
    );
  if (!found) throw notFound("Checklist");
  const prerequisite = found.prerequisites.find((item) => item.key === input.key);
  if (!prerequisite) {
    throw unprocessable("prerequisite_unknown", "The checklist has no such prerequisite");
  }
  const [current] = await db
    .select()
    .from(schema.pathwayStatuses)
    .where(
      and(
        eq(schema.pathwayStatuses.checklistId, input.checklistId),
        eq(schema.pathwayStatuses.prerequisiteKey, input.key),
      ),
    );
  return { prerequisite, current: current ?? null };
}
