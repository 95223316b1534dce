import { type Executor, schema } from "@runder-tisch/db";
import { addDays, berlinClock, berlinInstant } from "../../lib/time.ts";
import type { ConferenceRow } from "../../policies/conference-access.ts";
import { agendaRowsFor, loadAgendaTemplate } from "./agenda-template.ts";
import { ensureInvitable, type ParticipantInput } from "./ensure-invitable.ts";

export interface CreateConferenceInput {
  title: string;
  scheduledAt: string;
  participants: ParticipantInput[];
  location?: string;
  videoLink?: string;
  durationMinutes?: number;
  /** The conference whose Wiedervorlage this is. */
  followsConferenceId?: string;
}

/** A new conference of a case, with the Kreis's agenda template and its invited agencies. */
export async function createConference(
  db: Executor,
  creator: { userId: string },
  caseId: string,
  input: CreateConferenceInput,
): Promise<ConferenceRow> {
  return db.transaction(async (tx) => {
    await ensureInvitable(tx, caseId, input.participants);
    const [conference] = await tx
      .insert(schema.conferences)
      .values({
        caseId,
        title: input.title,
        scheduledAt: new Date(input.scheduledAt),
        createdBy: creator.userId,
        ...(input.location !== undefined ? { location: input.location } : {}),
        ...(input.videoLink !== undefined ? { videoLink: input.videoLink } : {}),
        ...(input.durationMinutes !== undefined ? { durationMinutes: input.durationMinutes } : {}),
        ...(input.followsConferenceId ? { followsConferenceId: input.followsConferenceId } : {}),
      })
      .returning();
    if (!conference) throw new Error("conference insert returned nothing");
    const template = await loadAgendaTemplate(tx);
    await tx.insert(schema.agendaItems).values(agendaRowsFor(conference.id, template.items));
    if (input.participants.length > 0) {
      await tx.insert(schema.conferenceParticipants).values(
        input.participants.map((participant) => ({
          conferenceId: conference.id,
          agencyId: participant.agencyId,
          role: participant.role,
        })),
      );
    }
    return conference;
  });
}

/** The days of a series in the Kreis's time: the first as given, then every N weeks. */
export function seriesInstants(
  first: Date,
  series: { everyWeeks: number; count: number } | undefined,
): Date[] {
  if (!series) return [first];
  const { day, hour, minute } = berlinClock(first);
  return Array.from({ length: series.count }, (_, index) =>
    berlinInstant(addDays(day, index * 7 * series.everyWeeks), hour, minute),
  );
}
