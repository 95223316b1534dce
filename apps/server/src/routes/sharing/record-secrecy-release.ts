import type { ZCreateSecrecyReleaseRequest } from "@runder-tisch/contracts";
import { type Executor, schema } from "@runder-tisch/db";
import type { z } from "zod";
import type { Actor } from "../../policies/actor.ts";
import type { CaseRow } from "../../policies/case-access.ts";
import { checkConsentDates, requireReceivingAgency } from "./check-sharing-input.ts";

export type RecordSecrecyReleaseInput = z.output<typeof ZCreateSecrecyReleaseRequest>;

/**
 * Records a release from professional secrecy for one agency's staff. It grants
 * no access of its own: seeing the case still takes a sharing basis.
 */
export async function recordSecrecyRelease(
  db: Executor,
  caseRow: CaseRow,
  actor: Actor,
  input: RecordSecrecyReleaseInput,
  today: string,
): Promise<string> {
  checkConsentDates(input, "", today);
  return db.transaction(async (tx) => {
    await requireReceivingAgency(tx, caseRow, input.agencyId);
    const [created] = await tx
      .insert(schema.secrecyReleases)
      .values({
        caseId: caseRow.id,
        agencyId: input.agencyId,
        form: input.form,
        givenOn: input.givenOn,
        scope: input.scope,
        validUntil: input.validUntil,
        recordedBy: actor.userId,
      })
      .returning({ id: schema.secrecyReleases.id });
    if (!created) throw new Error("secrecy release insert returned nothing");
    return created.id;
  });
}
