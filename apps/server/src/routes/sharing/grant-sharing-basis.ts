import type { ZCreateSharingBasisRequest } from "@runder-tisch/contracts";
import { type Executor, schema } from "@runder-tisch/db";
import type { z } from "zod";
import type { Actor } from "../../policies/actor.ts";
import type { CaseRow } from "../../policies/case-access.ts";
import { checkConsentDates, requireReceivingAgency } from "./check-sharing-input.ts";

export type GrantSharingBasisInput = z.output<typeof ZCreateSharingBasisRequest>;

/**
 * Records that an agency may receive the case (from consent or a statute); returns the new id.
 * `actor` is who recorded it: for an accepted referral, the person who asked.
 */
export async function grantSharingBasis(
  db: Executor,
  caseRow: Pick<CaseRow, "id" | "ownerAgencyId">,
  actor: Pick<Actor, "userId">,
  input: GrantSharingBasisInput,
  today: string,
): Promise<string> {
  const { legalBasis } = input;
  if (legalBasis.kind === "consent") checkConsentDates(legalBasis, "/legalBasis", today);
  return db.transaction(async (tx) => {
    await requireReceivingAgency(tx, caseRow, input.agencyId);
    const consent = legalBasis.kind === "consent" ? legalBasis : null;
    const [created] = await tx
      .insert(schema.sharingBases)
      .values({
        caseId: caseRow.id,
        agencyId: input.agencyId,
        purpose: input.purpose,
        categories: input.categories,
        legalBasis: legalBasis.kind,
        consentForm: consent?.form ?? null,
        consentGivenOn: consent?.givenOn ?? null,
        consentTextVersion: consent?.textVersion ?? null,
        statuteNorm: legalBasis.kind === "statute" ? legalBasis.norm : null,
        validUntil: legalBasis.validUntil,
        recordedBy: actor.userId,
      })
      .returning({ id: schema.sharingBases.id });
    if (!created) throw new Error("sharing basis insert returned nothing");
    return created.id;
  });
}
