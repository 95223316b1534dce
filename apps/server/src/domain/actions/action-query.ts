import { type Executor, schema } from "@runder-tisch/db";
import { asc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { responsibleAgencySeesCase, type SqlValue } from "../../policies/case-access.ts";

const responsibleUser = alias(schema.users, "responsible_user");
const statusChanger = alias(schema.users, "status_changer");

/**
 * Everything the presenter needs for a list of actions, in one query: the case
 * code, the names of the responsible agency and people. Lists never go N+1.
 */
export function selectPresentableActions(db: Executor, today?: SqlValue) {
  return db
    .select({
      action: schema.actions,
      caseCode: schema.cases.code,
      caseOwnerAgencyId: schema.cases.ownerAgencyId,
      responsibleAgency: { id: schema.agencies.id, name: schema.agencies.name },
      responsiblePerson: { id: responsibleUser.id, displayName: responsibleUser.displayName },
      statusChangedBy: { id: statusChanger.id, displayName: statusChanger.displayName },
      conference: { title: schema.conferences.title, scheduledAt: schema.conferences.scheduledAt },
      responsibleSeesCase: sql<boolean>`${responsibleAgencySeesCase(today)}`.mapWith(Boolean),
    })
    .from(schema.actions)
    .innerJoin(schema.cases, eq(schema.cases.id, schema.actions.caseId))
    .innerJoin(schema.agencies, eq(schema.agencies.id, schema.actions.responsibleAgencyId))
    .leftJoin(schema.conferences, eq(schema.conferences.id, schema.actions.conferenceId))
    .leftJoin(responsibleUser, eq(responsibleUser.id, schema.actions.responsibleUserId))
    .leftJoin(statusChanger, eq(statusChanger.id, schema.actions.statusChangedBy));
}

export type PresentableActionRow = Awaited<ReturnType<typeof selectPresentableActions>>[number];

/** What is due first comes first; actions without a date after all dated ones. */
export const byDueDate = [
  sql`${schema.actions.dueDate} asc nulls last`,
  asc(schema.actions.createdAt),
  asc(schema.actions.id),
];

/** One action with its presenter fields, or undefined. */
export async function loadPresentableAction(db: Executor, actionId: string) {
  const [row] = await selectPresentableActions(db).where(eq(schema.actions.id, actionId));
  return row;
}
