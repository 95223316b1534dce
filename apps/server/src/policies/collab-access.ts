import type { TParticipantRole } from "@runder-tisch/contracts";
import type { CaseAccess } from "./case-access.ts";
import { conferenceRoleOf } from "./conference-rules.ts";

/**
 * The role a connection to a conference document gets, or null to refuse it.
 * Same rule as the REST API (the agency must see the case and be invited, or
 * own it); a finalised conference is read-only for everyone.
 */
export function collabRoleFor(
  agencyId: string,
  conference: { status: string },
  access: CaseAccess | null,
  participants: readonly { agencyId: string; role: string }[],
): TParticipantRole | null {
  const { visible, role } = conferenceRoleOf(agencyId, access, participants);
  if (!visible || !role) return null;
  return conference.status === "finalised" ? "observer" : role;
}
