import {
  ACTION_STATUSES,
  PATHWAY_OUTCOMES,
  reasonOfIssue,
  type TEvaluationFigure,
  type TEvaluationQuery,
  type TEvaluationResponse,
  type TEvaluationTable,
  ZEvaluationQuery,
} from "@runder-tisch/contracts";
import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { fetchAgencies } from "../../api/agencies.ts";
import { evaluationCsvHref, fetchEvaluation } from "../../api/evaluation.ts";
import { queryKeys } from "../../api/query-keys.ts";
import { ErrorMessage } from "../../components/error-message.tsx";
import { Loading } from "../../components/loading.tsx";
import { Page } from "../../components/page.tsx";
import { RequireRole } from "../../components/require-role.tsx";
import { ThemeOptions } from "../../components/theme-options.tsx";
import { useThemes } from "../../components/use-themes.ts";
import { BarChart } from "./bar-chart.tsx";
import { CountTable } from "./count-table.tsx";

/** The last twelve whole months up to this one, when the address names no period. */
function defaultPeriod(now = new Date()) {
  const month = (offset: number) =>
    new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1))
      .toISOString()
      .slice(0, 7);
  return { from: month(-11), to: month(0) };
}

/** The filter lives in the address, so an evaluation can be bookmarked and passed on. */
function readQuery(params: URLSearchParams): TEvaluationQuery {
  const period = defaultPeriod();
  return {
    from: params.get("von") || period.from,
    to: params.get("bis") || period.to,
    agencyId: params.get("stelle") || undefined,
    theme: (params.get("thema") || undefined) as TEvaluationQuery["theme"],
  };
}

/**
 * The steering group's evaluation: counts per month, theme, agency and status, with
 * every small count withheld (docs/evaluation.md). Each chart has its table beside it.
 */
export function EvaluationPage() {
  const { t } = useTranslation();
  return (
    <RequireRole roles={["coordinator", "platform_admin"]}>
      <Page title={t("evaluation.title")}>
        <p>{t("evaluation.intro")}</p>
        <Evaluation />
      </Page>
    </RequireRole>
  );
}

function Evaluation() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const query = readQuery(params);
  const checked = ZEvaluationQuery.safeParse(query);
  const agencies = useQuery({ queryKey: queryKeys.agencies, queryFn: fetchAgencies });
  const evaluation = useQuery({
    queryKey: queryKeys.evaluation(query),
    queryFn: () => fetchEvaluation(query),
    enabled: checked.success,
    placeholderData: (previous) => previous,
  });
  const [draft, setDraft] = useState(query);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const search = new URLSearchParams({ von: draft.from, bis: draft.to });
    if (draft.agencyId) search.set("stelle", draft.agencyId);
    if (draft.theme) search.set("thema", draft.theme);
    setParams(search);
  };
  const problem = checked.success ? undefined : checked.error.issues[0];
  const data = checked.success ? evaluation.data : undefined;
  return (
    <>
      <form className="filters" onSubmit={submit}>
        <label className="filter">
          {t("evaluation.from")}
          <input
            type="month"
            required
            value={draft.from}
            onChange={(event) => setDraft({ ...draft, from: event.target.value })}
          />
        </label>
        <label className="filter">
          {t("evaluation.to")}
          <input
            type="month"
            required
            value={draft.to}
            onChange={(event) => setDraft({ ...draft, to: event.target.value })}
          />
        </label>
        <label className="filter">
          {t("evaluation.agency")}
          <select
            value={draft.agencyId ?? ""}
            onChange={(event) => setDraft({ ...draft, agencyId: event.target.value || undefined })}
          >
            <option value="">{t("evaluation.allAgencies")}</option>
            {agencies.data?.agencies.map((agency) => (
              <option key={agency.id} value={agency.id}>
                {agency.name}
              </option>
            ))}
          </select>
        </label>
        <label className="filter">
          {t("evaluation.theme")}
          <select
            value={draft.theme ?? ""}
            onChange={(event) =>
              setDraft({
                ...draft,
                theme: (event.target.value || undefined) as TEvaluationQuery["theme"],
              })
            }
          >
            <ThemeOptions emptyLabel={t("evaluation.allThemes")} />
          </select>
        </label>
        <button type="submit">{t("evaluation.show")}</button>
      </form>
      {problem ? (
        <p className="error-message" role="alert">
          {t(`reasons.${reasonOfIssue(problem, query).reason}`)}
        </p>
      ) : null}
      <ErrorMessage error={evaluation.error} />
      {checked.success && evaluation.isPending ? <Loading label={t("common.loading")} /> : null}
      {data ? <Figures data={data} query={query} /> : null}
    </>
  );
}

