import type { NotificationKind } from "@runder-tisch/contracts";
import { type Executor, schema } from "@runder-tisch/db";
import { and, eq, inArray, isNull } from "drizzle-orm";
import { scheduleMailPass } from "./mail-pass.ts";

export interface NotificationSubject {
  caseId: string;
  conferenceId?: string | null;
  actionId?: string | null;
}

export interface NotifyInput extends NotificationSubject {
  kind: NotificationKind;
  recipientIds: readonly string[];
  /** Who caused it; never notified about their own doing. Null for reminders. */
  actorUserId: string | null;
  /** Names the event; the recipient's id is appended, so one event notifies a person once. */
  dedupeKey: string;
}

/**
 * Writes notifications in the caller's transaction, so they exist exactly when the change
 * committed, and none is lost between a commit and a listener. A dedupe key already used
 * (a job run again after a crash, say) adds nothing. Answers who was newly notified.
 */
export async function createNotifications(db: Executor, input: NotifyInput): Promise<string[]> {
  const recipients = [...new Set(input.recipientIds)].filter((id) => id !== input.actorUserId);
  if (recipients.length === 0) return [];
  const inserted = await db
    .insert(schema.notifications)
    .values(
      recipients.map((userId) => ({
        userId,
        kind: input.kind,
        caseId: input.caseId,
        conferenceId: input.conferenceId ?? null,
        actionId: input.actionId ?? null,
        actorUserId: input.actorUserId,
        dedupeKey: `${input.dedupeKey}:${userId}`,
      })),
    )
    .onConflictDoNothing({ target: schema.notifications.dedupeKey })
    .returning({ userId: schema.notifications.userId });
  if (inserted.length > 0) await scheduleMailPass(db);
  return inserted.map((row) => row.userId);
}

/** The active members of these agencies. */
export async function membersOf(db: Executor, agencyIds: readonly string[]): Promise<string[]> {
  if (agencyIds.length === 0) return [];
  const rows = await db
    .select({ id: schema.users.id })
    .from(schema.users)
    .where(and(inArray(schema.users.agencyId, [...agencyIds]), isNull(schema.users.disabledAt)));
  return rows.map((row) => row.id);
}

/** The responsible person, or every member of the responsible agency when nobody is named. */
export async function responsiblePeople(
  db: Executor,
  responsible: { responsibleAgencyId: string; responsibleUserId: string | null },
): Promise<string[]> {
  if (responsible.responsibleUserId) {
    const [person] = await db
      .select({ id: schema.users.id })
      .from(schema.users)
      .where(
        and(eq(schema.users.id, responsible.responsibleUserId), isNull(schema.users.disabledAt)),
      );
    return person ? [person.id] : [];
  }
  return membersOf(db, [responsible.responsibleAgencyId]);
}

/**
 * The active coordinators of an agency, who decide for it (finalising minutes, renewing a
 * basis, finding a new owner). An agency without a coordinator has nobody else to decide,
 * so then every member is told rather than nobody.
 */
export async function coordinatorsOf(db: Executor, agencyId: string): Promise<string[]> {
  const rows = await db
    .select({ id: schema.users.id, role: schema.users.role })
    .from(schema.users)
    .where(and(eq(schema.users.agencyId, agencyId), isNull(schema.users.disabledAt)));
  const coordinators = rows.filter((row) => row.role === "coordinator");
  return (coordinators.length > 0 ? coordinators : rows).map((row) => row.id);
}
