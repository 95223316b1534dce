import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { fetchUpcomingConferences } from "../../api/conferences.ts";
import { queryKeys } from "../../api/query-keys.ts";
import { ErrorMessage } from "../../components/error-message.tsx";
import { formatDateTime } from "../../components/format.ts";
import { Loading } from "../../components/loading.tsx";
import { usePollingFallback } from "../../live/live-events.tsx";
import { paths } from "../../routes/paths.ts";

export function UpcomingList({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const upcoming = useQuery({
    queryKey: queryKeys.upcoming,
    queryFn: fetchUpcomingConferences,
    refetchInterval: usePollingFallback() === false ? false : 30_000,
  });
  if (upcoming.isPending) return <Loading label={t("common.loading")} />;
  if (upcoming.error) return <ErrorMessage error={upcoming.error} />;
  const conferences = upcoming.data.conferences;
  if (conferences.length === 0) return <p className="empty">{t("upcoming.empty")}</p>;
  return (
    <ul className={compact ? "conference-list compact" : "conference-list"}>
      {conferences.map((conference) => (
        <li key={conference.id}>
          <Link to={paths.conference(conference.id)} className="conference-link">
            <span className="conference-title">{conference.title}</span>
          </Link>
          <span className="conference-meta">
            {formatDateTime(conference.scheduledAt)} · {conference.caseCode} ·{" "}
            {t(`conferenceStatus.${conference.status}`)}
            {conference.myRole === "observer" ? ` · ${t("conference.observer")}` : ""}
          </span>
          {!compact ? (
            <span className="conference-meta">
              {t("upcoming.participants")}:{" "}
              {conference.participants
                .map((participant) =>
                  participant.hasAccess
                    ? participant.agency.name
                    : t("upcoming.noAccess", { agency: participant.agency.name }),
                )
                .join(", ")}
            </span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
