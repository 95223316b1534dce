import type { TEvaluationResponse, TEvaluationTable } from "@runder-tisch/contracts";
import { describe, expect, it } from "vitest";
import { renderEvaluationCsv } from "./render-evaluation-csv.ts";

const table = (
  rows: string[],
  columns: string[],
  cells: (number | null)[][],
): TEvaluationTable => ({
  rows,
  columns,
  cells,
  rowTotals: cells.map(() => null),
  columnTotals: columns.map(() => 10),
  total: 10,
});

const evaluation = (agencyName: string): TEvaluationResponse => ({
  from: "2024-01",
  to: "2024-01",
  agencyId: null,
  theme: null,
  k: 7,
  includesDeletedCases: false,
  conferencesPerMonth: table(["2024-01"], ["conferences"], [[0]]),
  casesPerTheme: table(["work"], ["cases"], [[null]]),
  actionsPerAgencyAndStatus: table([agencyName], ["open", "done"], [[null, 12]]),
  conferencesPerCase: table(["1"], ["cases"], [[0]]),
  pathwayOutcomes: table(["Aufenthalt nach § 104c"], ["all_met", "open"], [[null, 9]]),
  medianDaysToDone: { value: null, basedOn: null },
  overdueRate: { value: 0.25, basedOn: 8 },
  notPossibleShare: { value: null, basedOn: 0 },
});

describe("the evaluation as CSV", () => {
  it("writes withheld counts with the threshold in force, never as a number", () => {
    const lines = renderEvaluationCsv(evaluation("Jobcenter")).trim().split("\r\n");
    expect(lines).toContain("cases_per_theme,work,cases,<7");
    expect(lines).toContain("actions_per_agency_and_status,Jobcenter,open,<7");
    expect(lines).toContain("actions_per_agency_and_status,Jobcenter,total,<7");
    expect(lines).toContain("overdue_rate,,value,0.25");
    expect(lines).toContain("median_days_to_done,,based_on,<7");
    expect(lines).toContain("pathway_outcomes,Aufenthalt nach § 104c,all_met,<7");
  });

  it("quotes commas and keeps a name a spreadsheet would run as a formula inert", () => {
    const csv = renderEvaluationCsv(evaluation('=HYPERLINK("x"),1'));
    expect(csv).toContain(`actions_per_agency_and_status,"'=HYPERLINK(""x""),1",done,12`);
  });
});
