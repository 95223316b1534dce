import type { TPathwayStatus } from "@runder-tisch/contracts";
import { type Executor, schema } from "@runder-tisch/db";
import { and, eq } from "drizzle-orm";
import { findChecklistPrerequisite } from "./find-checklist-prerequisite.ts";

/**
 * Records a prerequisite's status, who set it and when, and keeps the change in the
 * history. Setting the status it already has changes nothing and adds no history.
 */
export async function setPrerequisiteStatus(
  tx: Executor,
  input: {
    caseId: string;
    checklistId: string;
    key: string;
    status: TPathwayStatus;
    userId: string;
    agencyId: string;
  },
): Promise<{ changed: boolean; from: TPathwayStatus | null }> {
  const { current } = await findChecklistPrerequisite(tx, input);
  if (current?.status === input.status) return { changed: false, from: current.status };
  const values = {
    status: input.status,
    setAt: new Date(),
    setBy: input.userId,
    setByAgencyId: input.agencyId,
  };
  await tx
    .insert(schema.pathwayStatuses)
    .values({ checklistId: input.checklistId, prerequisiteKey: input.key, ...values })
    .onConflictDoUpdate({
      target: [schema.pathwayStatuses.checklistId, schema.pathwayStatuses.prerequisiteKey],
      set: values,
    });
  await tx.insert(schema.pathwayStatusEvents).values({
    checklistId: input.checklistId,
    prerequisiteKey: input.key,
    fromStatus: current?.status ?? null,
    toStatus: input.status,
    actorId: input.userId,
    agencyId: input.agencyId,
  });
  return { changed: true, from: current?.status ?? null };
}

/** Links the action created to meet a prerequisite (the status row exists: it is unmet). */
export async function linkPrerequisiteAction(
  tx: Executor,
  input: { checklistId: string; key: string; actionId: string },
): Promise<void> {
  await tx
    .update(schema.pathwayStatuses)
    .set({ actionId: input.actionId })
    .where(
      and(
        eq(schema.pathwayStatuses.checklistId, input.checklistId),
        eq(schema.pathwayStatuses.prerequisiteKey, input.key),
      ),
    );
}
