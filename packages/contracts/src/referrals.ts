import { z } from "zod";
import {
  text,
  trimmedText,
  ZAgencyRef,
  ZCaseCode,
  ZId,
  ZIsoDateTime,
  ZNotPersonalDataReason,
  ZUserRef,
} from "./common.ts";
import { ZDataCategory } from "./enums.ts";
import { ZCreateSharingBasisRequest, ZLegalBasis } from "./sharing.ts";
import { REFERRAL_KINDS, REFERRAL_STATUSES, TEXT_LIMITS } from "./vocabulary.ts";

export const ZReferralKind = z.enum(REFERRAL_KINDS);
export type TReferralKind = z.infer<typeof ZReferralKind>;
export const ZReferralStatus = z.enum(REFERRAL_STATUSES);
export type TReferralStatus = z.infer<typeof ZReferralStatus>;

/**
 * What a sharing basis states (purpose, data categories, legal basis), checked exactly
 * as when the owner records a basis directly; recorded only when the referral is accepted.
 */
export const ZReferralBasis = ZCreateSharingBasisRequest.omit({ agencyId: true });
export type TReferralBasis = z.input<typeof ZReferralBasis>;

/** Goes to another agency, so it passes the personal-data guard like every published text. */
const ZReferralMessage = text(TEXT_LIMITS.longText).default("");

/**
 * Ask another agency to join the case (`share`: the basis it would receive) or to take
 * it over (`transfer`: the basis the asking agency keeps afterwards, or null to hand the
 * case over completely).
 */
export const ZCreateReferralRequest = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("share"),
    agencyId: ZId,
    basis: ZReferralBasis,
    message: ZReferralMessage,
    notPersonalDataReason: ZNotPersonalDataReason.optional(),
  }),
  z.object({
    kind: z.literal("transfer"),
    agencyId: ZId,
    basis: ZReferralBasis.nullable().default(null),
    message: ZReferralMessage,
    notPersonalDataReason: ZNotPersonalDataReason.optional(),
  }),
]);
export type TCreateReferralRequest = z.input<typeof ZCreateReferralRequest>;

export const ZDeclineReferralRequest = z.object({
  /** Read by the asking agency, so it passes the personal-data guard. */
  reason: trimmedText(TEXT_LIMITS.reason),
  notPersonalDataReason: ZNotPersonalDataReason.optional(),
});
export type TDeclineReferralRequest = z.input<typeof ZDeclineReferralRequest>;

/** Accepting and withdrawing carry nothing; an empty object keeps stray fields out. */
export const ZEmptyReferralRequest = z.strictObject({});

/**
 * One referral as both agencies see it. The asked agency learns only what it needs to
 * decide: the case code, why and under which basis, the message and who asks; nothing
 * of the case itself until it accepts.
 */
export const ZReferral = z.object({
  id: ZId,
  caseId: ZId,
  caseCode: ZCaseCode,
  kind: ZReferralKind,
  status: ZReferralStatus,
  fromAgency: ZAgencyRef,
  toAgency: ZAgencyRef,
  basis: z
    .object({
      purpose: z.string(),
      categories: z.array(ZDataCategory),
      legalBasis: ZLegalBasis,
    })
    .nullable(),
  message: z.string(),
  requestedBy: ZUserRef,
  createdAt: ZIsoDateTime,
  decidedBy: ZUserRef.nullable(),
  decidedAt: ZIsoDateTime.nullable(),
  declineReason: z.string().nullable(),
  /** The reader may accept or decline it now (a coordinator of the asked agency). */
  mayDecide: z.boolean(),
  /** The reader may withdraw it now (the asking agency, while it is pending). */
  mayWithdraw: z.boolean(),
});
export type TReferral = z.infer<typeof ZReferral>;

export const ZReferralListResponse = z.object({ referrals: z.array(ZReferral) });
export type TReferralListResponse = z.infer<typeof ZReferralListResponse>;
