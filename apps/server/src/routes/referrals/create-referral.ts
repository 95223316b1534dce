import type { ZCreateReferralRequest } from "@runder-tisch/contracts";
import { type Executor, schema } from "@runder-tisch/db";
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import {
  coordinatorsOf,
  createNotifications,
} from "../../domain/notifications/create-notifications.ts";
import { conflict, fieldRefused } from "../../errors.ts";
import type { Actor } from "../../policies/actor.ts";
import { type CaseRow, findAccessibleCase } from "../../policies/case-access.ts";
import { checkConsentDates, requireReceivingAgency } from "../sharing/check-sharing-input.ts";
import { basisColumns } from "./referral-basis.ts";

export type CreateReferralInput = z.output<typeof ZCreateReferralRequest>;
/**
 * Asks another agency to join or take over the case and tells its coordinators. Refuses
 * an agency that cannot receive data, one that already sees the case (for a share), and
 * a second open question to the same agency.
 */
export async function createReferral(
  db: Executor,
  caseRow: CaseRow,
  actor: Actor,
  input: CreateReferralInput,
  today: string,
): Promise<{ id: string; notified: string[] }> {
  const legalBasis = input.basis?.legalBasis;
  if (legalBasis?.kind === "consent") checkConsentDates(legalBasis, "/basis/legalBasis", today);
  return db.transaction(async (tx) => {
    // One referral at a time per case, so two requests cannot both pass the checks below.
    await tx
      .select({ id: schema.cases.id })
      .from(schema.cases)
      .where(eq(schema.cases.id, caseRow.id))
      .for("update");
    await requireReceivingAgency(tx, caseRow, input.agencyId);
    if (input.kind === "share" && (await findAccessibleCase(tx, input.agencyId, caseRow.id))) {
      throw fieldRefused(
        "agencyId",
        "agency_already_has_access",
        "This agency already sees the case through an active sharing basis",
      );
    }
    const r = schema.referrals;
    const [open] = await tx
      .select({ id: r.id })
      .from(r)
      .where(
        and(eq(r.caseId, caseRow.id), eq(r.toAgencyId, input.agencyId), eq(r.status, "pending")),
      );
    if (open) {
      throw conflict(
        "referral_already_pending",
        "This agency has not yet answered an earlier request for this case",
      );
    }
    const [created] = await tx
      .insert(r)
      .values({
        caseId: caseRow.id,
        kind: input.kind,
        fromAgencyId: caseRow.ownerAgencyId,
        toAgencyId: input.agencyId,
        ...basisColumns(input.basis),
        message: input.message,
        requestedBy: actor.userId,
      })
      .returning({ id: r.id });
    if (!created) throw new Error("referral insert returned nothing");
    const notified = await createNotifications(tx, {
      kind: "referral_requested",
      caseId: caseRow.id,
      recipientIds: await coordinatorsOf(tx, input.agencyId),
      actorUserId: actor.userId,
      dedupeKey: `referral_requested:${created.id}`,
    });
    return { id: created.id, notified };
  });
}
