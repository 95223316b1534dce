import {
  AUDIT_ACTIONS,
  type TAgency,
  type TAuditAction,
  type TUser,
} from "@runder-tisch/contracts";
import { useTranslation } from "react-i18next";
import type { AuditFilterState } from "./audit-filters.ts";

export interface CaseOption {
  id: string;
  label: string;
}

export function AuditFilterForm({
  value,
  agencies,
  users,
  cases,
  onChange,
}: {
  value: AuditFilterState;
  /** Only for the platform admin; coordinators see their own agency anyway. */
  agencies: TAgency[] | null;
  users: TUser[];
  cases: CaseOption[];
  onChange(next: AuditFilterState): void;
}) {
  const { t } = useTranslation();
  const set = <K extends keyof AuditFilterState>(key: K, next: AuditFilterState[K]) =>
    onChange({ ...value, [key]: next });
  const empty = Object.values(value).every((entry) => entry === "");
  return (
    <search>
      <form
        className="filters"
        aria-label={t("audit.filters")}
        onSubmit={(event) => event.preventDefault()}
      >
        {agencies ? (
          <label className="filter">
            {t("audit.agency")}
            <select
              value={value.agencyId}
              onChange={(e) => onChange({ ...value, agencyId: e.target.value, userId: "" })}
            >
              <option value="">{t("audit.allAgencies")}</option>
              {agencies.map((agency) => (
                <option key={agency.id} value={agency.id}>
                  {agency.name}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <label className="filter">
          {t("audit.person")}
          <select value={value.userId} onChange={(e) => set("userId", e.target.value)}>
            <option value="">{t("audit.allPeople")}</option>
            {users.map((user) => (
              <option key={user.id} value={user.id}>
                {user.displayName}
              </option>
            ))}
          </select>
        </label>
        <label className="filter">
          {t("audit.case")}
          <select value={value.caseId} onChange={(e) => set("caseId", e.target.value)}>
            <option value="">{t("audit.allCases")}</option>
            {cases.map((entry) => (
              <option key={entry.id} value={entry.id}>
                {entry.label}
              </option>
            ))}
          </select>
        </label>
        <label className="filter">
          {t("audit.action")}
          <select
            value={value.action}
            onChange={(e) => set("action", e.target.value as TAuditAction | "")}
          >
            <option value="">{t("audit.allActions")}</option>
            {AUDIT_ACTIONS.map((action) => (
              <option key={action} value={action}>
                {t(`auditAction.${action}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="filter">
          {t("audit.from")}
          <input type="date" value={value.from} onChange={(e) => set("from", e.target.value)} />
        </label>
        <label className="filter">
          {t("audit.to")}
          <input type="date" value={value.to} onChange={(e) => set("to", e.target.value)} />
        </label>
        {empty ? null : (
          <button
            type="button"
            className="button-quiet"
            onClick={() =>
              onChange({ agencyId: "", userId: "", caseId: "", action: "", from: "", to: "" })
            }
          >
            {t("audit.reset")}
          </button>
        )}
      </form>
    </search>
  );
}
