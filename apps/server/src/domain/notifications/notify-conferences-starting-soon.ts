import { type Executor, schema } from "@runder-tisch/db";
import { and, eq, gt, lte } from "drizzle-orm";
import { todayInBerlin } from "../../lib/time.ts";
import { agencyInColumnSeesCase } from "../../policies/case-access.ts";
import { createNotifications, membersOf } from "./create-notifications.ts";

/** A planned conference starting within this long is "starting soon". */
export const STARTING_SOON_MS = 3_600_000;

/**
 * Tells the members of every invited agency that can still see the case that a planned
 * conference starts within the hour. The start time is in the dedupe key: each run within
 * that hour (or another node) adds nothing, while a conference moved to another day is
 * announced again before its new start.
 */
export async function notifyConferencesStartingSoon(db: Executor, now: Date): Promise<string[]> {
  const today = todayInBerlin(now);
  const participants = schema.conferenceParticipants;
  const rows = await db
    .select({
      id: schema.conferences.id,
      caseId: schema.conferences.caseId,
      scheduledAt: schema.conferences.scheduledAt,
      agencyId: participants.agencyId,
    })
    .from(schema.conferences)
    .innerJoin(schema.cases, eq(schema.cases.id, schema.conferences.caseId))
    .innerJoin(participants, eq(participants.conferenceId, schema.conferences.id))
    .where(
      and(
        eq(schema.conferences.status, "planned"),
        gt(schema.conferences.scheduledAt, now),
        lte(schema.conferences.scheduledAt, new Date(now.getTime() + STARTING_SOON_MS)),
        agencyInColumnSeesCase(participants.agencyId, today),
      ),
    );
  const byConference = new Map<
    string,
    { caseId: string; scheduledAt: Date; agencyIds: string[] }
  >();
  for (const row of rows) {
    const conference = byConference.get(row.id) ?? { ...row, agencyIds: [] };
    conference.agencyIds.push(row.agencyId);
    byConference.set(row.id, conference);
  }
  const notified = new Set<string>();
  for (const [conferenceId, conference] of byConference) {
    const userIds = await createNotifications(db, {
      kind: "conference_starting_soon",
      caseId: conference.caseId,
      conferenceId,
      recipientIds: await membersOf(db, conference.agencyIds),
      actorUserId: null,
      dedupeKey: `conference_starting_soon:${conferenceId}:${conference.scheduledAt.toISOString()}`,
    });
    for (const id of userIds) notified.add(id);
  }
  return [...notified];
}
