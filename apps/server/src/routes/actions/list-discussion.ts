import type { TActionComment, TActionEvent } from "@runder-tisch/contracts";
import { type Executor, schema } from "@runder-tisch/db";
import { asc, eq } from "drizzle-orm";

export async function listActionComments(
  db: Executor,
  actionId: string,
): Promise<TActionComment[]> {
  const rows = await db
    .select({
      comment: schema.actionComments,
      author: { id: schema.users.id, displayName: schema.users.displayName },
      agency: { id: schema.agencies.id, name: schema.agencies.name },
    })
    .from(schema.actionComments)
    .innerJoin(schema.users, eq(schema.users.id, schema.actionComments.authorId))
    .innerJoin(schema.agencies, eq(schema.agencies.id, schema.actionComments.agencyId))
    .where(eq(schema.actionComments.actionId, actionId))
    .orderBy(asc(schema.actionComments.createdAt), asc(schema.actionComments.id));
  return rows.map(({ comment, author, agency }) => ({
    id: comment.id,
    actionId: comment.actionId,
    author,
    agency,
    body: comment.body,
    createdAt: comment.createdAt.toISOString(),
    withdrawnAt: comment.withdrawnAt?.toISOString() ?? null,
  }));
}

export async function listActionHistory(db: Executor, actionId: string): Promise<TActionEvent[]> {
  const rows = await db
    .select({
      event: schema.actionEvents,
      actor: { id: schema.users.id, displayName: schema.users.displayName },
      agency: { id: schema.agencies.id, name: schema.agencies.name },
    })
    .from(schema.actionEvents)
    .leftJoin(schema.users, eq(schema.users.id, schema.actionEvents.actorId))
    .leftJoin(schema.agencies, eq(schema.agencies.id, schema.actionEvents.agencyId))
    .where(eq(schema.actionEvents.actionId, actionId))
    .orderBy(asc(schema.actionEvents.createdAt), asc(schema.actionEvents.id));
  return rows.map(({ event, actor, agency }) => ({
    id: event.id,
    actionId: event.actionId,
    actor,
    agency,
    kind: event.kind,
    changes: event.changes,
    at: event.createdAt.toISOString(),
  }));
}
