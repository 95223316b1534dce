import type { TCase } from "@runder-tisch/contracts";
import { useTranslation } from "react-i18next";
import { formatDay } from "../../components/format.ts";

export function CaseSummary({ entry }: { entry: TCase }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="case-summary-heading" className="panel">
      <h2 id="case-summary-heading">{t("case.summary")}</h2>
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
          <dd>{t(`caseStatus.${entry.status}`)}</dd>
        </div>
        <div>
          <dt>{t("case.since")}</dt>
          <dd>{formatDay(entry.createdAt)}</dd>
        </div>
        <div>
          <dt>{t("case.themes")}</dt>
          <dd>
            <ul className="tags">
              {entry.themes.map((theme) => (
                <li key={theme}>{t(`theme.${theme}`)}</li>
              ))}
            </ul>
          </dd>
        </div>
      </dl>
    </section>
  );
}
