import type { TReferral } from "@runder-tisch/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { queryKeys } from "../../api/query-keys.ts";
import { acceptReferral, fetchIncomingReferrals } from "../../api/referrals.ts";
import { ErrorMessage } from "../../components/error-message.tsx";
import { Loading } from "../../components/loading.tsx";
import { Page } from "../../components/page.tsx";
import { paths } from "../../routes/paths.ts";
import { DeclineReferralForm } from "./decline-referral-form.tsx";
import { ReferralSummary } from "./referral-summary.tsx";

function Decision({ referral }: { referral: TReferral }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [declining, setDeclining] = useState(false);
  // Accepting changes which cases my agency sees: the lists of cases refresh too.
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.incomingReferrals });
    void queryClient.invalidateQueries({ queryKey: queryKeys.cases });
  };
  const accept = useMutation({ mutationFn: () => acceptReferral(referral.id), onSuccess: refresh });
  if (declining) {
    return (
      <DeclineReferralForm
        referral={referral}
        onDone={() => {
          setDeclining(false);
          refresh();
        }}
        onCancel={() => setDeclining(false)}
      />
    );
  }
  return (
    <>
      <ErrorMessage error={accept.error} />
      <div className="form-buttons">
        <button
          type="button"
          className="button-primary"
          disabled={accept.isPending}
          onClick={() => accept.mutate()}
        >
          {t("referrals.accept")}
        </button>
        <button type="button" className="button-danger" onClick={() => setDeclining(true)}>
          {t("referrals.decline")}
        </button>
      </div>
    </>
  );
}

function IncomingReferral({ referral }: { referral: TReferral }) {
  const { t } = useTranslation();
  const sees = referral.status === "accepted";
  return (
    <li className="basis">
      <h2 className="referral-case">{t("referrals.caseCode", { code: referral.caseCode })}</h2>
      <ReferralSummary referral={referral} />
      {referral.mayDecide ? <Decision referral={referral} /> : null}
      {sees ? <Link to={paths.case(referral.caseId)}>{t("referrals.openCase")}</Link> : null}
    </li>
  );
}

/** Requests to my agency: open ones first, with the decision for those who may take it. */
export function ReferralsPage() {
  const { t } = useTranslation();
  const incoming = useQuery({
    queryKey: queryKeys.incomingReferrals,
    queryFn: fetchIncomingReferrals,
  });
  if (incoming.isPending) return <Loading label={t("common.loading")} />;
  const referrals = incoming.data?.referrals ?? [];
  const someoneElseDecides = referrals.some(
    (referral) => referral.status === "pending" && !referral.mayDecide,
  );
  return (
    <Page title={t("referrals.pageTitle")}>
      <p className="muted">{t("referrals.pageExplain")}</p>
      {someoneElseDecides ? <p>{t("referrals.onlyCoordinators")}</p> : null}
      <ErrorMessage error={incoming.error} />
      {incoming.data && referrals.length === 0 ? (
        <p className="empty">{t("referrals.pageEmpty")}</p>
      ) : null}
      <ul className="basis-list">
        {referrals.map((referral) => (
          <IncomingReferral key={referral.id} referral={referral} />
        ))}
      </ul>
    </Page>
  );
}