function Figures({ data, query }: { data: TEvaluationResponse; query: TEvaluationQuery }) {
  const { t } = useTranslation();
  /** A column named by a word of the vocabulary shows its label; anything else as it came. */
  const labelOfWord = (words: readonly string[], prefix: string) => (word: string) =>
    words.includes(word) ? t(`${prefix}.${word}`) : word;
  const themes = useThemes();
  const k = data.k;
  // Cases without any theme are counted under "none".
  const themeLabel = (theme: string) =>
    theme === "none" ? t("evaluation.noTheme") : themes.label(theme);
  return (
    <>
      <p className="notice">{t("evaluation.withheldExplained", { k, below: k - 1 })}</p>
      <p>
        <a href={evaluationCsvHref(query)} download>
          {t("evaluation.downloadCsv")}
        </a>
      </p>
      <section aria-labelledby="evaluation-figures">
        <h2 id="evaluation-figures">{t("evaluation.figuresTitle")}</h2>
        <dl className="evaluation-figures">
          <Figure label={t("evaluation.medianDaysToDone")} figure={data.medianDaysToDone} k={k}>
            {(value) => t("evaluation.days", { count: value })}
          </Figure>
          <Figure label={t("evaluation.overdueRate")} figure={data.overdueRate} k={k}>
            {(value) => percent(value)}
          </Figure>
          <Figure label={t("evaluation.notPossibleShare")} figure={data.notPossibleShare} k={k}>
            {(value) => percent(value)}
          </Figure>
        </dl>
      </section>
      <ChartSection
        id="conferences-per-month"
        title={t("evaluation.conferencesPerMonth")}
        table={data.conferencesPerMonth}
        k={k}
        rowHeader={t("evaluation.month")}
        rowLabel={(month) => month}
        columnLabel={() => t("evaluation.conferences")}
      />
      <ChartSection
        id="cases-per-theme"
        title={t("evaluation.casesPerTheme")}
        table={data.casesPerTheme}
        k={k}
        horizontal
        rowHeader={t("evaluation.theme")}
        rowLabel={themeLabel}
        columnLabel={() => t("evaluation.cases")}
        note={data.includesDeletedCases ? t("evaluation.includesDeleted") : undefined}
      />
      <ChartSection
        id="actions-per-agency"
        title={t("evaluation.actionsPerAgencyAndStatus")}
        table={data.actionsPerAgencyAndStatus}
        k={k}
        horizontal
        stacked
        rowHeader={t("evaluation.agency")}
        rowLabel={(agency) => agency}
        columnLabel={labelOfWord(ACTION_STATUSES, "actionStatus")}
      />
      <ChartSection
        id="conferences-per-case"
        title={t("evaluation.conferencesPerCase")}
        table={data.conferencesPerCase}
        k={k}
        rowHeader={t("evaluation.conferencesHeld")}
        rowLabel={(bucket) => bucket}
        columnLabel={() => t("evaluation.cases")}
      />
      <ChartSection
        id="pathway-outcomes"
        title={t("evaluation.pathwayOutcomes")}
        table={data.pathwayOutcomes}
        k={k}
        horizontal
        stacked
        rowHeader={t("evaluation.pathway")}
        rowLabel={(pathway) => pathway}
        columnLabel={labelOfWord(PATHWAY_OUTCOMES, "evaluation.pathwayOutcome")}
      />
    </>
  );
}

const percent = (share: number) =>
  share.toLocaleString(undefined, { style: "percent", maximumFractionDigits: 1 });

function Figure({
  label,
  figure,
  k,
  children,
}: {
  label: string;
  figure: TEvaluationFigure;
  k: number;
  children: (value: number) => string;
}) {
  const { t } = useTranslation();
  return (
    <div>
      <dt>{label}</dt>
      <dd>
        {figure.value === null ? t("evaluation.figureWithheld", { k }) : children(figure.value)}
        {figure.value !== null && figure.basedOn !== null
          ? ` ${t("evaluation.basedOn", { count: figure.basedOn })}`
          : null}
      </dd>
    </div>
  );
}

function ChartSection({
  id,
  title,
  table,
  k,
  rowHeader,
  rowLabel,
  columnLabel,
  horizontal = false,
  stacked = false,
  note,
}: {
  id: string;
  title: string;
  table: TEvaluationTable;
  k: number;
  rowHeader: string;
  rowLabel: (row: string) => string;
  columnLabel: (column: string) => string;
  horizontal?: boolean;
  stacked?: boolean;
  note?: string | undefined;
}) {
  const { t } = useTranslation();
  const labels = table.rows.map(rowLabel);
  const series = table.columns.map((column, columnIndex) => ({
    name: columnLabel(column),
    values: table.cells.map((row) => row[columnIndex] ?? null),
  }));
  const withheld = table.cells.some((row) => row.some((value) => value === null));
  return (
    <section aria-labelledby={id} className="evaluation-section">
      <h2 id={id}>{title}</h2>
      {note ? <p>{note}</p> : null}
      {table.rows.length === 0 ? (
        <p className="empty">{t("evaluation.empty")}</p>
      ) : (
        <>
          <BarChart
            label={title}
            description={t(withheld ? "evaluation.chartWithheld" : "evaluation.chartTable", { k })}
            labels={labels}
            series={series}
            horizontal={horizontal}
            stacked={stacked}
          />
          {stacked ? (
            <ul className="evaluation-legend">
              {series.map((entry, index) => (
                <li key={entry.name} className={`legend-${index}`}>
                  {entry.name}
                </li>
              ))}
            </ul>
          ) : null}
          <details>
            <summary>{t("evaluation.showTable")}</summary>
            <CountTable
              caption={title}
              table={table}
              k={k}
              rowHeader={rowHeader}
              rowLabel={rowLabel}
              columnLabel={columnLabel}
            />
          </details>
        </>
      )}
    </section>
  );
}
