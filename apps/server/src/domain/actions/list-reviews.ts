import type { TActionReview } from "@runder-tisch/contracts";
import { type Executor, schema } from "@runder-tisch/db";
import { and, asc, eq } from "drizzle-orm";

/**
 * The reviews made at one conference, in the order they were made, ready to present;
 * with `actionId`, only that action's (at most one).
 */
export async function listConferenceReviews(
  db: Executor,
  conferenceId: string,
  actionId?: string,
): Promise<TActionReview[]> {
  const reviews = schema.actionReviews;
  const rows = await db
    .select({
      review: reviews,
      reviewer: { id: schema.users.id, displayName: schema.users.displayName },
      agency: { id: schema.agencies.id, name: schema.agencies.name },
    })
    .from(reviews)
    .innerJoin(schema.users, eq(schema.users.id, reviews.reviewedBy))
    .innerJoin(schema.agencies, eq(schema.agencies.id, reviews.agencyId))
    .where(
      and(
        eq(reviews.conferenceId, conferenceId),
        actionId === undefined ? undefined : eq(reviews.actionId, actionId),
      ),
    )
    .orderBy(asc(reviews.reviewedAt), asc(reviews.id));
  return rows.map(({ review, reviewer, agency }) => ({
    actionId: review.actionId,
    conferenceId: review.conferenceId,
    outcome: review.outcome,
    note: review.note,
    newDueDate: review.newDueDate,
    reviewedBy: reviewer,
    agency,
    reviewedAt: review.reviewedAt.toISOString(),
  }));
}
