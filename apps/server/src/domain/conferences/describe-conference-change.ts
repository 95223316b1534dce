import type { TConferenceStatus } from "@runder-tisch/contracts";
import type { DomainEvent } from "../../events/domain-events.ts";

/**
 * The announcement that a conference changed, for everyone who should refresh:
 * the owning agency and the agencies invited now. Publish it after commit.
 */
export function describeConferenceChange(
  conference: { id: string; caseId: string; status: TConferenceStatus },
  agencies: { ownerAgencyId: string; participantAgencyIds: readonly string[] },
  actorUserId: string,
): DomainEvent {
  return {
    kind: "conference.changed",
    conferenceId: conference.id,
    caseId: conference.caseId,
    status: conference.status,
    participantAgencyIds: [...new Set([agencies.ownerAgencyId, ...agencies.participantAgencyIds])],
    actorUserId,
  };
}
