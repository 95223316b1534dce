import type { TAuditEntry } from "@runder-tisch/contracts";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../components/format.ts";

export interface AuditNames {
  people: Map<string, string>;
  agencies: Map<string, string>;
  cases: Map<string, string>;
}

/** Case ids the reader cannot name (cases of other agencies) are shortened, not hidden. */
export const shortCaseLabel = (caseId: string) => caseId.slice(0, 8);

function CaseCell({
  caseId,
  names,
  onFilterCase,
}: {
  caseId: string | null;
  names: AuditNames;
  onFilterCase(caseId: string): void;
}) {
  const { t } = useTranslation();
  if (!caseId) return <>–</>;
  const label = names.cases.get(caseId) ?? shortCaseLabel(caseId);
  return (
    <button
      type="button"
      className="link-button"
      aria-label={t("audit.onlyThisCase", { label })}
      onClick={() => onFilterCase(caseId)}
    >
      {label}
    </button>
  );
}

export function AuditTable({
  entries,
  names,
  onFilterCase,
}: {
  entries: TAuditEntry[];
  names: AuditNames;
  onFilterCase(caseId: string): void;
}) {
  const { t } = useTranslation();
  const person = (userId: string | null) =>
    userId ? (names.people.get(userId) ?? t("audit.unknownPerson")) : t("audit.noPerson");
  return (
    <div className="table-wrap">
      <table className="audit-table">
        <caption className="visually-hidden">{t("audit.tableCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("audit.number")}</th>
            <th scope="col">{t("audit.at")}</th>
            <th scope="col">{t("audit.person")}</th>
            <th scope="col">{t("audit.agency")}</th>
            <th scope="col">{t("audit.action")}</th>
            <th scope="col">{t("audit.target")}</th>
            <th scope="col">{t("audit.case")}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id}>
              <th scope="row" data-label={t("audit.number")}>
                {entry.id}
              </th>
              <td data-label={t("audit.at")}>
                <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
              </td>
              <td data-label={t("audit.person")}>{person(entry.userId)}</td>
              <td data-label={t("audit.agency")} className="audit-agency">
                {entry.agencyId ? (names.agencies.get(entry.agencyId) ?? "–") : "–"}
              </td>
              <td data-label={t("audit.action")}>
                {entry.action === "denied" ? (
                  <span className="badge badge-cancelled">{t("auditAction.denied")}</span>
                ) : (
                  t(`auditAction.${entry.action}`)
                )}
              </td>
              <td data-label={t("audit.target")}>
                {t(`auditTarget.${entry.targetType}`, { defaultValue: entry.targetType })}
              </td>
              <td data-label={t("audit.case")}>
                <CaseCell caseId={entry.caseId} names={names} onFilterCase={onFilterCase} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
