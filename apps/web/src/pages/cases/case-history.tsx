import type { TCase } from "@runder-tisch/contracts";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { fetchCaseActions, fetchCaseConferences } from "../../api/case-conferences.ts";
import { fetchSharingBases } from "../../api/cases.ts";
import { queryKeys } from "../../api/query-keys.ts";
import { formatDateTime } from "../../components/format.ts";

interface HistoryEntry {
  at: string;
  text: string;
}

/**
 * What happened to the case, put together from what this agency may already see
 * (conferences, bases, actions) rather than from the audit trail, which is only
 * for coordinators.
 */
export function CaseHistory({ entry }: { entry: TCase }) {
  const { t } = useTranslation();
  const conferences = useQuery({
    queryKey: queryKeys.caseConferences(entry.id),
    queryFn: () => fetchCaseConferences(entry.id),
  });
  const bases = useQuery({
    queryKey: queryKeys.sharingBases(entry.id),
    queryFn: () => fetchSharingBases(entry.id),
  });
  const actions = useQuery({
    queryKey: queryKeys.caseActions(entry.id),
    queryFn: () => fetchCaseActions(entry.id),
  });
  const history: HistoryEntry[] = [{ at: entry.createdAt, text: t("history.created") }];
  for (const conference of conferences.data?.conferences ?? []) {
    history.push({
      at: conference.createdAt,
      text: t("history.conferencePlanned", { title: conference.title }),
    });
    if (conference.concludedAt)
      history.push({
        at: conference.concludedAt,
        text: t("history.conferenceConcluded", { title: conference.title }),
      });
  }
  for (const basis of bases.data?.sharingBases ?? []) {
    history.push({
      at: basis.createdAt,
      text: t("history.basisGranted", { agency: basis.agency.name }),
    });
    if (basis.revokedAt)
      history.push({
        at: basis.revokedAt,
        text: t("history.basisRevoked", { agency: basis.agency.name }),
      });
  }
  for (const action of actions.data?.actions ?? []) {
    history.push({
      at: action.createdAt,
      text: t("history.actionCreated", { title: action.title }),
    });
    if (action.statusChangedAt && action.status !== "open")
      history.push({
        at: action.statusChangedAt,
        text: t("history.actionStatus", {
          title: action.title,
          status: t(`actionStatus.${action.status}`),
        }),
      });
  }
  history.sort((a, b) => (a.at < b.at ? 1 : -1));
  return (
    <section aria-labelledby="case-history-heading" className="panel">
      <h2 id="case-history-heading">{t("case.history")}</h2>
      <ol className="history">
        {history.map((item) => (
          <li key={`${item.at}-${item.text}`}>
            <time dateTime={item.at}>{formatDateTime(item.at)}</time> {item.text}
          </li>
        ))}
      </ol>
    </section>
  );
}
