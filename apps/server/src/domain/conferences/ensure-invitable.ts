import type { TParticipantRole } from "@runder-tisch/contracts";
import type { Executor } from "@runder-tisch/db";
import { unprocessable } from "../../errors.ts";
import { agenciesUnableToSeeCase } from "../../policies/conference-access.ts";

export interface ParticipantInput {
  agencyId: string;
  role: TParticipantRole;
}

/**
 * An invitation would show the case to the agency, so every invited agency must
 * already be able to see it (owner or active basis); the answer names the others.
 */
export async function ensureInvitable(
  db: Executor,
  caseId: string,
  participants: readonly ParticipantInput[],
): Promise<void> {
  const unable = await agenciesUnableToSeeCase(
    db,
    caseId,
    participants.map((participant) => participant.agencyId),
  );
  if (unable.length > 0) {
    throw unprocessable(
      "agencies_cannot_see_case",
      "These agencies cannot see the case and so cannot be invited",
      { agencyIds: unable },
    );
  }
}
