import { type TCaseListQuery, ZCaseStatus, ZCaseTheme } from "@runder-tisch/contracts";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { fetchCases } from "../../api/cases.ts";
import { queryKeys } from "../../api/query-keys.ts";
import { ErrorMessage } from "../../components/error-message.tsx";
import { formatDay } from "../../components/format.ts";
import { Loading } from "../../components/loading.tsx";
import { Page } from "../../components/page.tsx";
import { ThemeOptions } from "../../components/theme-options.tsx";
import { useThemes } from "../../components/use-themes.ts";
import { paths } from "../../routes/paths.ts";

function readQuery(params: URLSearchParams): TCaseListQuery {
  const theme = ZCaseTheme.safeParse(params.get("thema"));
  const status = ZCaseStatus.safeParse(params.get("status"));
  return {
    q: params.get("suche") ?? undefined,
    theme: theme.success ? theme.data : undefined,
    status: status.success ? status.data : undefined,
  };
}

export function CaseListPage() {
  const { t } = useTranslation();
  const themes = useThemes();
  const [params, setParams] = useSearchParams();
  const query = readQuery(params);
  const cases = useQuery({
    queryKey: queryKeys.caseList(query),
    queryFn: () => fetchCases(query),
    placeholderData: (previous) => previous,
  });
  const update = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  return (
    <Page
      title={t("cases.title")}
      actions={
        <Link to={paths.newCase} className="button-primary button-link">
          {t("cases.new")}
        </Link>
      }
    >
      <p className="lead">{t("cases.intro")}</p>
      <search>
        <form className="filters" onSubmit={(event) => event.preventDefault()}>
          <label className="filter filter-wide">
            {t("cases.search")}
            <input
              type="search"
              value={query.q ?? ""}
              placeholder={t("cases.searchPlaceholder")}
              onChange={(event) => update("suche", event.target.value)}
            />
          </label>
          <label className="filter">
            {t("cases.theme")}
            <select value={query.theme ?? ""} onChange={(e) => update("thema", e.target.value)}>
              <ThemeOptions emptyLabel={t("inbox.allThemes")} />
            </select>
          </label>
          <label className="filter">
            {t("cases.status")}
            <select value={query.status ?? ""} onChange={(e) => update("status", e.target.value)}>
              <option value="">{t("cases.statusAll")}</option>
              <option value="open">{t("caseStatus.open")}</option>
              <option value="closed">{t("caseStatus.closed")}</option>
            </select>
          </label>
        </form>
      </search>
      <ErrorMessage error={cases.error} />
      {cases.isPending ? <Loading label={t("common.loading")} /> : null}
      {cases.data && cases.data.cases.length === 0 ? (
        <p className="empty">{t("cases.empty")}</p>
      ) : null}
      {cases.data && cases.data.cases.length > 0 ? (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t("cases.tableCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("cases.code")}</th>
                <th scope="col">{t("cases.owner")}</th>
                <th scope="col">{t("cases.themes")}</th>
                <th scope="col">{t("cases.status")}</th>
                <th scope="col">{t("cases.updated")}</th>
              </tr>
            </thead>
            <tbody>
              {cases.data.cases.map((entry) => (
                <tr key={entry.id}>
                  <th scope="row">
                    <Link to={paths.case(entry.id)}>{entry.code}</Link>
                  </th>
                  <td>
                    {entry.ownerAgency.name}
                    {entry.access.isOwner ? ` (${t("cases.mine")})` : ""}
                  </td>
                  <td>{entry.themes.map(themes.label).join(", ")}</td>
                  <td>{t(`caseStatus.${entry.status}`)}</td>
                  <td>{formatDay(entry.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </Page>
  );
}
