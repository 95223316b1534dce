import type { ZReferralBasis } from "@runder-tisch/contracts";
import type { schema } from "@runder-tisch/db";
import type { z } from "zod";

export type ReferralBasis = z.output<typeof ZReferralBasis>;
type ReferralRow = typeof schema.referrals.$inferSelect;

/** The sharing-basis columns of a referral, as `sharing_bases` would hold them. */
export function basisColumns(basis: ReferralBasis | null) {
  const legalBasis = basis?.legalBasis;
  const consent = legalBasis?.kind === "consent" ? legalBasis : null;
  return {
    purpose: basis?.purpose ?? null,
    categories: basis?.categories ?? null,
    legalBasis: legalBasis?.kind ?? null,
    consentForm: consent?.form ?? null,
    consentGivenOn: consent?.givenOn ?? null,
    consentTextVersion: consent?.textVersion ?? null,
    statuteNorm: legalBasis?.kind === "statute" ? legalBasis.norm : null,
    validUntil: legalBasis?.validUntil ?? null,
  };
}

/** A referral row missing a field its legal basis needs is broken data, not something to fill in. */
function required<T>(value: T | null, what: string, id: string): T {
  if (value === null) throw new Error(`referral ${id} has no ${what}`);
  return value;
}

/** The basis a referral states, back from its columns; null when it names none. */
export function basisOfReferral(referral: ReferralRow): ReferralBasis | null {
  const { legalBasis, id } = referral;
  if (legalBasis === null) return null;
  return {
    purpose: required(referral.purpose, "purpose", id),
    categories: required(referral.categories, "categories", id),
    legalBasis:
      legalBasis === "consent"
        ? {
            kind: "consent",
            form: required(referral.consentForm, "consent form", id),
            givenOn: required(referral.consentGivenOn, "consent date", id),
            textVersion: required(referral.consentTextVersion, "consent text version", id),
            validUntil: referral.validUntil,
          }
        : {
            kind: "statute",
            norm: required(referral.statuteNorm, "statute norm", id),
            validUntil: referral.validUntil,
          },
  };
}
