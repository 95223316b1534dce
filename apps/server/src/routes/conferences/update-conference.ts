import { type Executor, schema } from "@runder-tisch/db";
import { eq, sql } from "drizzle-orm";
import {
  ensureInvitable,
  type ParticipantInput,
} from "../../domain/conferences/ensure-invitable.ts";
import { conflict, notFound } from "../../errors.ts";
import { cancelledConflict } from "../../guards/require-conference-access.ts";
import {
  type ConferenceRow,
  isConferenceCancelled,
  isConferenceLocked,
} from "../../policies/conference-access.ts";

export interface UpdateConferenceInput {
  title?: string | undefined;
  scheduledAt?: string | undefined;
  /** Replaces the whole list of invited agencies. */
  participants?: ParticipantInput[] | undefined;
  location?: string | undefined;
  videoLink?: string | undefined;
  durationMinutes?: number | undefined;
}

export async function updateConference(
  db: Executor,
  conferenceId: string,
  input: UpdateConferenceInput,
): Promise<ConferenceRow> {
  return db.transaction(async (tx) => {
    // The row lock keeps a concurrent finalisation from slipping in between check and write.
    const [current] = await tx
      .select()
      .from(schema.conferences)
      .where(eq(schema.conferences.id, conferenceId))
      .for("update");
    if (!current) throw notFound("Conference");
    if (isConferenceLocked(current)) {
      throw conflict(
        "conference_finalised",
        "The conference is finalised and can no longer be changed",
      );
    }
    if (isConferenceCancelled(current)) throw cancelledConflict();
    if (input.participants) {
      await ensureInvitable(tx, current.caseId, input.participants);
      await tx
        .delete(schema.conferenceParticipants)
        .where(eq(schema.conferenceParticipants.conferenceId, conferenceId));
      if (input.participants.length > 0) {
        await tx.insert(schema.conferenceParticipants).values(
          input.participants.map((participant) => ({
            conferenceId,
            agencyId: participant.agencyId,
            role: participant.role,
          })),
        );
      }
    }
    const fields = {
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...(input.scheduledAt !== undefined ? { scheduledAt: new Date(input.scheduledAt) } : {}),
      ...(input.location !== undefined ? { location: input.location } : {}),
      ...(input.videoLink !== undefined ? { videoLink: input.videoLink } : {}),
      ...(input.durationMinutes !== undefined ? { durationMinutes: input.durationMinutes } : {}),
    };
    if (Object.keys(fields).length === 0) return current;
    const [updated] = await tx
      .update(schema.conferences)
      .set(
        movesCalendarEntry(current, fields)
          ? { ...fields, calendarSequence: sql`${schema.conferences.calendarSequence} + 1` }
          : fields,
      )
      .where(eq(schema.conferences.id, conferenceId))
      .returning();
    return updated ?? current;
  });
}

type CalendarFields = Pick<
  ConferenceRow,
  "scheduledAt" | "location" | "videoLink" | "durationMinutes"
>;

/**
 * A calendar holding the invitation replaces it only when SEQUENCE grows (RFC 5546), so
 * it is counted up when what the entry shows changes; a new title or guest list does not.
 */
function movesCalendarEntry(current: CalendarFields, next: Partial<CalendarFields>): boolean {
  return (
    (next.scheduledAt !== undefined &&
      next.scheduledAt.getTime() !== current.scheduledAt.getTime()) ||
    (next.location !== undefined && next.location !== current.location) ||
    (next.videoLink !== undefined && next.videoLink !== current.videoLink) ||
    (next.durationMinutes !== undefined && next.durationMinutes !== current.durationMinutes)
  );
}
