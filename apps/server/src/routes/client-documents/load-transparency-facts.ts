import { type Executor, schema } from "@runder-tisch/db";
import { asc, eq } from "drizzle-orm";
import type { TransparencyFacts } from "../../domain/client-documents/build-transparency-sheet.ts";
import { todayInBerlin } from "../../lib/time.ts";
import type { CaseRow } from "../../policies/case-access.ts";
import { isBasisActive } from "../../policies/case-access.ts";

/**
 * The bases in force today (the same rule that lets an agency see the case),
 * with the agency's name; revoked and expired ones are no longer a reason to
 * see the case, so the sheet leaves them out.
 */
export async function loadTransparencyFacts(
  db: Executor,
  caseRow: CaseRow,
  today: string = todayInBerlin(),
): Promise<TransparencyFacts> {
  const bases = await db
    .select({
      agencyName: schema.agencies.name,
      kind: schema.sharingBases.legalBasis,
      consentGivenOn: schema.sharingBases.consentGivenOn,
      statuteNorm: schema.sharingBases.statuteNorm,
      purpose: schema.sharingBases.purpose,
      validUntil: schema.sharingBases.validUntil,
      revokedAt: schema.sharingBases.revokedAt,
    })
    .from(schema.sharingBases)
    .innerJoin(schema.agencies, eq(schema.agencies.id, schema.sharingBases.agencyId))
    .where(eq(schema.sharingBases.caseId, caseRow.id))
    .orderBy(asc(schema.agencies.name), asc(schema.sharingBases.createdAt));
  const [owner] = await db
    .select({ name: schema.agencies.name })
    .from(schema.agencies)
    .where(eq(schema.agencies.id, caseRow.ownerAgencyId));
  return {
    caseCode: caseRow.code,
    ownerAgency: owner?.name ?? "",
    bases: bases
      .filter((basis) => isBasisActive(basis, today))
      .map(({ revokedAt: _revoked, ...basis }) => basis),
  };
}
