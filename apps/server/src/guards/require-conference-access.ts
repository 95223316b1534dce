import type { FastifyRequest } from "fastify";
import { conflict, notFound } from "../errors.ts";
import type { Actor } from "../policies/actor.ts";
import {
  type ConferenceAccess,
  findAccessibleConference,
  isConferenceCancelled,
  isConferenceLocked,
} from "../policies/conference-access.ts";
import { canManageConference } from "../policies/conference-rules.ts";
import { requireActor } from "../sessions/request-session.ts";
import { refuse } from "./record-denial.ts";

export interface ConferenceContext extends ConferenceAccess {
  actor: Actor;
}

export interface ConferenceAccessOptions {
  /** Only the agency that owns the case (and so manages the conference) may go on. */
  ownerOnly?: boolean;
  /** The request changes the conference: a finalised or cancelled one answers 409. */
  editable?: boolean;
}

/**
 * The guard every conference-scoped route starts with. A conference the agency
 * may not see (not invited, basis revoked or expired) answers exactly like one
 * that does not exist, and the attempt is audited.
 */
export async function requireConferenceAccess(
  request: FastifyRequest,
  conferenceId: string,
  options: ConferenceAccessOptions = {},
): Promise<ConferenceContext> {
  const actor = requireActor(request);
  const found = await findAccessibleConference(request.server.db, actor.agencyId, conferenceId);
  if (!found || (options.ownerOnly && !canManageConference(found.access))) {
    const target = {
      targetType: "conference",
      targetId: conferenceId,
      caseId: found ? found.caseRow.id : null,
    } as const;
    throw await refuse(request, target, notFound("Conference"));
  }
  if (options.editable && isConferenceLocked(found.conference)) {
    throw conflict(
      "conference_finalised",
      "The conference is finalised and can no longer be changed",
    );
  }
  if (options.editable && isConferenceCancelled(found.conference)) {
    throw cancelledConflict();
  }
  return { actor, ...found };
}

export const cancelledConflict = () =>
  conflict("conference_cancelled", "The conference was cancelled and can no longer be changed");
