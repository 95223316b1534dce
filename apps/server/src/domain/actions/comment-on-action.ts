import { type Executor, schema } from "@runder-tisch/db";
import { eq, sql } from "drizzle-orm";
import { notFound } from "../../errors.ts";
import { canCommentOnAction } from "../../policies/action-rules.ts";
import { notifyActionCommented, notifyMentionedInComment } from "../notifications/index.ts";
import { describeActionEvent } from "./action-event.ts";
import { checkMentionedPeople } from "./check-mentions.ts";
import { findAccessibleAction } from "./find-action.ts";
import type { ActionActor, ActionWriteResult } from "./types.ts";

export type ActionCommentRow = typeof schema.actionComments.$inferSelect;

/**
 * Every agency that can see the case may comment. A comment does not bump the
 * version: it changes no field, so it must not make a colleague's edit conflict.
 * A person mentioned (@) gets one "mentioned" notice instead of "action_commented".
 */
export async function commentOnAction(
  db: Executor,
  actor: ActionActor,
  input: { actionId: string; body: string; mentionedUserIds?: readonly string[] },
): Promise<ActionWriteResult & { comment: ActionCommentRow }> {
  return db.transaction(async (tx) => {
    const found = await findAccessibleAction(tx, actor.agencyId, input.actionId, { lock: true });
    if (!found || !canCommentOnAction(found.access)) throw notFound("Action");
    const mentionedUserIds = input.mentionedUserIds ?? [];
    await checkMentionedPeople(tx, found.action.caseId, mentionedUserIds);
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
    const mentioned = await notifyMentionedInComment(
      tx,
      action,
      comment.id,
      actor.userId,
      mentionedUserIds,
    );
    const commented = await notifyActionCommented(tx, action, comment.id, actor.userId, mentioned);
    const notifiedUserIds = [...mentioned, ...commented];
    const event = describeActionEvent("action.commented", action, actor.userId, {
      writtenVia: "api",
      notifiedUserIds,
    });
    return { action, changes, event, comment };
  });
}
