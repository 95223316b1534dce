import {
  ACTION_STATUSES,
  CASE_THEMES,
  PATHWAY_OUTCOMES,
  type TCaseTheme,
  type TEvaluationFilters,
  type TEvaluationResponse,
} from "@runder-tisch/contracts";
import { suppressFigure, suppressTable } from "../../domain/evaluation/suppress.ts";
import { type EvaluationCounts, monthStart } from "./count-evaluation.ts";

/** Buckets of the conferences a case had in the period; the last one is open-ended. */
export const CONFERENCES_PER_CASE_BUCKETS = ["1", "2", "3", "4+"] as const;

/**
 * What of the counts leaves the server: every table through small-count protection
 * with threshold k, every median and rate only when it rests on at least k items.
 * The themes are the catalogue's active ones (`themeKeys`), then any other with cases.
 */
export function presentEvaluation(
  counts: EvaluationCounts,
  filters: TEvaluationFilters,
  k: number,
  themeKeys: readonly TCaseTheme[] = CASE_THEMES,
): TEvaluationResponse {
  const months = monthsOf(filters.from, filters.to);
  const themes = new Map<string, number>(themeKeys.map((theme) => [theme, 0]));
  for (const source of [counts.casesPerTheme, counts.deletedCasesPerTheme ?? new Map()]) {
    for (const [theme, count] of source) themes.set(theme, (themes.get(theme) ?? 0) + count);
  }
  const agencies = [...new Set(counts.actionsPerAgency.map((row) => row.agency))].sort((a, b) =>
    a.localeCompare(b, "de"),
  );
  const perCase = CONFERENCES_PER_CASE_BUCKETS.map(
    (_, index) =>
      counts.conferencesPerCase.filter((count) =>
        index === CONFERENCES_PER_CASE_BUCKETS.length - 1 ? count > index : count === index + 1,
      ).length,
  );
  return {
    from: filters.from,
    to: filters.to,
    agencyId: filters.agencyId ?? null,
    theme: filters.theme ?? null,
    k,
    includesDeletedCases: counts.deletedCasesPerTheme !== null,
    conferencesPerMonth: suppressTable(
      {
        rows: months,
        columns: ["conferences"],
        cells: months.map((month) => [counts.conferencesPerMonth.get(month) ?? 0]),
      },
      k,
    ),
    casesPerTheme: suppressTable(
      { rows: [...themes.keys()], columns: ["cases"], cells: [...themes.values()].map((n) => [n]) },
      k,
    ),
    actionsPerAgencyAndStatus: suppressTable(
      {
        rows: agencies,
        columns: [...ACTION_STATUSES],
        cells: agencies.map((agency) =>
          ACTION_STATUSES.map(
            (status) =>
              counts.actionsPerAgency.find((row) => row.agency === agency && row.status === status)
                ?.count ?? 0,
          ),
        ),
      },
      k,
    ),
    conferencesPerCase: suppressTable(
      {
        rows: [...CONFERENCES_PER_CASE_BUCKETS],
        columns: ["cases"],
        cells: perCase.map((n) => [n]),
      },
      k,
    ),
    pathwayOutcomes: suppressTable(pathwayOutcomeTable(counts.pathwayChecklists), k),
    medianDaysToDone: suppressFigure(
      round(counts.daysToDone.median, 1),
      counts.daysToDone.count,
      k,
    ),
    overdueRate: suppressFigure(
      share(counts.overdue.overdue, counts.overdue.count),
      counts.overdue.count,
      k,
    ),
    notPossibleShare: suppressFigure(
      share(counts.reviews.notPossible, counts.reviews.count),
      counts.reviews.count,
      k,
    ),
  };
}

/** Pathways by title (German order), each with how many of its checklists stand where. */
function pathwayOutcomeTable(checklists: EvaluationCounts["pathwayChecklists"]) {
  const pathways = [...new Set(checklists.map((entry) => entry.pathway))].sort((a, b) =>
    a.localeCompare(b, "de"),
  );
  return {
    rows: pathways,
    columns: [...PATHWAY_OUTCOMES],
    cells: pathways.map((pathway) =>
      PATHWAY_OUTCOMES.map(
        (outcome) =>
          checklists.filter((entry) => entry.pathway === pathway && entry.outcome === outcome)
            .length,
      ),
    ),
  };
}

function monthsOf(from: string, to: string): string[] {
  const months: string[] = [];
  for (let index = 0; monthStart(from, index) < monthStart(to, 1); index += 1) {
    months.push(monthStart(from, index).toISOString().slice(0, 7));
  }
  return months;
}

const round = (value: number | null, digits: number) =>
  value === null ? null : Number(value.toFixed(digits));

const share = (part: number, whole: number) => (whole === 0 ? null : round(part / whole, 3));
