import type { TEvaluationResponse, TEvaluationTable } from "@runder-tisch/contracts";

/**
 * The evaluation as CSV (RFC 4180, comma-separated, UTF-8), one value per line so every
 * table fits one header: figure, row, column, value. A withheld count is written as
 * `<k` (e.g. `<5`), never as a number; totals are rows or columns named `total`.
 */
export function renderEvaluationCsv(evaluation: TEvaluationResponse): string {
  const withheld = `<${evaluation.k}`;
  const lines: string[][] = [["figure", "row", "column", "value"]];
  const count = (value: number | null) => (value === null ? withheld : String(value));
  const tables: [string, TEvaluationTable][] = [
    ["conferences_per_month", evaluation.conferencesPerMonth],
    ["cases_per_theme", evaluation.casesPerTheme],
    ["actions_per_agency_and_status", evaluation.actionsPerAgencyAndStatus],
    ["conferences_per_case", evaluation.conferencesPerCase],
    ["pathway_outcomes", evaluation.pathwayOutcomes],
  ];
  for (const [figure, table] of tables) {
    table.rows.forEach((row, rowIndex) => {
      table.columns.forEach((column, columnIndex) => {
        lines.push([figure, row, column, count(table.cells[rowIndex]?.[columnIndex] ?? null)]);
      });
      if (table.columns.length > 1) {
        lines.push([figure, row, "total", count(table.rowTotals[rowIndex] ?? null)]);
      }
    });
    table.columns.forEach((column, columnIndex) => {
      lines.push([figure, "total", column, count(table.columnTotals[columnIndex] ?? null)]);
    });
    if (table.columns.length > 1) lines.push([figure, "total", "total", count(table.total)]);
  }
  const figures = [
    ["median_days_to_done", evaluation.medianDaysToDone],
    ["overdue_rate", evaluation.overdueRate],
    ["not_possible_share", evaluation.notPossibleShare],
  ] as const;
  for (const [figure, { value, basedOn }] of figures) {
    lines.push([figure, "", "value", value === null ? withheld : String(value)]);
    lines.push([figure, "", "based_on", count(basedOn)]);
  }
  return `${lines.map((line) => line.map(csvField).join(",")).join("\r\n")}\r\n`;
}

/**
 * One field, quoted when it must be. A field that a spreadsheet would read as a formula
 * (an agency named "=...") gets a leading apostrophe, so opening the file runs nothing.
 */
function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) && !/^-?\d+(\.\d+)?$/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
