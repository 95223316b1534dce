import type { TParticipantRole } from "@runder-tisch/contracts";
import type { CaseAccess } from "./case-access.ts";

/**
 * A conference is visible to the case owner and to invited agencies that can
 * still see the case; `access` is null once a basis is revoked, which hides it too.
 */
export function conferenceRoleOf(
  agencyId: string,
  access: CaseAccess | null,
  participants: readonly { agencyId: string; role: TParticipantRole }[],
): { visible: boolean; role: TParticipantRole | null } {
  if (!access) return { visible: false, role: null };
  const invitation = participants.find((participant) => participant.agencyId === agencyId);
  const role = invitation?.role ?? (access.isOwner ? "editor" : null);
  return { visible: access.isOwner || invitation !== undefined, role };
}

export const canManageConference = (access: CaseAccess) => access.isOwner;
