import type { TParticipantRole } from "@runder-tisch/contracts";
import type { Executor } from "@runder-tisch/db";
import { isUuid } from "../lib/uuid.ts";
import type { CaseAccess } from "./case-access.ts";
import { findAccessibleConference } from "./conference-access.ts";
import { conferenceRoleOf } from "./conference-rules.ts";

/**
 * The role a connection to a conference document gets, or null to refuse it.
 * Same rule as the REST API (the agency must see the case and be invited, or
 * own it); a finalised conference is read-only for everyone, and a cancelled one has no
 * room to open.
 */
export function collabRoleFor(
  agencyId: string,
  conference: { status: string },
  access: CaseAccess | null,
  participants: readonly { agencyId: string; role: TParticipantRole }[],
): TParticipantRole | null {
  const { visible, role } = conferenceRoleOf(agencyId, access, participants);
  if (!visible || !role || conference.status === "cancelled") return null;
  return conference.status === "finalised" ? "observer" : role;
}

/**
 * Loads what the rule needs for one agency and one conference document (at
 * connect, when issuing a token, and when re-checking open sockets).
 */
export async function findCollabRole(
  db: Executor,
  agencyId: string,
  conferenceId: string,
): Promise<{ role: TParticipantRole; caseId: string } | null> {
  if (!isUuid(conferenceId)) return null;
  const found = await findAccessibleConference(db, agencyId, conferenceId);
  if (!found) return null;
  const role = collabRoleFor(agencyId, found.conference, found.access, found.participants);
  return role ? { role, caseId: found.conference.caseId } : null;
}
