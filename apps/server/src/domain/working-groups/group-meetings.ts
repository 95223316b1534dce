import { getNotes } from "@runder-tisch/conference-doc";
import type {
  TCreateWorkingGroupMeetingRequest,
  TWorkingGroupMeeting,
} from "@runder-tisch/contracts";
import { type Executor, schema } from "@runder-tisch/db";
import { and, asc, eq } from "drizzle-orm";
import * as Y from "yjs";
import type { CollabServer } from "../../collab/index.ts";
import { invalidTransition, notFound } from "../../errors.ts";
import { guardPublishedTexts } from "../../guards/guard-published-text.ts";
import { meetingDocumentName } from "../../live/document-names.ts";
import { notesToMarkdown } from "../minutes/notes-to-markdown.ts";

const meetings = schema.workingGroupMeetings;

export const presentMeeting = (row: schema.WorkingGroupMeetingRow): TWorkingGroupMeeting => ({
  id: row.id,
  workingGroupId: row.workingGroupId,
  title: row.title,
  startsAt: row.startsAt.toISOString(),
  state: row.state,
  closedAt: row.closedAt?.toISOString() ?? null,
  notes: row.notes,
});

export async function listGroupMeetings(
  db: Executor,
  workingGroupId: string,
): Promise<TWorkingGroupMeeting[]> {
  const rows = await db
    .select()
    .from(meetings)
    .where(eq(meetings.workingGroupId, workingGroupId))
    .orderBy(asc(meetings.startsAt), asc(meetings.id));
  return rows.map(presentMeeting);
}

export async function findMeetingRow(
  db: Executor,
  meetingId: string,
): Promise<schema.WorkingGroupMeetingRow | null> {
  const [row] = await db.select().from(meetings).where(eq(meetings.id, meetingId));
  return row ?? null;
}

export async function createGroupMeeting(
  db: Executor,
  workingGroupId: string,
  input: TCreateWorkingGroupMeetingRequest,
  userId: string,
): Promise<schema.WorkingGroupMeetingRow> {
  const [row] = await db
    .insert(meetings)
    .values({
      workingGroupId,
      title: input.title,
      startsAt: new Date(input.startsAt),
      createdBy: userId,
    })
    .returning();
  if (!row) throw new Error("planning the meeting wrote nothing");
  return row;
}

/**
 * Freezes the meeting's document, checks its notes with the personal-data guard (the
 * group's members come from several agencies, and the document must hold no client's
 * data) and keeps them as Markdown. A finding refuses the closing and gives the editors
 * their rights back, so the text can be fixed in the room.
 */
export async function closeGroupMeeting(
  deps: { collab: CollabServer; transact: <T>(write: (tx: Executor) => Promise<T>) => Promise<T> },
  meeting: schema.WorkingGroupMeetingRow,
): Promise<schema.WorkingGroupMeetingRow> {
  if (meeting.state === "closed") {
    throw invalidTransition("meeting_closed", "The meeting is closed already");
  }
  const documentName = meetingDocumentName(meeting.id);
  const frozen = (info: { documentName: string }) => info.documentName === documentName;
  deps.collab.makeReadOnly(frozen);
  try {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, await deps.collab.encodeState(documentName));
    const notes = notesToMarkdown(getNotes(doc));
    guardPublishedTexts([{ where: "notes", text: notes }], undefined);
    return await deps.transact(async (tx) => {
      const [row] = await tx
        .update(meetings)
        .set({ state: "closed", closedAt: new Date(), notes })
        .where(and(eq(meetings.id, meeting.id), eq(meetings.state, "open")))
        .returning();
      if (!row) throw notFound("Meeting");
      return row;
    });
  } catch (error) {
    deps.collab.setRole(frozen, "editor");
    throw error;
  }
}
