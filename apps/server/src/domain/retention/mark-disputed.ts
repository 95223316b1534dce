import type { TDisputeTargetType } from "@runder-tisch/contracts";
import { type Executor, schema } from "@runder-tisch/db";
import { and, eq, isNull } from "drizzle-orm";
import { conflict } from "../../errors.ts";
import type { Actor } from "../../policies/actor.ts";

export interface DisputeTarget {
  caseId: string;
  targetType: TDisputeTargetType;
  targetId: string;
}

/** Puts an entry under restriction of processing; one active mark per entry. */
export async function markDisputed(
  db: Executor,
  actor: Actor,
  target: DisputeTarget,
  reason: string,
): Promise<schema.DisputeRow> {
  return db.transaction(async (tx) => {
    // Serialises marks on one case so two requests cannot both add the first mark.
    await tx
      .select({ id: schema.cases.id })
      .from(schema.cases)
      .where(eq(schema.cases.id, target.caseId))
      .for("update");
    const [active] = await tx
      .select({ id: schema.disputes.id })
      .from(schema.disputes)
      .where(activeMarkOn(target));
    if (active)
      throw conflict("already_disputed", "This entry is already marked as disputed", {
        disputeId: active.id,
      });
    const [row] = await tx
      .insert(schema.disputes)
      .values({ ...target, reason, raisedBy: actor.userId, raisedByAgencyId: actor.agencyId })
      .returning();
    if (!row) throw new Error("dispute insert returned nothing");
    return row;
  });
}

export const activeMarkOn = (target: DisputeTarget) =>
  and(
    eq(schema.disputes.targetType, target.targetType),
    eq(schema.disputes.targetId, target.targetId),
    isNull(schema.disputes.liftedAt),
  );
