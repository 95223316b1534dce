import { type Executor, schema } from "@runder-tisch/db";
import { eq } from "drizzle-orm";
import { berlinClock, berlinInstant } from "../../lib/time.ts";
import { agenciesUnableToSeeCase } from "../../policies/conference-access.ts";
import { createConference } from "./create-conference.ts";

/** What the Wiedervorlage conference is called in every list. */
export const FOLLOW_UP_TITLE = "Wiedervorlage";

/**
 * The Wiedervorlage: the next conference of the case on the review day, at the same
 * time of day, with the same place and length, inviting every agency of this one that
 * can still see the case, in the same role. A day that is not after `today` plans
 * nothing (the minutes still name it).
 */
export async function scheduleFollowUp(
  db: Executor,
  creator: { userId: string },
  conference: schema.ConferenceRow,
  reviewOn: string,
  today: string,
): Promise<schema.ConferenceRow | null> {
  if (reviewOn <= today) return null;
  const invited = await db
    .select({
      agencyId: schema.conferenceParticipants.agencyId,
      role: schema.conferenceParticipants.role,
    })
    .from(schema.conferenceParticipants)
    .where(eq(schema.conferenceParticipants.conferenceId, conference.id));
  const unable = new Set(
    await agenciesUnableToSeeCase(
      db,
      conference.caseId,
      invited.map((participant) => participant.agencyId),
    ),
  );
  const { hour, minute } = berlinClock(conference.scheduledAt);
  return createConference(db, creator, conference.caseId, {
    title: FOLLOW_UP_TITLE,
    scheduledAt: berlinInstant(reviewOn, hour, minute).toISOString(),
    participants: invited.filter((participant) => !unable.has(participant.agencyId)),
    location: conference.location,
    videoLink: conference.videoLink,
    durationMinutes: conference.durationMinutes,
    followsConferenceId: conference.id,
  });
}
