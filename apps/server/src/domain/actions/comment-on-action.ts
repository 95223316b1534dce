import { type Executor, schema } from "@runder-tisch/db";
import { eq, sql } from "drizzle-orm";
import { notFound } from "../../errors.ts";
import { canCommentOnAction } from "../../policies/action-rules.ts";
import { notifyActionCommented } from "../notifications/index.ts";
import { describeActionEvent } from "./action-event.ts";
import { findAccessibleAction } from "./find-action.ts";
import type { ActionActor, ActionWriteResult } from "./types.ts";

export type ActionCommentRow = typeof schema.actionComments.$inferSelect;

/**
 * Every agency that can see the case may comment. A comment does not bump the
 * version: it changes no field, so it must not make a colleague's edit conflict.
 */
export async function commentOnAction(
  db: Executor,
  actor: ActionActor,
  input: { actionId: string; body: string },
): Promise<ActionWriteResult & { comment: ActionCommentRow }> {
  return db.transaction(async (tx) => {
    const found = await findAccessibleAction(tx, actor.agencyId, input.actionId, { lock: true });
    if (!found || !canCommentOnAction(found.access)) throw notFound("Action");
    const [comment] = await tx
      .insert(schema.actionComments)
      .values({
        actionId: found.action.id,
        authorId: actor.userId,
        agencyId: actor.agencyId,
        body: input.body,
      })
      .returning();
    if (!comment) throw new Error("comment insert returned nothing");
    const [action] = await tx
      .update(schema.actions)
      .set({ commentCount: sql`${schema.actions.commentCount} + 1` })
      .where(eq(schema.actions.id, found.action.id))
      .returning();
    if (!action) throw notFound("Action");
    const changes = { comment: { from: null, to: comment.id } };
    await tx.insert(schema.actionEvents).values({
      actionId: action.id,
      actorId: actor.userId,
      agencyId: actor.agencyId,
      kind: "commented",
      changes,
    });
    const notifiedUserIds = await notifyActionCommented(tx, action, comment.id, actor.userId);
    const event = describeActionEvent("action.commented", action, actor.userId, {
      writtenVia: "api",
      notifiedUserIds,
    });
    return { action, changes, event, comment };
  });
}
