import type { TCase } from "@runder-tisch/contracts";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { caseExportUrl } from "../../api/case-records.ts";
import { paths } from "../../routes/paths.ts";

/** Subject access (Art. 15 GDPR): everything about the case, for the owning agency only. */
export function SubjectAccess({ entry }: { entry: TCase }) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="subject-access-heading">
      <h2 id="subject-access-heading">{t("subjectAccess.title")}</h2>
      <p className="muted">{t("subjectAccess.intro")}</p>
      <p className="download-links">
        <a className="button" href={caseExportUrl(entry.id, "html")} download>
          {t("subjectAccess.html")}
        </a>
        <a
          className="button"
          href={caseExportUrl(entry.id, "json")}
          download={`Auskunft-${entry.code}.json`}
        >
          {t("subjectAccess.json")}
        </a>
      </p>
      <p>
        <Link to={paths.transparencySheet(entry.id)}>{t("subjectAccess.transparencySheet")}</Link>
      </p>
    </section>
  );
}
