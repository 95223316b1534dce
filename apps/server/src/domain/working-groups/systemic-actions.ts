import type {
  TActionStatus,
  TCreateSystemicActionRequest,
  TSystemicAction,
} from "@runder-tisch/contracts";
import { type Executor, schema } from "@runder-tisch/db";
import { and, asc, eq, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { fieldRefused, notFound } from "../../errors.ts";
import { requireGroupTopic } from "./group-topics.ts";

const actions = schema.systemicActions;
const creators = alias(schema.users, "creators");

/** A group's actions, or an agency's: pending first, then by due date, oldest first. */
export async function listSystemicActions(
  db: Executor,
  filter: { workingGroupId: string } | { ownerAgencyId: string },
): Promise<TSystemicAction[]> {
  const where: SQL =
    "workingGroupId" in filter
      ? eq(actions.workingGroupId, filter.workingGroupId)
      : eq(actions.ownerAgencyId, filter.ownerAgencyId);
  return selectActions(db, where);
}

export async function findSystemicAction(db: Executor, id: string): Promise<TSystemicAction> {
  const [action] = await selectActions(db, eq(actions.id, id));
  if (!action) throw notFound("Action");
  return action;
}

export async function findSystemicActionRow(
  db: Executor,
  id: string,
): Promise<schema.SystemicActionRow | null> {
  const [row] = await db.select().from(actions).where(eq(actions.id, id));
  return row ?? null;
}

async function selectActions(db: Executor, where: SQL): Promise<TSystemicAction[]> {
  const rows = await db
    .select({
      action: actions,
      group: { id: schema.workingGroups.id, name: schema.workingGroups.name },
      agency: { id: schema.agencies.id, name: schema.agencies.name },
      creator: { id: creators.id, displayName: creators.displayName },
    })
    .from(actions)
    .innerJoin(schema.workingGroups, eq(schema.workingGroups.id, actions.workingGroupId))
    .innerJoin(schema.agencies, eq(schema.agencies.id, actions.ownerAgencyId))
    .leftJoin(creators, eq(creators.id, actions.createdBy))
    .where(where)
    .orderBy(
      sql`case when ${actions.status} in ('open', 'in_progress') then 0 else 1 end`,
      sql`${actions.dueDate} asc nulls last`,
      asc(actions.createdAt),
      asc(actions.id),
    );
  return rows.map(({ action, group, agency, creator }) => ({
    id: action.id,
    workingGroup: group,
    topicId: action.topicId,
    text: action.text,
    ownerAgency: agency,
    dueDate: action.dueDate,
    status: action.status,
    createdBy: creator?.id ? { id: creator.id, displayName: creator.displayName } : null,
    createdAt: action.createdAt.toISOString(),
    updatedAt: action.updatedAt.toISOString(),
  }));
}

/** Any active agency can own a systemic action: the work often lies outside the group. */
export async function createSystemicAction(
  db: Executor,
  workingGroupId: string,
  input: TCreateSystemicActionRequest,
  userId: string,
): Promise<schema.SystemicActionRow> {
  const [agency] = await db
    .select({ id: schema.agencies.id })
    .from(schema.agencies)
    .where(and(eq(schema.agencies.id, input.ownerAgencyId), eq(schema.agencies.active, true)));
  if (!agency) {
    throw fieldRefused("ownerAgencyId", "agency_unknown", "No active agency with this id");
  }
  if (input.topicId) await requireGroupTopic(db, workingGroupId, input.topicId);
  const [row] = await db
    .insert(actions)
    .values({
      workingGroupId,
      topicId: input.topicId ?? null,
      text: input.text,
      ownerAgencyId: input.ownerAgencyId,
      dueDate: input.dueDate ?? null,
      createdBy: userId,
      updatedBy: userId,
    })
    .returning();
  if (!row) throw new Error("creating the action wrote nothing");
  return row;
}

export async function setSystemicActionStatus(
  db: Executor,
  id: string,
  status: TActionStatus,
  userId: string,
): Promise<void> {
  const [row] = await db
    .update(actions)
    .set({ status, updatedBy: userId, updatedAt: new Date() })
    .where(eq(actions.id, id))
    .returning({ id: actions.id });
  if (!row) throw notFound("Action");
}
