import type { TConference } from "@runder-tisch/contracts";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { fetchCaseConferences } from "../../api/case-conferences.ts";
import {
  fetchConferenceMinutes,
  minutesMarkdownUrl,
  minutesPdfUrl,
} from "../../api/conference-room.ts";
import { queryKeys } from "../../api/query-keys.ts";
import { ErrorMessage } from "../../components/error-message.tsx";
import { formatDateTime, formatDay } from "../../components/format.ts";
import { paths } from "../../routes/paths.ts";

/** The finalised versions of the minutes, with their checksum and downloads. */
export function MinutesPanel({
  conference,
  justFinalised,
}: {
  conference: TConference;
  /** Version number finalised in this visit; announced and focused once. */
  justFinalised: number | null;
}) {
  const { t } = useTranslation();
  const notice = useRef<HTMLParagraphElement>(null);
  const minutes = useQuery({
    queryKey: queryKeys.minutes(conference.id),
    queryFn: () => fetchConferenceMinutes(conference.id),
    enabled: conference.status === "finalised",
  });
  // The Wiedervorlage planned with the minutes, if any: the next step for everyone.
  const caseConferences = useQuery({
    queryKey: queryKeys.caseConferences(conference.caseId),
    queryFn: () => fetchCaseConferences(conference.caseId),
    enabled: conference.status === "finalised",
  });
  const followUp = caseConferences.data?.conferences.find(
    (other) => other.followsConferenceId === conference.id,
  );
  useEffect(() => {
    if (justFinalised !== null) notice.current?.focus();
  }, [justFinalised]);
  if (conference.status !== "finalised") return null;
  return (
    <section className="panel minutes-panel" aria-labelledby="minutes-heading">
      <h2 id="minutes-heading">{t("minutes.title")}</h2>
      {justFinalised !== null ? (
        <p className="status-message" role="status" ref={notice} tabIndex={-1}>
          {t("finalise.done", { version: justFinalised })}
        </p>
      ) : null}
      {followUp ? (
        <p className="follow-up-notice">
          {t("minutes.followUp", { date: formatDateTime(followUp.scheduledAt) })}{" "}
          <Link to={paths.conference(followUp.id)}>{t("minutes.followUpLink")}</Link>
        </p>
      ) : null}
      <ErrorMessage error={minutes.error} />
      {minutes.data?.minutes.length === 0 ? <p className="muted">{t("minutes.none")}</p> : null}
      <ul className="minutes-list">
        {minutes.data?.minutes.map((entry) => (
          <li key={entry.id} className="minutes-version">
            <h3>
              {t("minutes.version", {
                version: entry.version,
                date: formatDateTime(entry.finalisedAt),
              })}
            </h3>
            <p className="minutes-hash">
              {t("minutes.hash")}: <code>{entry.hash.value}</code>
            </p>
            {entry.marks.revokedBases.map((revoked) => (
              <p key={`${revoked.agency.id}-${revoked.revokedOn}`} className="minutes-mark">
                {t("minutes.revoked", {
                  agency: revoked.agency.name,
                  date: formatDay(revoked.revokedOn),
                })}
              </p>
            ))}
            {entry.marks.dispute ? (
              <p className="minutes-mark">
                <span className="badge badge-disputed">{t("dispute.badge")}</span>{" "}
                {t("minutes.disputed", {
                  date: formatDay(entry.marks.dispute.raisedAt),
                  reason: entry.marks.dispute.reason,
                })}
              </p>
            ) : null}
            <p className="minutes-links">
              <a
                className="button"
                href={minutesPdfUrl(entry.id)}
                download
                aria-label={t("minutes.pdfLabel", { version: entry.version })}
              >
                {t("minutes.pdf")}
              </a>
              <a
                className="button"
                href={minutesMarkdownUrl(entry.id)}
                download
                aria-label={t("minutes.mdLabel", { version: entry.version })}
              >
                {t("minutes.md")}
              </a>
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
