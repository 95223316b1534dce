import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { fetchAwaitingMinutes } from "../../api/conferences.ts";
import { queryKeys } from "../../api/query-keys.ts";
import { ErrorMessage } from "../../components/error-message.tsx";
import { formatDateTime } from "../../components/format.ts";
import { usePollingFallback } from "../../live/live-events.tsx";
import { paths } from "../../routes/paths.ts";

/** For coordinators: ended conferences of their agency's cases whose minutes they still finalise. */
export function AwaitingMinutes() {
  const { t } = useTranslation();
  const awaiting = useQuery({
    queryKey: queryKeys.awaitingMinutes,
    queryFn: fetchAwaitingMinutes,
    refetchInterval: usePollingFallback() === false ? false : 30_000,
  });
  if (awaiting.error) return <ErrorMessage error={awaiting.error} />;
  const conferences = awaiting.data?.conferences ?? [];
  if (conferences.length === 0) return null;
  return (
    <section aria-labelledby="awaiting-minutes-heading" className="awaiting-minutes">
      <h2 id="awaiting-minutes-heading">
        {t("awaitingMinutes.title", { count: conferences.length })}
      </h2>
      <ul className="conference-list compact">
        {conferences.map((conference) => (
          <li key={conference.id}>
            <Link to={paths.conference(conference.id)} className="conference-link">
              <span className="conference-title">{conference.title}</span>
            </Link>
            <span className="conference-meta">
              {conference.caseCode} ·{" "}
              {t("awaitingMinutes.ended", {
                date: formatDateTime(conference.concludedAt ?? conference.scheduledAt),
              })}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
