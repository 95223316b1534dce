import { z } from "zod";
import { text, trimmedText, ZAgencyRef, ZId, ZIsoDate, ZIsoDateTime, ZUserRef } from "./common.ts";
import { ZConsentForm, ZDataCategory } from "./enums.ts";
import { TEXT_LIMITS } from "./vocabulary.ts";

const ZCategories = z
  .array(ZDataCategory)
  .min(1)
  .transform((categories) => [...new Set(categories)]);

export const ZConsentBasis = z.object({
  kind: z.literal("consent"),
  form: ZConsentForm,
  /** The day the person gave consent. */
  givenOn: ZIsoDate,
  /** Version of the consent text the person signed, e.g. `Einwilligung KIM v3`. */
  textVersion: trimmedText(100),
  validUntil: ZIsoDate.nullable().default(null),
});
export const ZStatuteBasis = z.object({
  kind: z.literal("statute"),
  /** The norm that allows the transfer, e.g. `§ 69 Abs. 1 Nr. 1 SGB X`. */
  norm: trimmedText(200),
  validUntil: ZIsoDate.nullable().default(null),
});
export const ZLegalBasis = z.discriminatedUnion("kind", [ZConsentBasis, ZStatuteBasis]);
export type TLegalBasis = z.infer<typeof ZLegalBasis>;

export const ZSharingBasis = z.object({
  id: ZId,
  caseId: ZId,
  agency: ZAgencyRef,
  purpose: z.string(),
  categories: z.array(ZDataCategory),
  legalBasis: z.discriminatedUnion("kind", [
    ZConsentBasis.extend({ recordedBy: ZUserRef }),
    ZStatuteBasis.extend({ recordedBy: ZUserRef }),
  ]),
  createdAt: ZIsoDateTime,
  revokedAt: ZIsoDateTime.nullable(),
  revokedBy: ZUserRef.nullable(),
  /** The owning agency's own note; other agencies get null. */
  revocationNote: z.string().nullable(),
  /** Active now: not revoked and not past its validity. */
  active: z.boolean(),
});
export type TSharingBasis = z.infer<typeof ZSharingBasis>;

export const ZSharingBasisListResponse = z.object({ sharingBases: z.array(ZSharingBasis) });
export type TSharingBasisListResponse = z.infer<typeof ZSharingBasisListResponse>;

export const ZCreateSharingBasisRequest = z.object({
  agencyId: ZId,
  purpose: trimmedText(TEXT_LIMITS.purpose),
  categories: ZCategories,
  legalBasis: ZLegalBasis,
});
export type TCreateSharingBasisRequest = z.input<typeof ZCreateSharingBasisRequest>;

export const ZRevokeRequest = z.object({
  note: text(TEXT_LIMITS.reason).optional(),
});
export type TRevokeRequest = z.infer<typeof ZRevokeRequest>;

export const ZSharingBasisParams = z.object({ id: ZId, basisId: ZId });

/**
 * Release from professional secrecy (Schweigepflichtentbindung, § 203 StGB):
 * recorded apart from consent because it frees the named agency's staff to speak,
 * while consent allows the others to receive.
 */
export const ZSecrecyRelease = z.object({
  id: ZId,
  caseId: ZId,
  agency: ZAgencyRef,
  form: ZConsentForm,
  givenOn: ZIsoDate,
  scope: z.string(),
  validUntil: ZIsoDate.nullable(),
  recordedBy: ZUserRef,
  createdAt: ZIsoDateTime,
  revokedAt: ZIsoDateTime.nullable(),
  revokedBy: ZUserRef.nullable(),
  /** Active now: not revoked and not past its validity. */
  active: z.boolean(),
});
export type TSecrecyRelease = z.infer<typeof ZSecrecyRelease>;
export const ZSecrecyReleaseListResponse = z.object({ secrecyReleases: z.array(ZSecrecyRelease) });
export type TSecrecyReleaseListResponse = z.infer<typeof ZSecrecyReleaseListResponse>;
export const ZCreateSecrecyReleaseRequest = z.object({
  agencyId: ZId,
  form: ZConsentForm,
  givenOn: ZIsoDate,
  scope: trimmedText(TEXT_LIMITS.purpose),
  validUntil: ZIsoDate.nullable().default(null),
});
export type TCreateSecrecyReleaseRequest = z.input<typeof ZCreateSecrecyReleaseRequest>;
export const ZSecrecyReleaseParams = z.object({ id: ZId, releaseId: ZId });
/**
 * Releases have no place for a revocation note yet, so the body must be empty
 * rather than a note being accepted and silently dropped.
 */
export const ZRevokeSecrecyReleaseRequest = z.strictObject({});
export type TRevokeSecrecyReleaseRequest = z.infer<typeof ZRevokeSecrecyReleaseRequest>;
