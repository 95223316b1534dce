import type { TConference } from "@runder-tisch/contracts";
import type { Executor } from "@runder-tisch/db";
import type { DomainEvent } from "../../events/domain-events.ts";
import type { CaseAccess, CaseRow } from "../../policies/case-access.ts";
import type { ConferenceParticipant, ConferenceRow } from "../../policies/conference-access.ts";
import { conferenceRoleOf } from "../../policies/conference-rules.ts";
import { presentConference } from "./conference-presenter.ts";
import { loadConferenceDetails } from "./load-conference-details.ts";

/** Presents one conference for the reading agency, loading what the row alone lacks. */
export async function respondWithConference(
  db: Executor,
  reader: { agencyId: string; access: CaseAccess },
  conference: ConferenceRow,
  caseRow: CaseRow,
  knownParticipants?: ConferenceParticipant[],
): Promise<TConference> {
  const details = (await loadConferenceDetails(db, [conference.id])).get(conference.id);
  const participants = knownParticipants ?? details?.participants ?? [];
  const { role } = conferenceRoleOf(reader.agencyId, reader.access, participants);
  return presentConference({
    conference,
    caseCode: caseRow.code,
    participants,
    agenda: details?.agenda ?? [],
    isOwner: reader.access.isOwner,
    role,
  });
}

/** Everyone who should refresh: the owning agency and the agencies invited now. */
export function conferenceChanged(
  presented: TConference,
  ownerAgencyId: string,
  actorUserId: string,
): DomainEvent {
  const agencyIds = new Set([ownerAgencyId, ...presented.participants.map((p) => p.agency.id)]);
  return {
    kind: "conference.changed",
    conferenceId: presented.id,
    caseId: presented.caseId,
    status: presented.status,
    participantAgencyIds: [...agencyIds],
    actorUserId,
  };
}
