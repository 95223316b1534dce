import { schema } from "@runder-tisch/db";
import { eq } from "drizzle-orm";
import type { FastifyRequest } from "fastify";
import { notFound } from "../errors.ts";
import type { Actor } from "../policies/actor.ts";
import { type ConferenceAccess, findAccessibleConference } from "../policies/conference-access.ts";
import { requireActor } from "../sessions/request-session.ts";
import { refuse } from "./record-denial.ts";

export interface MinutesContext extends ConferenceAccess {
  actor: Actor;
  minutes: schema.MinutesVersionRow;
}

/**
 * Minutes are visible to every agency that can see their conference. A version
 * the agency may not see answers exactly like one that does not exist, and the
 * attempt is audited.
 */
export async function requireMinutesAccess(
  request: FastifyRequest,
  minutesId: string,
): Promise<MinutesContext> {
  const actor = requireActor(request);
  const db = request.server.db;
  const [minutes] = await db
    .select()
    .from(schema.minutesVersions)
    .where(eq(schema.minutesVersions.id, minutesId));
  const found = minutes
    ? await findAccessibleConference(db, actor.agencyId, minutes.conferenceId)
    : null;
  if (!minutes || !found) {
    const target = {
      targetType: "minutes",
      targetId: minutesId,
      caseId: minutes && found ? minutes.caseId : null,
    } as const;
    throw await refuse(request, target, notFound("Minutes"));
  }
  return { actor, minutes, ...found };
}
