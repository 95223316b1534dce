import {
  getNotes,
  readActions,
  readAgenda,
  readDecisions,
  readGoals,
} from "@runder-tisch/conference-doc";
import type { TCaseExport } from "@runder-tisch/contracts";
import { type Executor, schema } from "@runder-tisch/db";
import { asc, eq, inArray } from "drizzle-orm";
import * as Y from "yjs";
import { listAttendance } from "../../domain/conferences/attendance.ts";
import { loadMentionNames } from "../../domain/minutes/mention-names.ts";
import { notesToMarkdown } from "../../domain/minutes/notes-to-markdown.ts";
import type { AgencyNames } from "./agency-names.ts";

/** Conferences with invitations, agenda and the live document as it is stored. */
export async function exportConferences(
  db: Executor,
  caseId: string,
  encodeState: (conferenceId: string) => Promise<Uint8Array>,
  names: AgencyNames,
): Promise<TCaseExport["conferences"]> {
  const conferences = await db
    .select()
    .from(schema.conferences)
    .where(eq(schema.conferences.caseId, caseId))
    .orderBy(asc(schema.conferences.scheduledAt));
  const ids = conferences.map((conference) => conference.id);
  if (ids.length === 0) return [];
  const [participants, agenda, updates, snapshots, obstacles] = await Promise.all([
    db
      .select()
      .from(schema.conferenceParticipants)
      .where(inArray(schema.conferenceParticipants.conferenceId, ids)),
    db
      .select()
      .from(schema.agendaItems)
      .where(inArray(schema.agendaItems.conferenceId, ids))
      .orderBy(asc(schema.agendaItems.position)),
    db
      .select({
        documentId: schema.documentUpdates.documentId,
        seq: schema.documentUpdates.seq,
        at: schema.documentUpdates.at,
        size: schema.documentUpdates.size,
        agencyId: schema.documentUpdates.agencyId,
        userId: schema.documentUpdates.userId,
      })
      .from(schema.documentUpdates)
      .where(inArray(schema.documentUpdates.documentId, ids))
      .orderBy(asc(schema.documentUpdates.seq)),
    db
      .select({ documentId: schema.documentSnapshots.documentId })
      .from(schema.documentSnapshots)
      .where(inArray(schema.documentSnapshots.documentId, ids)),
    db
      .select()
      .from(schema.conferenceObstacles)
      .where(inArray(schema.conferenceObstacles.conferenceId, ids))
      .orderBy(asc(schema.conferenceObstacles.finalisedAt)),
  ]);
  const sections: TCaseExport["conferences"] = [];
  for (const conference of conferences) {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, await encodeState(conference.id));
    const notes = getNotes(doc);
    const mentionNames = await loadMentionNames(db, notes);
    sections.push({
      id: conference.id,
      title: conference.title,
      scheduledAt: conference.scheduledAt.toISOString(),
      status: conference.status,
      startedAt: conference.startedAt?.toISOString() ?? null,
      concludedAt: conference.concludedAt?.toISOString() ?? null,
      finalisedAt: conference.finalisedAt?.toISOString() ?? null,
      location: conference.location,
      videoLink: conference.videoLink,
      durationMinutes: conference.durationMinutes,
      followsConferenceId: conference.followsConferenceId,
      attendance: await listAttendance(db, conference.id),
      participants: participants
        .filter((row) => row.conferenceId === conference.id)
        .map((row) => ({ agency: names.ref(row.agencyId), role: row.role })),
      agenda: agenda
        .filter((row) => row.conferenceId === conference.id)
        .map((row) => ({ position: row.position, kind: row.kind, title: row.title })),
      obstacles: obstacles
        .filter((row) => row.conferenceId === conference.id)
        .map((row) => ({
          theme: row.theme,
          description: row.description,
          proposedFix: row.proposedFix,
          finalisedAt: row.finalisedAt.toISOString(),
        })),
      document: {
        notes: notesToMarkdown(notes, mentionNames),
        agenda: readAgenda(doc).map((item) => item.title),
        goals: readGoals(doc).map((item) => item.text),
        decisions: readDecisions(doc).map((item) => item.text),
        actions: readActions(doc).flatMap((result) =>
          result.ok
            ? [
                {
                  id: result.action.id,
                  title: result.action.title,
                  description: result.action.description,
                },
              ]
            : [],
        ),
        snapshots: snapshots.filter((row) => row.documentId === conference.id).length,
        updates: updates
          .filter((row) => row.documentId === conference.id)
          .map((row) => ({
            seq: row.seq,
            at: row.at.toISOString(),
            size: row.size,
            agencyId: row.agencyId,
            userId: row.userId,
          })),
      },
    });
    doc.destroy();
  }
  return sections;
}
