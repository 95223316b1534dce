import type { TCase } from "@runder-tisch/contracts";
import { useTranslation } from "react-i18next";
import { formatDay } from "../../components/format.ts";
import { StatusMessage, useStatusMessage } from "../../components/status-message.tsx";
import { useThemes } from "../../components/use-themes.ts";
import { DisputeBadge } from "./case-disputes.tsx";
import { CaseStatusControl } from "./case-status-control.tsx";

export function CaseSummary({ entry, notice }: { entry: TCase; notice?: string }) {
  const { t } = useTranslation();
  const themes = useThemes();
  const status = useStatusMessage();
  return (
    <section aria-labelledby="case-summary-heading" className="panel">
      <h2 id="case-summary-heading">
        {t("case.summary")} <DisputeBadge caseId={entry.id} />
      </h2>
      <StatusMessage message={status.message || (notice ?? "")} />
      <p>{entry.summary || t("case.noSummary")}</p>
      {entry.specialCategoryNote ? (
        <p className="special-note">
          <strong>{t("case.specialNote")}:</strong> {entry.specialCategoryNote}
        </p>
      ) : null}
      <dl className="facts">
        <div>
          <dt>{t("case.owner")}</dt>
          <dd>{entry.ownerAgency.name}</dd>
        </div>
        <div>
          <dt>{t("case.status")}</dt>
          <dd>
            {t(`caseStatus.${entry.status}`)}
            {entry.closedAt ? ` (${t("case.closedOn", { date: formatDay(entry.closedAt) })})` : ""}
          </dd>
        </div>
        <div>
          <dt>{t("case.since")}</dt>
          <dd>{formatDay(entry.createdAt)}</dd>
        </div>
        <div>
          <dt>{t("case.themes")}</dt>
          <dd>
            {entry.themes.length === 0 ? (
              t("case.noThemes")
            ) : (
              <ul className="tags">
                {entry.themes.map((theme) => (
                  <li key={theme}>{themes.label(theme)}</li>
                ))}
              </ul>
            )}
          </dd>
        </div>
      </dl>
      {entry.access.isOwner ? <CaseStatusControl entry={entry} announce={status.announce} /> : null}
    </section>
  );
}
