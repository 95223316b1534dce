import type {
  TCaseTheme,
  TEvaluationResponse,
  TPathwayChecklist,
  TPathwayStatus,
} from "@runder-tisch/contracts";
import { schema } from "@runder-tisch/db";
import { and, desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { buildCase, buildMember, factories, type Member } from "../../../test/builders.ts";
import { useTestApp } from "../../../test/test-app.ts";

const ctx = useTestApp();

const day = (iso: string) => new Date(`${iso}T10:00:00Z`);
const DAY_MS = 86_400_000;

/**
 * One agency's first half of 2024, built so that some counts are small: 9 cases (work 9,
 * language 6, mobility 3), 14 conferences held (February 7, March 2, May 5) plus one
 * planned and one cancelled, 9 actions (6 done, 2 open, 1 cancelled), 6 reviews.
 */
async function buildHalfYear(): Promise<{ coordinator: Member }> {
  const coordinator = await buildMember(ctx, { role: "coordinator", kind: "kim_case_management" });
  const agencyId = coordinator.agency.id;
  const themes: TCaseTheme[][] = [
    ...Array.from({ length: 6 }, (): TCaseTheme[] => ["work", "language"]),
    ...Array.from({ length: 3 }, (): TCaseTheme[] => ["work", "mobility"]),
  ];
  const cases: schema.CaseRow[] = [];
  for (const caseThemes of themes) {
    cases.push(
      await factories.createCase(ctx.db, {
        ownerAgencyId: agencyId,
        themes: caseThemes,
        createdAt: day("2024-02-01"),
      }),
    );
  }
  // Cases 0-4 have one conference, 5-7 two, 8 three: 5 + 6 + 3 = 14.
  const caseOfConference = [0, 1, 2, 3, 4, 5, 5, 6, 6, 7, 7, 8, 8, 8];
  const monthOfConference = [
    ...Array.from({ length: 7 }, () => "2024-02-15"),
    ...Array.from({ length: 2 }, () => "2024-03-15"),
    ...Array.from({ length: 5 }, () => "2024-05-15"),
  ];
  const conferences = [];
  for (const [index, caseIndex] of caseOfConference.entries()) {
    conferences.push(
      await factories.createConference(ctx.db, {
        caseId: cases[caseIndex]?.id as string,
        scheduledAt: day(monthOfConference[index] as string),
        status: "finalised",
      }),
    );
  }
  await factories.createConference(ctx.db, {
    caseId: cases[0]?.id as string,
    scheduledAt: day("2024-04-15"),
    status: "planned",
  });
  await factories.createConference(ctx.db, {
    caseId: cases[1]?.id as string,
    scheduledAt: day("2024-04-16"),
    status: "cancelled",
  });

  const created = day("2024-03-01");
  const action = (values: Partial<typeof schema.actions.$inferInsert>) =>
    factories.createAction(ctx.db, {
      caseId: cases[0]?.id as string,
      responsibleAgencyId: agencyId,
      createdAt: created,
      ...values,
    });
  // Done after 1, 2, 3, 4, 5 and 10 days (median 3.5), due on day 4: two were late.
  const done = [];
  for (const days of [1, 2, 3, 4, 5, 10]) {
    done.push(
      await action({
        status: "done",
        dueDate: "2024-03-05",
        statusChangedAt: new Date(created.getTime() + days * DAY_MS),
      }),
    );
  }
  // Both open ones are past their due date; the cancelled one does not count as late.
  await action({ status: "open", dueDate: "2024-04-01" });
  await action({ status: "open", dueDate: "2024-04-01" });
  await action({ status: "cancelled", dueDate: "2024-04-01" });

  const outcomes = ["not_possible", "not_possible", "done", "done", "done", "in_progress"] as const;
  for (const [index, outcome] of outcomes.entries()) {
    await ctx.db.insert(schema.actionReviews).values({
      conferenceId: conferences[13]?.id as string,
      actionId: done[index]?.id as string,
      outcome,
      reviewedBy: coordinator.user.id,
      agencyId,
      reviewedAt: day("2024-05-15"),
    });
  }
  return { coordinator };
}

let halfYear: { coordinator: Member };
beforeAll(async () => {
  halfYear = await buildHalfYear();
});

const evaluationOf = async (member: Member, query: string) =>
  member.session.get(`/api/evaluation?${query}`);

const ofAgency = () => `from=2024-01&to=2024-06&agencyId=${halfYear.coordinator.agency.id}`;

describe("the evaluation", () => {
  it("counts conferences per month, withholding a small month and the one that gives it away", async () => {
    const response = await evaluationOf(halfYear.coordinator, ofAgency());
    expect(response.statusCode).toBe(200);
    const evaluation = response.json() as TEvaluationResponse;
    expect(evaluation.k).toBe(5);
    expect(evaluation.conferencesPerMonth.rows).toEqual([
      "2024-01",
      "2024-02",
      "2024-03",
      "2024-04",
      "2024-05",
      "2024-06",
    ]);
    // March (2) is small; May (5) is withheld too, or the total would give March away.
    expect(evaluation.conferencesPerMonth.cells).toEqual([[0], [7], [null], [0], [null], [0]]);
    expect(evaluation.conferencesPerMonth.columnTotals).toEqual([14]);
  });

  it("counts cases per theme and conferences per case under the same rule", async () => {
    const evaluation = (await evaluationOf(halfYear.coordinator, ofAgency())).json();
    const perTheme = Object.fromEntries(
      evaluation.casesPerTheme.rows.map((theme: string, index: number) => [
        theme,
        evaluation.casesPerTheme.cells[index][0],
      ]),
    );
    expect(perTheme).toMatchObject({ work: 9, language: null, mobility: null, housing: 0 });
    expect(evaluation.casesPerTheme.total).toBe(18);
    expect(evaluation.includesDeletedCases).toBe(false);
    // 1 conference: 5 cases; 2: 3 cases; 3: 1 case. Both small buckets are withheld.
    expect(evaluation.conferencesPerCase.cells).toEqual([[5], [null], [null], [0]]);
    expect(evaluation.conferencesPerCase.columnTotals).toEqual([9]);
  });

  it("counts actions per agency and status, and the median, overdue rate and not-possible share", async () => {
    const evaluation = (await evaluationOf(halfYear.coordinator, ofAgency())).json();
    expect(evaluation.actionsPerAgencyAndStatus).toMatchObject({
      rows: [halfYear.coordinator.agency.name],
      columns: ["open", "in_progress", "done", "cancelled"],
      cells: [[null, 0, 6, null]],
      rowTotals: [9],
      columnTotals: [null, 0, 6, null],
      total: 9,
    });
    expect(evaluation.medianDaysToDone).toEqual({ value: 3.5, basedOn: 6 });
    // Due and past: 8 (6 done, 2 open); late: the two done after day 4 and both open ones.
    expect(evaluation.overdueRate).toEqual({ value: 0.5, basedOn: 8 });
    expect(evaluation.notPossibleShare).toEqual({ value: 0.333, basedOn: 6 });
  });

  it("withholds a median or rate resting on fewer than k items, with a higher k asked for", async () => {
    const evaluation = (await evaluationOf(halfYear.coordinator, `${ofAgency()}&k=7`)).json();
    expect(evaluation.k).toBe(7);
    expect(evaluation.medianDaysToDone).toEqual({ value: null, basedOn: null });
    expect(evaluation.notPossibleShare).toEqual({ value: null, basedOn: null });
    expect(evaluation.overdueRate).toEqual({ value: 0.5, basedOn: 8 });
    expect(evaluation.conferencesPerMonth.cells[1]).toEqual([7]);
  });

  it("applies the same rule to one agency and one theme together", async () => {
    const evaluation = (
      await evaluationOf(halfYear.coordinator, `${ofAgency()}&theme=mobility`)
    ).json();
    // The three mobility cases had 2 + 2 + 3 conferences: every count of them is small.
    expect(evaluation.conferencesPerCase.columnTotals).toEqual([null]);
    expect(evaluation.conferencesPerMonth.columnTotals).toEqual([7]);
    // Three cases naming work and mobility: both rows small, their sum (6) is not.
    const row = (theme: string) => evaluation.casesPerTheme.rows.indexOf(theme);
    expect(evaluation.casesPerTheme.cells[row("mobility")]).toEqual([null]);
    expect(evaluation.casesPerTheme.cells[row("work")]).toEqual([null]);
    expect(evaluation.casesPerTheme.cells[row("language")]).toEqual([0]);
    expect(evaluation.casesPerTheme.total).toBe(6);
  });

  it("adds deleted cases from the yearly counts for whole years of the whole Kreis only", async () => {
    await ctx.db.insert(schema.evaluationCounts).values([
      { year: 2011, theme: "work", agencyKind: "jobcenter", cases: 20, conferences: 30 },
      { year: 2011, theme: "housing", agencyKind: "jobcenter", cases: 2, conferences: 2 },
    ]);
    const whole = (await evaluationOf(halfYear.coordinator, "from=2011-01&to=2011-12")).json();
    expect(whole.includesDeletedCases).toBe(true);
    const work = whole.casesPerTheme.rows.indexOf("work");
    const housing = whole.casesPerTheme.rows.indexOf("housing");
    expect(whole.casesPerTheme.cells[work]).toEqual([null]);
    expect(whole.casesPerTheme.cells[housing]).toEqual([null]);

    const partYear = (await evaluationOf(halfYear.coordinator, "from=2011-02&to=2011-12")).json();
    expect(partYear.includesDeletedCases).toBe(false);
    const oneAgency = (
      await evaluationOf(
        halfYear.coordinator,
        `from=2011-01&to=2011-12&agencyId=${halfYear.coordinator.agency.id}`,
      )
    ).json();
    expect(oneAgency.includesDeletedCases).toBe(false);
  });

  it("is open to the platform admin and refused to members with coordinator_only", async () => {
    const admin = await buildMember(ctx, { role: "platform_admin" });
    expect((await evaluationOf(admin, ofAgency())).statusCode).toBe(200);
    const member = await buildMember(ctx, { agency: halfYear.coordinator.agency });
    for (const path of ["/api/evaluation", "/api/evaluation.csv"]) {
      const refused = await member.session.get(`${path}?${ofAgency()}`);
      expect(refused.statusCode).toBe(403);
      expect(refused.json().error.reason).toBe("coordinator_only");
    }
    const [denial] = await ctx.db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.userId, member.user.id), eq(schema.auditLog.action, "denied")))
      .orderBy(desc(schema.auditLog.id))
      .limit(1);
    expect(denial?.targetType).toBe("evaluation");
  });

  it.each([
    ["from=2024-06&to=2024-01", 400, "period_ends_before_start"],
    ["from=2019-01&to=2024-02", 400, "period_too_long"],
    ["from=2024-13&to=2024-12", 400, "invalid_format"],
    ["from=2024-01-01&to=2024-02", 400, "invalid_format"],
    ["from=2024-01", 400, "required"],
    ["from=2024-01&to=2024-02&theme=weather", 400, "invalid_choice"],
    ["from=2024-01&to=2024-02&k=3", 422, "too_small"],
    [
      `from=2024-01&to=2024-02&agencyId=${"0".repeat(8)}-0000-4000-8000-${"0".repeat(12)}`,
      422,
      "agency_unknown",
    ],
  ])("refuses %s with %i and %s", async (query, status, reason) => {
    const response = await evaluationOf(halfYear.coordinator, query);
    expect(response.statusCode).toBe(status);
    expect(response.json().error.reason).toBe(reason);
  });

  it("names the least k when a request asks for less", async () => {
    const response = await evaluationOf(halfYear.coordinator, "from=2024-01&to=2024-02&k=4");
    expect(response.json().error.details.problems).toEqual([
      expect.objectContaining({ where: "querystring", path: "/k", reason: "too_small", limit: 5 }),
    ]);
  });

  it("exports the same tables as CSV, withheld counts written as <5, and audits the export", async () => {
    const response = await halfYear.coordinator.session.get(`/api/evaluation.csv?${ofAgency()}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(response.headers["content-disposition"]).toContain("Auswertung-2024-01-bis-2024-06.csv");
    const lines = response.body.trim().split("\r\n");
    expect(lines[0]).toBe("figure,row,column,value");
    expect(lines).toContain("conferences_per_month,2024-02,conferences,7");
    expect(lines).toContain("conferences_per_month,2024-03,conferences,<5");
    expect(lines).toContain("conferences_per_month,total,conferences,14");
    expect(lines).toContain("cases_per_theme,mobility,cases,<5");
    expect(lines).toContain("median_days_to_done,,value,3.5");
    expect(lines.some((line) => /,[1-4]$/.test(line))).toBe(false);

    const [exported] = await ctx.db
      .select()
      .from(schema.auditLog)
      .where(
        and(
          eq(schema.auditLog.userId, halfYear.coordinator.user.id),
          eq(schema.auditLog.action, "export"),
        ),
      );
    expect(exported).toMatchObject({ targetType: "evaluation" });
    expect(exported?.detail).toMatchObject({ format: "csv", from: "2024-01", k: 5 });
  });
});

describe("pathway outcomes in the evaluation", () => {
  it("counts where the checklists stand per pathway, withholding the small ones", async () => {
    const abh = await buildMember(ctx, { kind: "auslaenderbehoerde" });
    const owner = await buildMember(ctx, { role: "coordinator", kind: "kim_case_management" });
    let title = "";
    /** A case of the owner's agency with a § 104c checklist, every prerequisite set to `status`. */
    const checklist = async (status: TPathwayStatus | null) => {
      const { caseRow } = await buildCase(ctx, { owner });
      await factories.grantSharingBasis(ctx.db, {
        caseId: caseRow.id,
        agencyId: abh.agency.id,
        recordedBy: owner.user.id,
      });
      const started = await abh.session.post(`/api/cases/${caseRow.id}/pathways`, {
        pathwayKey: "aufenthg-104c",
      });
      const { id, items, titleDe } = started.json() as TPathwayChecklist;
      title = titleDe;
      if (!status) return;
      for (const [index, item] of items.entries()) {
        // One not-met prerequisite is enough; the others stay met.
        const set = status === "not_met" && index > 0 ? "met" : status;
        const url = `/api/cases/${caseRow.id}/pathways/${id}/prerequisites/${item.key}`;
        expect((await abh.session.put(url, { status: set })).statusCode).toBe(200);
      }
    };
    for (let i = 0; i < 6; i++) await checklist("met");
    for (let i = 0; i < 2; i++) await checklist("not_met");
    for (let i = 0; i < 5; i++) await checklist(null);

    const month = new Date().toISOString().slice(0, 7);
    const evaluation = (
      await evaluationOf(owner, `from=${month}&to=${month}&agencyId=${owner.agency.id}`)
    ).json() as TEvaluationResponse;
    const outcomes = evaluation.pathwayOutcomes;
    expect(outcomes.rows).toEqual([title]);
    expect(outcomes.columns).toEqual(["all_met", "some_not_met", "open"]);
    const [row] = outcomes.cells as (number | null)[][];
    expect(row?.[1]).toBeNull();
    // The two not met must not be recoverable from the row's total and the other cells.
    const published = [...(row ?? []), outcomes.rowTotals[0] ?? null];
    expect(published.filter((value) => value === null).length).toBeGreaterThanOrEqual(2);
    for (const value of published) if (value !== null) expect(value === 0 || value >= 5).toBe(true);
    expect(outcomes.total).toBe(13);
  });
});
