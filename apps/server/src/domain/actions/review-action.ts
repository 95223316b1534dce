import type { TActionStatus, ZReviewActionRequest } from "@runder-tisch/contracts";
import { type Executor, schema } from "@runder-tisch/db";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import { notFound, unprocessable } from "../../errors.ts";
import type { ActionRow } from "./find-action.ts";
import type { ActionActor, ActionWriteResult } from "./types.ts";
import { updateAction } from "./update-action.ts";

type Review = z.output<typeof ZReviewActionRequest>;

/** What a review outcome does to the action it reviews. */
function actionChangeFor(
  review: Review,
  action: ActionRow,
): { status: TActionStatus; dueDate?: string | null } {
  switch (review.outcome) {
    case "done":
      return { status: "done" };
    case "in_progress":
      return { status: "in_progress", dueDate: review.newDueDate };
    case "not_possible":
      return { status: "cancelled" };
    case "not_done": {
      // Not done stays to do: an earlier "done" or "cancelled" of this review is taken back.
      const status = action.status === "in_progress" ? "in_progress" : "open";
      return review.newDueDate ? { status, dueDate: review.newDueDate } : { status };
    }
  }
}

export interface ReviewResult {
  review: schema.ActionReviewRow;
  write: ActionWriteResult;
}

/**
 * Reviews an action carried over into `conference` from earlier: changes the action
 * as the outcome says (under the reviewer's rights on the action, with its history)
 * and records the review for the minutes. Reviewing again replaces the review.
 */
export async function reviewCarriedOverAction(
  db: Executor,
  actor: ActionActor,
  conference: { id: string; caseId: string },
  actionId: string,
  input: Review,
): Promise<ReviewResult> {
  return db.transaction(async (tx) => {
    const [action] = await tx.select().from(schema.actions).where(eq(schema.actions.id, actionId));
    // An action of another case is as unknown here as a missing one.
    if (!action || action.caseId !== conference.caseId) throw notFound("Action");
    if (action.conferenceId === conference.id) {
      throw unprocessable(
        "action_not_carried_over",
        "This action was agreed in this conference; change it instead of reviewing it",
      );
    }
    const write = await updateAction(tx, actor, {
      actionId,
      ...actionChangeFor(input, action),
    });
    const values = {
      outcome: input.outcome,
      note: input.note,
      newDueDate: input.newDueDate,
      reviewedBy: actor.userId,
      agencyId: actor.agencyId,
      reviewedAt: new Date(),
    };
    const [review] = await tx
      .insert(schema.actionReviews)
      .values({ conferenceId: conference.id, actionId, ...values })
      .onConflictDoUpdate({
        target: [schema.actionReviews.conferenceId, schema.actionReviews.actionId],
        set: values,
      })
      .returning();
    if (!review) throw new Error("review upsert returned nothing");
    return { review, write };
  });
}
