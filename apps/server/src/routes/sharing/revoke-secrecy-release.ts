import { type Executor, schema } from "@runder-tisch/db";
import { and, eq, isNull } from "drizzle-orm";
import { conflict, notFound } from "../../errors.ts";
import type { Actor } from "../../policies/actor.ts";
import type { CaseRow } from "../../policies/case-access.ts";

/** Revokes a release at once; a second revocation is a conflict, not a silent success. */
export async function revokeSecrecyRelease(
  db: Executor,
  caseRow: CaseRow,
  actor: Actor,
  releaseId: string,
): Promise<{ agencyId: string }> {
  const releases = schema.secrecyReleases;
  const ofThisCase = and(eq(releases.id, releaseId), eq(releases.caseId, caseRow.id));
  return db.transaction(async (tx) => {
    // The "not yet revoked" condition in the update makes racing revocations safe.
    const [revoked] = await tx
      .update(releases)
      .set({ revokedAt: new Date(), revokedBy: actor.userId })
      .where(and(ofThisCase, isNull(releases.revokedAt)))
      .returning({ agencyId: releases.agencyId });
    if (revoked) return revoked;
    const [existing] = await tx
      .select({ revokedAt: releases.revokedAt })
      .from(releases)
      .where(ofThisCase);
    if (!existing) throw notFound("Secrecy release");
    throw conflict("already_revoked", "This secrecy release has already been revoked", {
      ...(existing.revokedAt ? { revokedAt: existing.revokedAt.toISOString() } : {}),
    });
  });
}
