import type { TCaseExport } from "@runder-tisch/contracts";
import { type Executor, schema } from "@runder-tisch/db";
import { asc, eq, inArray } from "drizzle-orm";
import type { AgencyNames } from "./agency-names.ts";

type DisputeMark = { reason: string; raisedAt: string } | null;

/** Actions with every comment and the full change history. */
export async function exportActions(
  db: Executor,
  caseId: string,
  names: AgencyNames,
  disputeOf: (type: string, id: string) => DisputeMark,
): Promise<TCaseExport["actions"]> {
  const actions = await db
    .select()
    .from(schema.actions)
    .where(eq(schema.actions.caseId, caseId))
    .orderBy(asc(schema.actions.createdAt));
  const ids = actions.map((action) => action.id);
  if (ids.length === 0) return [];
  const comments = await db
    .select()
    .from(schema.actionComments)
    .where(inArray(schema.actionComments.actionId, ids))
    .orderBy(asc(schema.actionComments.createdAt));
  const events = await db
    .select()
    .from(schema.actionEvents)
    .where(inArray(schema.actionEvents.actionId, ids))
    .orderBy(asc(schema.actionEvents.createdAt));
  const reviews = await db
    .select()
    .from(schema.actionReviews)
    .where(inArray(schema.actionReviews.actionId, ids))
    .orderBy(asc(schema.actionReviews.reviewedAt));
  return actions.map((action) => ({
    id: action.id,
    conferenceId: action.conferenceId,
    title: action.title,
    description: action.description,
    responsibleAgency: names.ref(action.responsibleAgencyId),
    responsibleUser: action.responsibleUserId ? names.user(action.responsibleUserId) : null,
    dueDate: action.dueDate,
    status: action.status,
    createdAt: action.createdAt.toISOString(),
    updatedAt: action.updatedAt.toISOString(),
    comments: comments
      .filter((comment) => comment.actionId === action.id)
      .map((comment) => ({
        id: comment.id,
        author: names.user(comment.authorId),
        agency: names.ref(comment.agencyId),
        body: comment.body,
        createdAt: comment.createdAt.toISOString(),
        withdrawnAt: comment.withdrawnAt?.toISOString() ?? null,
        disputed: disputeOf("action_comment", comment.id),
      })),
    history: events
      .filter((event) => event.actionId === action.id)
      .map((event) => ({
        kind: event.kind,
        actorId: event.actorId,
        agencyId: event.agencyId,
        changes: event.changes,
        at: event.createdAt.toISOString(),
      })),
    reviews: reviews
      .filter((review) => review.actionId === action.id)
      .map((review) => ({
        conferenceId: review.conferenceId,
        outcome: review.outcome,
        note: review.note,
        newDueDate: review.newDueDate,
        reviewedBy: names.user(review.reviewedBy),
        agency: names.ref(review.agencyId),
        reviewedAt: review.reviewedAt.toISOString(),
      })),
  }));
}
