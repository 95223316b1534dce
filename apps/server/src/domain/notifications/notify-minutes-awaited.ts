import { type Executor, schema } from "@runder-tisch/db";
import { and, eq, lt } from "drizzle-orm";
import { todayInBerlin } from "../../lib/time.ts";
import { coordinatorsOf, createNotifications } from "./create-notifications.ts";

/** A concluded conference whose minutes are not final after this long is waited on. */
export const MINUTES_AWAITED_AFTER_MS = 86_400_000;

/**
 * Reminds the coordinators of the case's owning agency (which finalises the minutes) of a
 * conference concluded more than a day ago and not finalised yet, once per conference,
 * person and day: the day is in the dedupe key, so the reminder repeats daily until the
 * minutes are final, and hourly runs in between add nothing.
 */
export async function notifyMinutesAwaited(db: Executor, now: Date): Promise<string[]> {
  const today = todayInBerlin(now);
  const waiting = await db
    .select({
      id: schema.conferences.id,
      caseId: schema.conferences.caseId,
      ownerAgencyId: schema.cases.ownerAgencyId,
    })
    .from(schema.conferences)
    .innerJoin(schema.cases, eq(schema.cases.id, schema.conferences.caseId))
    .where(
      and(
        eq(schema.conferences.status, "concluded"),
        lt(schema.conferences.concludedAt, new Date(now.getTime() - MINUTES_AWAITED_AFTER_MS)),
      ),
    );
  const notified = new Set<string>();
  for (const conference of waiting) {
    const userIds = await createNotifications(db, {
      kind: "conference_awaiting_minutes",
      caseId: conference.caseId,
      conferenceId: conference.id,
      recipientIds: await coordinatorsOf(db, conference.ownerAgencyId),
      actorUserId: null,
      dedupeKey: `conference_awaiting_minutes:${conference.id}:${today}`,
    });
    for (const id of userIds) notified.add(id);
  }
  return [...notified];
}
