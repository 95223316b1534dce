import type { TCase } from "@runder-tisch/contracts";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { fetchCaseConferences } from "../../api/case-conferences.ts";
import { queryKeys } from "../../api/query-keys.ts";
import { ErrorMessage } from "../../components/error-message.tsx";
import { formatDateTime } from "../../components/format.ts";
import { paths } from "../../routes/paths.ts";
import { ScheduleConferenceForm } from "./schedule-conference-form.tsx";

export function CaseConferences({ entry }: { entry: TCase }) {
  const { t } = useTranslation();
  const [scheduling, setScheduling] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const conferences = useQuery({
    queryKey: queryKeys.caseConferences(entry.id),
    queryFn: () => fetchCaseConferences(entry.id),
  });
  return (
    <section aria-labelledby="case-conferences-heading" className="panel">
      <h2 id="case-conferences-heading">{t("case.conferences")}</h2>
      <ErrorMessage error={conferences.error} />
      {conferences.data?.conferences.length === 0 ? (
        <p className="empty">{t("case.noConferences")}</p>
      ) : null}
      <ul className="conference-list">
        {conferences.data?.conferences.map((conference) => (
          <li key={conference.id}>
            <Link to={paths.conference(conference.id)} className="conference-link">
              {conference.title}
            </Link>
            <span className="conference-meta">
              {formatDateTime(conference.scheduledAt)} ·{" "}
              {t(`conferenceStatus.${conference.status}`)}
            </span>
            {conference.status === "planned" &&
            conference.participants.some((participant) => !participant.hasAccess) ? (
              <span className="conference-meta notice-text">
                {t("case.invitedWithoutAccess", {
                  agencies: conference.participants
                    .filter((participant) => !participant.hasAccess)
                    .map((participant) => participant.agency.name)
                    .join(", "),
                })}
              </span>
            ) : null}
            {entry.access.isOwner && conference.status !== "finalised" ? (
              editing === conference.id ? (
                <ScheduleConferenceForm
                  entry={entry}
                  existing={conference}
                  onDone={() => setEditing(null)}
                />
              ) : (
                <button
                  type="button"
                  className="button-quiet"
                  aria-label={t("schedule.editOf", { title: conference.title })}
                  onClick={() => setEditing(conference.id)}
                >
                  {t("schedule.edit")}
                </button>
              )
            ) : null}
          </li>
        ))}
      </ul>
      {entry.access.isOwner && entry.status === "open" ? (
        scheduling ? (
          <ScheduleConferenceForm entry={entry} onDone={() => setScheduling(false)} />
        ) : (
          <button type="button" className="button" onClick={() => setScheduling(true)}>
            {t("schedule.open")}
          </button>
        )
      ) : null}
    </section>
  );
}
