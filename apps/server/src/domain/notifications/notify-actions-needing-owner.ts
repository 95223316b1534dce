import { PENDING_ACTION_STATUSES } from "@runder-tisch/contracts";
import { type Executor, schema } from "@runder-tisch/db";
import { and, eq, inArray, not } from "drizzle-orm";
import { todayInBerlin } from "../../lib/time.ts";
import { responsibleAgencySeesCase } from "../../policies/case-access.ts";
import { coordinatorsOf, createNotifications } from "./create-notifications.ts";

/**
 * Tells the coordinators of the case's owning agency of pending actions whose responsible
 * agency can no longer see the open case (its basis was revoked or ran out): nobody who may
 * work on them is left, and only the owner can pass them on. Once per action and lost
 * owner, so an action that changes hands and is orphaned again is announced again.
 */
export async function notifyActionsNeedingOwner(db: Executor, now: Date): Promise<string[]> {
  const today = todayInBerlin(now);
  const actions = schema.actions;
  const orphaned = await db
    .select({
      id: actions.id,
      caseId: actions.caseId,
      conferenceId: actions.conferenceId,
      responsibleAgencyId: actions.responsibleAgencyId,
      ownerAgencyId: schema.cases.ownerAgencyId,
    })
    .from(actions)
    .innerJoin(schema.cases, eq(schema.cases.id, actions.caseId))
    .where(
      and(
        eq(schema.cases.status, "open"),
        inArray(actions.status, [...PENDING_ACTION_STATUSES]),
        not(responsibleAgencySeesCase(today)),
      ),
    );
  const notified = new Set<string>();
  for (const action of orphaned) {
    const userIds = await createNotifications(db, {
      kind: "action_needs_owner",
      caseId: action.caseId,
      conferenceId: action.conferenceId,
      actionId: action.id,
      recipientIds: await coordinatorsOf(db, action.ownerAgencyId),
      actorUserId: null,
      dedupeKey: `action_needs_owner:${action.id}:${action.responsibleAgencyId}`,
    });
    for (const id of userIds) notified.add(id);
  }
  return [...notified];
}
