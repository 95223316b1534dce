import type { TReferral } from "@runder-tisch/contracts";
import { useTranslation } from "react-i18next";
import { formatDateTime, formatDay } from "../../components/format.ts";

const STATUS_BADGE: Record<TReferral["status"], string> = {
  pending: "badge badge-open",
  accepted: "badge badge-done",
  declined: "badge badge-cancelled",
  withdrawn: "badge badge-cancelled",
};

function BasisLine({ basis }: { basis: NonNullable<TReferral["basis"]> }) {
  const { t } = useTranslation();
  const legal = basis.legalBasis;
  const why =
    legal.kind === "consent"
      ? `${t("sharing.consentGiven", {
          form: t(`consentForm.${legal.form}`),
          date: formatDay(legal.givenOn),
        })} (${legal.textVersion})`
      : t("sharing.statute", { norm: legal.norm });
  return (
    <>
      <p>
        {t("sharing.purpose")}: {basis.purpose}
      </p>
      <p className="muted">
        {why} · {basis.categories.map((category) => t(`dataCategory.${category}`)).join(", ")}
        {legal.validUntil
          ? ` · ${t("sharing.validUntil", { date: formatDay(legal.validUntil) })}`
          : ""}
      </p>
    </>
  );
}

/**
 * One request as both agencies see it: what is asked, by whom, under which basis, and
 * what became of it. It shows only what the request carries, never the case itself.
 */
export function ReferralSummary({ referral }: { referral: TReferral }) {
  const { t } = useTranslation();
  return (
    <>
      <p className="basis-agency">
        <strong>
          {t(`referrals.kindLabel.${referral.kind}`)}:{" "}
          {t("referrals.fromTo", { from: referral.fromAgency.name, to: referral.toAgency.name })}
        </strong>{" "}
        <span className={STATUS_BADGE[referral.status]}>
          {t(`referrals.status.${referral.status}`)}
        </span>
      </p>
      {referral.basis ? (
        <BasisLine basis={referral.basis} />
      ) : (
        <p className="muted">{t("referrals.noBasis")}</p>
      )}
      {referral.message ? (
        <p>{t("referrals.messageShown", { message: referral.message })}</p>
      ) : null}
      <p className="muted">
        {t("referrals.askedBy", {
          name: referral.requestedBy.displayName,
          date: formatDateTime(referral.createdAt),
        })}
        {referral.decidedBy && referral.decidedAt
          ? ` · ${t("referrals.decidedBy", {
              name: referral.decidedBy.displayName,
              date: formatDateTime(referral.decidedAt),
            })}`
          : ""}
      </p>
      {referral.declineReason ? (
        <p>{t("referrals.declineReason", { reason: referral.declineReason })}</p>
      ) : null}
    </>
  );
}
