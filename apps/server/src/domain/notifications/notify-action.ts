import type { Executor, schema } from "@runder-tisch/db";
import { createNotifications, responsiblePeople } from "./create-notifications.ts";

type ActionRow = typeof schema.actions.$inferSelect;

/**
 * Called inside the transaction that writes the action (REST route or live document alike),
 * so the notification commits with the change or not at all.
 */
export async function notifyActionAssigned(
  db: Executor,
  action: ActionRow,
  actorUserId: string,
): Promise<string[]> {
  return createNotifications(db, {
    kind: "action_assigned",
    caseId: action.caseId,
    conferenceId: action.conferenceId,
    actionId: action.id,
    recipientIds: await responsiblePeople(db, action),
    actorUserId,
    dedupeKey: `action_assigned:${action.id}`,
  });
}

/** The new responsible, after the action changed hands; the version names the hand-over. */
export async function notifyActionReassigned(
  db: Executor,
  action: ActionRow,
  actorUserId: string,
): Promise<string[]> {
  return createNotifications(db, {
    kind: "action_reassigned",
    caseId: action.caseId,
    conferenceId: action.conferenceId,
    actionId: action.id,
    recipientIds: await responsiblePeople(db, action),
    actorUserId,
    dedupeKey: `action_reassigned:${action.id}:v${action.version}`,
  });
}

/** The responsible person and the action's author hear of a comment (not the commenter). */
export async function notifyActionCommented(
  db: Executor,
  action: ActionRow,
  commentId: string,
  actorUserId: string,
): Promise<string[]> {
  const recipients = [action.responsibleUserId, action.createdBy].filter(
    (id): id is string => typeof id === "string",
  );
  return createNotifications(db, {
    kind: "action_commented",
    caseId: action.caseId,
    conferenceId: action.conferenceId,
    actionId: action.id,
    recipientIds: recipients,
    actorUserId,
    dedupeKey: `action_commented:${commentId}`,
  });
}
