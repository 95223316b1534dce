import { PENDING_ACTION_STATUSES } from "@runder-tisch/contracts";
import { type Executor, schema } from "@runder-tisch/db";
import { and, eq, inArray, isNotNull, lte } from "drizzle-orm";
import { addDays, todayInBerlin } from "../../lib/time.ts";
import { responsibleAgencySeesCase } from "../../policies/case-access.ts";
import { createNotifications, responsiblePeople } from "./create-notifications.ts";

/** An action due within this many days (today included) is "due soon". */
export const DUE_SOON_DAYS = 2;

/**
 * Reminds the responsible person (or agency) of pending actions due soon or overdue, once
 * per action, person and day: the day is in the dedupe key, so hourly runs, a second node
 * or a job run again after a crash add nothing. Actions whose responsible agency lost
 * access are left out: they wait for a new owner, whom the case's owner picks.
 */
export async function createActionReminders(db: Executor, now: Date): Promise<string[]> {
  const today = todayInBerlin(now);
  const actions = schema.actions;
  const due = await db
    .select({
      id: actions.id,
      caseId: actions.caseId,
      conferenceId: actions.conferenceId,
      dueDate: actions.dueDate,
      responsibleAgencyId: actions.responsibleAgencyId,
      responsibleUserId: actions.responsibleUserId,
    })
    .from(actions)
    .innerJoin(schema.cases, eq(schema.cases.id, actions.caseId))
    .where(
      and(
        isNotNull(actions.dueDate),
        lte(actions.dueDate, addDays(today, DUE_SOON_DAYS)),
        inArray(actions.status, [...PENDING_ACTION_STATUSES]),
        responsibleAgencySeesCase(today),
      ),
    );
  const notified = new Set<string>();
  for (const action of due) {
    const kind =
      action.dueDate !== null && action.dueDate < today ? "action_overdue" : "action_due_soon";
    const userIds = await createNotifications(db, {
      kind,
      caseId: action.caseId,
      conferenceId: action.conferenceId,
      actionId: action.id,
      recipientIds: await responsiblePeople(db, action),
      actorUserId: null,
      dedupeKey: `${kind}:${action.id}:${today}`,
    });
    for (const id of userIds) notified.add(id);
  }
  return [...notified];
}
