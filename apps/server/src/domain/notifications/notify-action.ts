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

/**
 * The responsible person and the action's author hear of a comment (not the commenter).
 * Those in `except` were mentioned in it and hear of it through that notice instead.
 */
export async function notifyActionCommented(
  db: Executor,
  action: ActionRow,
  commentId: string,
  actorUserId: string,
  except: readonly string[] = [],
): Promise<string[]> {
  const recipients = [action.responsibleUserId, action.createdBy].filter(
    (id): id is string => typeof id === "string" && !except.includes(id),
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

/** The people mentioned (@) in a comment; the people were checked to see the case. */
export async function notifyMentionedInComment(
  db: Executor,
  action: ActionRow,
  commentId: string,
  actorUserId: string,
  mentionedUserIds: readonly string[],
): Promise<string[]> {
  return createNotifications(db, {
    kind: "mentioned",
    caseId: action.caseId,
    conferenceId: action.conferenceId,
    actionId: action.id,
    recipientIds: mentionedUserIds,
    actorUserId,
    dedupeKey: `mentioned:${commentId}`,
  });
}
