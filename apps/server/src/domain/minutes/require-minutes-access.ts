import { schema } from "@runder-tisch/db";
import { eq } from "drizzle-orm";
import type { FastifyRequest } from "fastify";
import { notFound } from "../../errors.ts";
import { requireActor } from "../../plugins/authentication.ts";
import type { Actor } from "../../policies/actor.ts";
import {
  type ConferenceAccess,
  findAccessibleConference,
} from "../../policies/conference-access.ts";

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
    await request.audit({
      action: "denied",
      targetType: "minutes",
      targetId: minutesId,
      caseId: minutes ? minutes.caseId : null,
      detail: { route: request.routeOptions.url ?? request.url, method: request.method },
    });
    throw notFound("Minutes");
  }
  return { actor, minutes, ...found };
}
