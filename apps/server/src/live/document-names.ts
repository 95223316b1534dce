import { isUuid } from "../lib/uuid.ts";

/*
 * Live documents share one update log, named by text. A conference document is named
 * by the conference's id (as it always was); a working-group meeting's document by a
 * prefix and the meeting's id, so the two kinds can never be taken for each other.
 */

const MEETING_PREFIX = "working-group-meeting:";

export type LiveDocument =
  | { kind: "conference"; conferenceId: string }
  | { kind: "working_group_meeting"; meetingId: string };

export const meetingDocumentName = (meetingId: string): string => `${MEETING_PREFIX}${meetingId}`;

/** What a document name stands for, or null for a name no document can have. */
export function parseLiveDocumentName(name: string): LiveDocument | null {
  if (isUuid(name)) return { kind: "conference", conferenceId: name };
  if (name.startsWith(MEETING_PREFIX)) {
    const meetingId = name.slice(MEETING_PREFIX.length);
    if (isUuid(meetingId)) return { kind: "working_group_meeting", meetingId };
  }
  return null;
}

export const isConferenceDocument = (name: string): boolean =>
  parseLiveDocumentName(name)?.kind === "conference";
