import { ACTION_STATUSES, type TCase } from "@runder-tisch/contracts";
import { useTranslation } from "react-i18next";
import { ThemeOptions } from "../../components/theme-options.tsx";
import type { DueFilter, InboxFilterState } from "./inbox-filters.ts";

export function InboxFilterForm({
  value,
  cases,
  onChange,
}: {
  value: InboxFilterState;
  cases: TCase[];
  onChange(next: InboxFilterState): void;
}) {
  const { t } = useTranslation();
  const set = <K extends keyof InboxFilterState>(key: K, next: InboxFilterState[K]) =>
    onChange({ ...value, [key]: next });
  return (
    <form className="filters" aria-label={t("inbox.filters")} onSubmit={(e) => e.preventDefault()}>
      <fieldset className="segmented">
        <legend>{t("inbox.scope")}</legend>
        <label>
          <input
            type="radio"
            name="scope"
            checked={value.scope === "agency"}
            onChange={() => set("scope", "agency")}
          />
          {t("inbox.scopeAgency")}
        </label>
        <label>
          <input
            type="radio"
            name="scope"
            checked={value.scope === "me"}
            onChange={() => set("scope", "me")}
          />
          {t("inbox.scopeMe")}
        </label>
      </fieldset>
      <label className="filter">
        {t("inbox.status")}
        <select value={value.status} onChange={(e) => set("status", e.target.value)}>
          <option value="">{t("inbox.statusOpenAndInProgress")}</option>
          {ACTION_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`actionStatus.${status}`)}
            </option>
          ))}
          <option value="all">{t("inbox.statusAll")}</option>
        </select>
      </label>
      <label className="filter">
        {t("inbox.due")}
        <select value={value.due} onChange={(e) => set("due", e.target.value as DueFilter)}>
          <option value="">{t("inbox.dueAny")}</option>
          <option value="overdue">{t("inbox.dueOverdue")}</option>
          <option value="week">{t("inbox.dueWeek")}</option>
        </select>
      </label>
      <label className="filter">
        {t("inbox.case")}
        <select value={value.caseId} onChange={(e) => set("caseId", e.target.value)}>
          <option value="">{t("inbox.allCases")}</option>
          {cases.map((entry) => (
            <option key={entry.id} value={entry.id}>
              {entry.code}
            </option>
          ))}
        </select>
      </label>
      <label className="filter">
        {t("inbox.theme")}
        <select value={value.theme} onChange={(e) => set("theme", e.target.value)}>
          <ThemeOptions emptyLabel={t("inbox.allThemes")} />
        </select>
      </label>
      {value.scope === "agency" ? (
        <label className="filter filter-check">
          <input
            type="checkbox"
            checked={value.needsNewOwner}
            onChange={(e) => set("needsNewOwner", e.target.checked)}
          />
          {t("inbox.filterNeedsNewOwner")}
        </label>
      ) : null}
    </form>
  );
}
