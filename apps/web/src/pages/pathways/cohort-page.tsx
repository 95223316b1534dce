import { ZPathwayCohortQuery } from "@runder-tisch/contracts";
import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { fetchPathwayCohort, fetchPathwayTemplates } from "../../api/pathways.ts";
import { queryKeys } from "../../api/query-keys.ts";
import { ErrorMessage } from "../../components/error-message.tsx";
import { formatDateTime } from "../../components/format.ts";
import { Loading } from "../../components/loading.tsx";
import { Page } from "../../components/page.tsx";
import { paths } from "../../routes/paths.ts";

/** The filter lives in the address, so a list can be bookmarked and worked through. */
function readQuery(params: URLSearchParams) {
  const parsed = ZPathwayCohortQuery.safeParse({
    pathway: params.get("weg") || undefined,
    minMet: params.get("mindestens") ?? undefined,
    page: params.get("seite") ?? undefined,
  });
  return parsed.success ? parsed.data : { minMet: 0, page: 1 };
}

/**
 * The immigration office's overview: which cases it may see are close to a residence
 * pathway, by case code only, those missing least first.
 */
export function CohortPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const query = readQuery(params);
  const templates = useQuery({
    queryKey: queryKeys.pathwayTemplates,
    queryFn: fetchPathwayTemplates,
  });
  const cohort = useQuery({
    queryKey: queryKeys.pathwayCohort(query),
    queryFn: () => fetchPathwayCohort(query),
    placeholderData: (previous) => previous,
  });
  const [pathway, setPathway] = useState(query.pathway ?? "");
  const [minMet, setMinMet] = useState(String(query.minMet));
  const go = (next: { pathway?: string | undefined; minMet: number; page: number }) => {
    const search = new URLSearchParams();
    if (next.pathway) search.set("weg", next.pathway);
    if (next.minMet > 0) search.set("mindestens", String(next.minMet));
    if (next.page > 1) search.set("seite", String(next.page));
    setParams(search);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    go({ pathway: pathway || undefined, minMet: Math.max(0, Number(minMet) || 0), page: 1 });
  };
  const data = cohort.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  return (
    <Page title={t("pathways.cohortTitle")}>
      <p>{t("pathways.cohortIntro")}</p>
      {templates.data?.mayEdit ? (
        <p>
          <Link to={paths.pathwayTemplates}>{t("pathways.editTemplates")}</Link>
        </p>
      ) : null}
      <p className="notice pathways-notice">{t("pathways.notice")}</p>
      <form className="filters" onSubmit={submit}>
        <label className="filter">
          {t("pathways.filterPathway")}
          <select value={pathway} onChange={(event) => setPathway(event.target.value)}>
            <option value="">{t("pathways.allPathways")}</option>
            {templates.data?.templates.map((template) => (
              <option key={template.pathwayKey} value={template.pathwayKey}>
                {template.norm} – {template.titleDe}
              </option>
            ))}
          </select>
        </label>
        <label className="filter">
          {t("pathways.minMet")}
          <input
            type="number"
            min={0}
            max={20}
            value={minMet}
            onChange={(event) => setMinMet(event.target.value)}
          />
        </label>
        <button type="submit">{t("pathways.show")}</button>
      </form>
      <ErrorMessage error={cohort.error} />
      {cohort.isPending ? <Loading label={t("common.loading")} /> : null}
      {data ? (
        <>
          <p role="status">{t("pathways.count", { count: data.total })}</p>
          {data.entries.length === 0 ? (
            <p className="empty">{t("pathways.empty")}</p>
          ) : (
            <table className="cohort-table">
              <thead>
                <tr>
                  <th scope="col">{t("pathways.case")}</th>
                  <th scope="col">{t("pathways.pathway")}</th>
                  <th scope="col">{t("pathways.met")}</th>
                  <th scope="col">{t("pathways.notMet")}</th>
                  <th scope="col">{t("pathways.unclear")}</th>
                  <th scope="col">{t("pathways.changed")}</th>
                </tr>
              </thead>
              <tbody>
                {data.entries.map((entry) => (
                  <tr key={entry.checklistId}>
                    <th scope="row">
                      <Link to={paths.case(entry.caseId)}>{entry.caseCode}</Link>
                    </th>
                    <td>{entry.norm}</td>
                    <td>
                      {t("pathways.metOf", { met: entry.metCount, total: entry.applicableCount })}
                    </td>
                    <td>{entry.notMetCount}</td>
                    <td>{entry.unclearCount}</td>
                    <td>{formatDateTime(entry.lastChangedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {pages > 1 ? (
            <nav className="pager" aria-label={t("pathways.pageOf", { page: query.page, pages })}>
              <button
                type="button"
                className="button-quiet"
                disabled={query.page <= 1}
                onClick={() => go({ ...query, page: query.page - 1 })}
              >
                {t("pathways.previous")}
              </button>
              <span>{t("pathways.pageOf", { page: query.page, pages })}</span>
              <button
                type="button"
                className="button-quiet"
                disabled={query.page >= pages}
                onClick={() => go({ ...query, page: query.page + 1 })}
              >
                {t("pathways.next")}
              </button>
            </nav>
          ) : null}
        </>
      ) : null}
    </Page>
  );
}
