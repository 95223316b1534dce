import type { TCase } from "@runder-tisch/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { queryKeys } from "../../api/query-keys.ts";
import { fetchCaseReferrals, withdrawReferral } from "../../api/referrals.ts";
import { ErrorMessage } from "../../components/error-message.tsx";
import { ReferralSummary } from "../referrals/referral-summary.tsx";
import { ReferralForm } from "./referral-form.tsx";

function WithdrawButton({ caseId, referralId }: { caseId: string; referralId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const withdraw = useMutation({
    mutationFn: () => withdrawReferral(referralId),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.caseReferrals(caseId) }),
  });
  return (
    <>
      <ErrorMessage error={withdraw.error} />
      <button
        type="button"
        className="button"
        disabled={withdraw.isPending}
        onClick={() => withdraw.mutate()}
      >
        {t("referrals.withdraw")}
      </button>
    </>
  );
}

/** The owner's requests to other agencies for this case, and the form to ask one. */
export function ReferralsSection({ entry }: { entry: TCase }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const referrals = useQuery({
    queryKey: queryKeys.caseReferrals(entry.id),
    queryFn: () => fetchCaseReferrals(entry.id),
  });
  return (
    <section aria-labelledby="referrals-heading" className="panel">
      <h2 id="referrals-heading">{t("referrals.title")}</h2>
      <p className="muted">{t("referrals.explain")}</p>
      <ErrorMessage error={referrals.error} />
      {referrals.data?.referrals.length === 0 ? (
        <p className="empty">{t("referrals.none")}</p>
      ) : null}
      <ul className="basis-list">
        {referrals.data?.referrals.map((referral) => (
          <li key={referral.id} className="basis">
            <ReferralSummary referral={referral} />
            {referral.mayWithdraw ? (
              <WithdrawButton caseId={entry.id} referralId={referral.id} />
            ) : null}
          </li>
        ))}
      </ul>
      {asking ? (
        <ReferralForm entry={entry} onDone={() => setAsking(false)} />
      ) : (
        <button type="button" className="button" onClick={() => setAsking(true)}>
          {t("referrals.open")}
        </button>
      )}
    </section>
  );
}
