import { type Executor, schema } from "@runder-tisch/db";
import { conflict } from "../../errors.ts";
import type { Actor } from "../../policies/actor.ts";
import { activeMarkOn, type DisputeTarget } from "./mark-disputed.ts";

/** Lifts the active mark; the row stays, with who lifted it and when. */
export async function liftDispute(
  db: Executor,
  actor: Actor,
  target: DisputeTarget,
  note: string | undefined,
): Promise<schema.DisputeRow> {
  const [row] = await db
    .update(schema.disputes)
    .set({ liftedAt: new Date(), liftedBy: actor.userId, liftNote: note ?? null })
    .where(activeMarkOn(target))
    .returning();
  if (!row) throw conflict("not_disputed", "This entry is not marked as disputed");
  return row;
}
