import { type Executor, schema } from "@runder-tisch/db";
import { eq } from "drizzle-orm";
import { conflict, forbidden, notFound } from "../../errors.ts";
import { type ActionDomainEvent, describeActionEvent } from "./action-event.ts";
import { type ActionRow, findAccessibleAction } from "./find-action.ts";
import type { ActionActor } from "./types.ts";

/**
 * The author takes a comment back: its text is removed for everyone (it may have said
 * more than it should), the row stays with the time it was withdrawn, and the audit
 * trail records who did it. Only while the author's agency can still see the case.
 */
export async function withdrawComment(
  db: Executor,
  actor: ActionActor,
  commentId: string,
): Promise<{ action: ActionRow; event: ActionDomainEvent }> {
  return db.transaction(async (tx) => {
    const [comment] = await tx
      .select()
      .from(schema.actionComments)
      .where(eq(schema.actionComments.id, commentId))
      .for("update");
    if (!comment) throw notFound("Comment");
    const found = await findAccessibleAction(tx, actor.agencyId, comment.actionId);
    if (!found) throw notFound("Comment");
    if (comment.authorId !== actor.userId) {
      throw forbidden("not_comment_author", "Only the author can take a comment back");
    }
    if (comment.withdrawnAt !== null) {
      throw conflict("comment_already_withdrawn", "The comment was already taken back");
    }
    await tx
      .update(schema.actionComments)
      .set({ body: "", withdrawnAt: new Date() })
      .where(eq(schema.actionComments.id, comment.id));
    const event = describeActionEvent("action.commented", found.action, actor.userId, {
      writtenVia: "api",
    });
    return { action: found.action, event };
  });
}
