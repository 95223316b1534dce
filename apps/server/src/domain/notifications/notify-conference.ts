import { randomUUID } from "node:crypto";
import { type Executor, schema } from "@runder-tisch/db";
import { eq } from "drizzle-orm";
import { createNotifications, membersOf } from "./create-notifications.ts";

export type ConferenceNotificationKind =
  | "conference_scheduled"
  | "conference_changed"
  | "conference_cancelled";

/**
 * Every member of the agencies invited to the conference, called inside the route's audited
 * write so the notification commits with the change. Each change is its own event (a
 * conference may move twice), so its key carries a fresh id; scheduling and calling off
 * happen once, so theirs is the conference's.
 */
export async function notifyConferenceChange(
  db: Executor,
  kind: ConferenceNotificationKind,
  conference: { id: string; caseId: string },
  actorUserId: string,
): Promise<string[]> {
  const participants = await db
    .select({ agencyId: schema.conferenceParticipants.agencyId })
    .from(schema.conferenceParticipants)
    .where(eq(schema.conferenceParticipants.conferenceId, conference.id));
  return createNotifications(db, {
    kind,
    caseId: conference.caseId,
    conferenceId: conference.id,
    recipientIds: await membersOf(
      db,
      participants.map((participant) => participant.agencyId),
    ),
    actorUserId,
    dedupeKey:
      kind === "conference_changed"
        ? `${kind}:${conference.id}:${randomUUID()}`
        : `${kind}:${conference.id}`,
  });
}
