import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { ActionCard } from "../../actions/action-card.tsx";
import { fetchCaseActions } from "../../api/case-conferences.ts";
import { queryKeys } from "../../api/query-keys.ts";
import { ErrorMessage } from "../../components/error-message.tsx";
import { Loading } from "../../components/loading.tsx";
import { usePollingFallback } from "../../live/live-events.tsx";

export function CaseActions({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const actions = useQuery({
    queryKey: queryKeys.caseActions(caseId),
    queryFn: () => fetchCaseActions(caseId),
    refetchInterval: usePollingFallback(),
  });
  return (
    <section aria-labelledby="case-actions-heading" className="panel">
      <h2 id="case-actions-heading">{t("case.actions")}</h2>
      <ErrorMessage error={actions.error} />
      {actions.isPending ? <Loading label={t("common.loading")} /> : null}
      {actions.data?.actions.length === 0 ? <p className="empty">{t("case.noActions")}</p> : null}
      <ul className="card-list">
        {actions.data?.actions.map((action) => (
          <li key={action.id}>
            <ActionCard action={action} showCase={false} />
          </li>
        ))}
      </ul>
    </section>
  );
}
