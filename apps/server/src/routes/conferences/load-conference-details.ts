import { type Executor, schema } from "@runder-tisch/db";
import { asc, eq, inArray, sql } from "drizzle-orm";
import { agencyInColumnSeesCase } from "../../policies/case-access.ts";
import type { ConferenceParticipant } from "../../policies/conference-access.ts";
import type { AgendaItemRow } from "./present-conference.ts";

export interface ConferenceDetails {
  participants: ConferenceParticipant[];
  agenda: AgendaItemRow[];
}

/** Participants and agenda of many conferences in two queries, keyed by conference id. */
export async function loadConferenceDetails(
  db: Executor,
  conferenceIds: readonly string[],
): Promise<Map<string, ConferenceDetails>> {
  const details = new Map<string, ConferenceDetails>(
    conferenceIds.map((id) => [id, { participants: [], agenda: [] }]),
  );
  if (conferenceIds.length === 0) return details;
  // Sequential on purpose: `db` may be a transaction, which runs one query at a time.
  const participants = await db
    .select({
      conferenceId: schema.conferenceParticipants.conferenceId,
      agencyId: schema.conferenceParticipants.agencyId,
      agencyName: schema.agencies.name,
      role: schema.conferenceParticipants.role,
      // An invited agency whose basis was revoked or ran out stays listed, marked.
      hasAccess:
        sql<boolean>`${agencyInColumnSeesCase(schema.conferenceParticipants.agencyId)}`.mapWith(
          Boolean,
        ),
    })
    .from(schema.conferenceParticipants)
    .innerJoin(schema.agencies, eq(schema.agencies.id, schema.conferenceParticipants.agencyId))
    .innerJoin(
      schema.conferences,
      eq(schema.conferences.id, schema.conferenceParticipants.conferenceId),
    )
    .innerJoin(schema.cases, eq(schema.cases.id, schema.conferences.caseId))
    .where(inArray(schema.conferenceParticipants.conferenceId, [...conferenceIds]))
    .orderBy(asc(schema.agencies.name));
  const agenda = await db
    .select()
    .from(schema.agendaItems)
    .where(inArray(schema.agendaItems.conferenceId, [...conferenceIds]))
    .orderBy(asc(schema.agendaItems.position));
  for (const { conferenceId, ...participant } of participants) {
    details.get(conferenceId)?.participants.push({
      ...participant,
      role: participant.role,
    });
  }
  for (const item of agenda) details.get(item.conferenceId)?.agenda.push(item);
  return details;
}
