import { type Executor, schema } from "@runder-tisch/db";
import { and, asc, eq } from "drizzle-orm";
import { conflict, notFound } from "../../errors.ts";
import type { Actor } from "../../policies/actor.ts";
import { type CaseRow, evaluateCaseAccess } from "../../policies/case-access.ts";

export interface RevokedBasis {
  agencyId: string;
  /** The agency has lost the case with this revocation: no other active basis is left. */
  accessEnded: boolean;
}

/** Revokes a basis at once and tells whether the receiving agency still sees the case. */
export async function revokeSharingBasis(
  db: Executor,
  caseRow: CaseRow,
  actor: Actor,
  basisId: string,
  note: string | undefined,
  today: string,
): Promise<RevokedBasis> {
  const bases = schema.sharingBases;
  return db.transaction(async (tx) => {
    const [target] = await tx
      .select({ agencyId: bases.agencyId })
      .from(bases)
      .where(and(eq(bases.id, basisId), eq(bases.caseId, caseRow.id)));
    if (!target) throw notFound("Sharing basis");
    // Locking all of this agency's bases for the case serialises two revocations
    // racing each other, so exactly one of them sees the last active basis go.
    const locked = await tx
      .select({
        id: bases.id,
        agencyId: bases.agencyId,
        categories: bases.categories,
        revokedAt: bases.revokedAt,
        validUntil: bases.validUntil,
      })
      .from(bases)
      .where(and(eq(bases.caseId, caseRow.id), eq(bases.agencyId, target.agencyId)))
      .orderBy(asc(bases.id))
      .for("update");
    const current = locked.find((basis) => basis.id === basisId);
    if (!current) throw notFound("Sharing basis");
    if (current.revokedAt) {
      throw conflict("already_revoked", "This sharing basis has already been revoked", {
        revokedAt: current.revokedAt.toISOString(),
      });
    }
    const revokedAt = new Date();
    await tx
      .update(bases)
      .set({ revokedAt, revokedBy: actor.userId, revocationNote: note || null })
      .where(eq(bases.id, basisId));
    const remaining = locked.map((basis) =>
      basis.id === basisId ? { ...basis, revokedAt } : basis,
    );
    return {
      agencyId: target.agencyId,
      accessEnded: evaluateCaseAccess(target.agencyId, caseRow, remaining, today) === null,
    };
  });
}
