import { type Executor, schema } from "@runder-tisch/db";
import { eq } from "drizzle-orm";
import { conflict, fieldRefused, forbidden, notFound, unprocessable } from "../../errors.ts";
import { canManageCase, findAccessibleCase } from "../../policies/case-access.ts";
import { conferenceRoleOf } from "../../policies/conference-rules.ts";

export interface ActionOrigin {
  /** Where the action arose; the case then follows from the conference. */
  conferenceId?: string | null;
  /** Required without a conference; with one it must be the conference's case. */
  caseId?: string;
}

/**
 * Who may add actions: at a conference the owning agency and invited editors
 * (observers only read); outside a conference only the owning agency. Someone
 * who cannot see the conference or case gets "not found", as everywhere.
 */
export async function authorizeActionCreation(
  db: Executor,
  agencyId: string,
  origin: ActionOrigin,
): Promise<{ caseId: string; conferenceId: string | null }> {
  if (origin.conferenceId) {
    const [conference] = await db
      .select({
        id: schema.conferences.id,
        caseId: schema.conferences.caseId,
        status: schema.conferences.status,
      })
      .from(schema.conferences)
      .where(eq(schema.conferences.id, origin.conferenceId));
    if (!conference) throw notFound("Conference");
    const found = await findAccessibleCase(db, agencyId, conference.caseId);
    const participants = found
      ? await db
          .select({
            agencyId: schema.conferenceParticipants.agencyId,
            role: schema.conferenceParticipants.role,
          })
          .from(schema.conferenceParticipants)
          .where(eq(schema.conferenceParticipants.conferenceId, conference.id))
      : [];
    const { visible, role } = conferenceRoleOf(agencyId, found?.access ?? null, participants);
    if (!visible) throw notFound("Conference");
    if (role !== "editor")
      throw forbidden("observer_cannot_add_action", "Observers of a conference do not add actions");
    if (conference.status === "finalised") {
      throw conflict(
        "conference_finalised",
        "The conference is finalised; add the action to the next one",
      );
    }
    if (conference.status === "cancelled") {
      throw conflict(
        "conference_cancelled",
        "The conference was cancelled; add the action to another one",
      );
    }
    if (origin.caseId && origin.caseId !== conference.caseId) {
      throw fieldRefused(
        "conferenceId",
        "conference_of_other_case",
        "The conference belongs to another case",
      );
    }
    return { caseId: conference.caseId, conferenceId: conference.id };
  }
  if (!origin.caseId) {
    throw unprocessable("case_or_conference_required", "An action needs a case or a conference");
  }
  const found = await findAccessibleCase(db, agencyId, origin.caseId);
  if (!found) throw notFound("Case");
  if (!canManageCase(found.access)) {
    throw forbidden("owner_only", "Only the owning agency adds actions outside a conference");
  }
  return { caseId: origin.caseId, conferenceId: null };
}
