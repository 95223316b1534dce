import type { TConference } from "@runder-tisch/contracts";
import type { Executor } from "@runder-tisch/db";
import { describeConferenceChange } from "../../domain/conferences/describe-conference-change.ts";
import type { CaseAccess, CaseRow } from "../../policies/case-access.ts";
import type { ConferenceParticipant, ConferenceRow } from "../../policies/conference-access.ts";
import { conferenceRoleOf } from "../../policies/conference-rules.ts";
import { loadConferenceDetails } from "./load-conference-details.ts";
import { presentConference } from "./present-conference.ts";

/** Presents one conference for the reading agency, loading what the row alone lacks. */
export async function loadConferenceView(
  db: Executor,
  reader: { agencyId: string; access: CaseAccess },
  conference: ConferenceRow,
  caseRow: CaseRow,
  knownParticipants?: ConferenceParticipant[],
): Promise<TConference> {
  const details = (await loadConferenceDetails(db, [conference.id])).get(conference.id);
  const participants = details?.participants ?? knownParticipants ?? [];
  const { role } = conferenceRoleOf(
    reader.agencyId,
    reader.access,
    knownParticipants ?? participants,
  );
  return presentConference({
    conference,
    caseCode: caseRow.code,
    participants,
    agenda: details?.agenda ?? [],
    isOwner: reader.access.isOwner,
    role,
  });
}

/** The change announcement for a conference as the owner now sees it. */
export const viewChanged = (view: TConference, ownerAgencyId: string, actorUserId: string) =>
  describeConferenceChange(
    view,
    { ownerAgencyId, participantAgencyIds: view.participants.map((p) => p.agency.id) },
    actorUserId,
  );
