import type { TSecrecyRelease, TSharingBasis } from "@runder-tisch/contracts";
import { isBasisActive } from "../../policies/case-access.ts";
import type { SecrecyReleaseRecord, SharingBasisRecord } from "./find-sharing-records.ts";

/** A consent row without its consent fields is broken data, not something to paper over. */
function required<T>(value: T | null, what: string, id: string): T {
  if (value === null) throw new Error(`sharing record ${id} has no ${what}`);
  return value;
}

/**
 * What a reading agency learns about one sharing basis. The revocation note is
 * the owner's internal remark, so receiving agencies never get it.
 */
export function presentSharingBasis(
  record: SharingBasisRecord,
  reader: { isOwner: boolean },
  today: string,
): TSharingBasis {
  const { basis } = record;
  const legalBasis: TSharingBasis["legalBasis"] =
    basis.legalBasis === "consent"
      ? {
          kind: "consent",
          form: required(basis.consentForm, "consent form", basis.id),
          givenOn: required(basis.consentGivenOn, "consent date", basis.id),
          textVersion: required(basis.consentTextVersion, "consent text version", basis.id),
          validUntil: basis.validUntil,
          recordedBy: record.recordedBy,
        }
      : {
          kind: "statute",
          norm: required(basis.statuteNorm, "statute norm", basis.id),
          validUntil: basis.validUntil,
          recordedBy: record.recordedBy,
        };
  return {
    id: basis.id,
    caseId: basis.caseId,
    agency: record.agency,
    purpose: basis.purpose,
    categories: basis.categories,
    legalBasis,
    createdAt: basis.createdAt.toISOString(),
    revokedAt: basis.revokedAt?.toISOString() ?? null,
    revokedBy: record.revokedBy,
    revocationNote: reader.isOwner ? basis.revocationNote : null,
    active: isBasisActive(basis, today),
  };
}

export function presentSecrecyRelease(
  record: SecrecyReleaseRecord,
  today: string,
): TSecrecyRelease {
  const { release } = record;
  return {
    id: release.id,
    caseId: release.caseId,
    agency: record.agency,
    form: release.form,
    givenOn: release.givenOn,
    scope: release.scope,
    validUntil: release.validUntil,
    recordedBy: record.recordedBy,
    createdAt: release.createdAt.toISOString(),
    revokedAt: release.revokedAt?.toISOString() ?? null,
    revokedBy: record.revokedBy,
    active: isBasisActive(release, today),
  };
}
