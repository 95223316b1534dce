import type { TConference } from "@runder-tisch/contracts";
import type { schema } from "@runder-tisch/db";
import type { ConferenceParticipant, ConferenceRow } from "../../policies/conference-access.ts";

export type AgendaItemRow = schema.AgendaItemRow;

export interface ConferenceView {
  conference: ConferenceRow;
  caseCode: string;
  participants: readonly ConferenceParticipant[];
  agenda: readonly AgendaItemRow[];
  isOwner: boolean;
  role: TConference["myRole"];
}

/** What of a conference leaves the server: agency names only, never who created it or other rows. */
export function presentConference(view: ConferenceView): TConference {
  const { conference } = view;
  return {
    id: conference.id,
    caseId: conference.caseId,
    caseCode: view.caseCode,
    title: conference.title,
    scheduledAt: conference.scheduledAt.toISOString(),
    status: conference.status,
    participants: view.participants.map((participant) => ({
      agency: { id: participant.agencyId, name: participant.agencyName },
      role: participant.role,
      hasAccess: participant.hasAccess ?? true,
    })),
    agenda: view.agenda.map((item) => ({
      id: item.id,
      position: item.position,
      kind: item.kind,
      title: item.title,
    })),
    createdAt: conference.createdAt.toISOString(),
    startedAt: conference.startedAt?.toISOString() ?? null,
    concludedAt: conference.concludedAt?.toISOString() ?? null,
    finalisedAt: conference.finalisedAt?.toISOString() ?? null,
    location: conference.location,
    videoLink: conference.videoLink,
    durationMinutes: conference.durationMinutes,
    followsConferenceId: conference.followsConferenceId,
    myRole: view.role,
    isOwner: view.isOwner,
  };
}
