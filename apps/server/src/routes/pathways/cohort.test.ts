import {
  PATHWAY_COHORT_PAGE_SIZE,
  type TPathwayChecklist,
  type TPathwayStatus,
} from "@runder-tisch/contracts";
import { schema } from "@runder-tisch/db";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { buildCase, buildMember, factories, type Member } from "../../../test/builders.ts";
import { useTestApp } from "../../../test/test-app.ts";

const ctx = useTestApp();

/** A case the immigration office sees, with a § 104c checklist holding these statuses in order. */
async function checkedCase(abh: Member, statuses: TPathwayStatus[], pathwayKey = "aufenthg-104c") {
  const { owner, caseRow } = await buildCase(ctx);
  await factories.grantSharingBasis(ctx.db, {
    caseId: caseRow.id,
    agencyId: abh.agency.id,
    recordedBy: owner.user.id,
  });
  const started = await abh.session.post(`/api/cases/${caseRow.id}/pathways`, { pathwayKey });
  const checklist = started.json() as TPathwayChecklist;
  for (const [index, status] of statuses.entries()) {
    const key = checklist.items[index]?.key;
    const set = await abh.session.put(
      `/api/cases/${caseRow.id}/pathways/${checklist.id}/prerequisites/${key}`,
      { status },
    );
    expect(set.statusCode).toBe(200);
  }
  return { owner, caseRow, checklist };
}

const cohortOf = async (member: Member, query: string) =>
  member.session.get(`/api/pathways/cohort?${query}`);

describe("the immigration office's cohort view", () => {
  it("lists the cases closest to a pathway first, pseudonymously, filtered by met count", async () => {
    const abh = await buildMember(ctx, { kind: "auslaenderbehoerde" });
    const far = await checkedCase(abh, ["met", "not_met", "not_met"]);
    const close = await checkedCase(abh, ["met", "met", "met", "met", "not_met"]);
    const closest = await checkedCase(abh, ["met", "met", "met", "met", "not_applicable"]);
    await checkedCase(abh, ["met", "met", "met"], "aufenthg-25b");

    const response = await cohortOf(abh, "pathway=aufenthg-104c&minMet=3");
    expect(response.statusCode).toBe(200);
    const { entries, total, page, pageSize } = response.json();
    expect({ total, page, pageSize }).toEqual({
      total: 2,
      page: 1,
      pageSize: PATHWAY_COHORT_PAGE_SIZE,
    });
    expect(entries).toEqual([
      expect.objectContaining({
        caseCode: closest.caseRow.code,
        metCount: 4,
        applicableCount: 4,
        notMetCount: 0,
      }),
      expect.objectContaining({
        caseCode: close.caseRow.code,
        metCount: 4,
        applicableCount: 5,
        notMetCount: 1,
      }),
    ]);
    // Case codes and counts only: no summary, no name.
    expect(Object.keys(entries[0]).sort()).toEqual([
      "applicableCount",
      "caseCode",
      "caseId",
      "checklistId",
      "lastChangedAt",
      "metCount",
      "norm",
      "notMetCount",
      "pathwayKey",
      "unclearCount",
    ]);
    const all = (await cohortOf(abh, "minMet=0")).json();
    expect(all.total).toBe(4);
    expect(all.entries.map((entry: { caseCode: string }) => entry.caseCode)).toContain(
      far.caseRow.code,
    );
  });

  it("shows only the cases the office may see, and only open ones", async () => {
    const abh = await buildMember(ctx, { kind: "auslaenderbehoerde" });
    const otherAbh = await buildMember(ctx, { kind: "auslaenderbehoerde" });
    const seen = await checkedCase(abh, ["met"]);
    const hidden = await checkedCase(otherAbh, ["met"]);
    const closed = await checkedCase(abh, ["met"]);
    await ctx.db
      .update(schema.cases)
      .set({ status: "closed", closedAt: new Date() })
      .where(eq(schema.cases.id, closed.caseRow.id));
    const codes = (await cohortOf(abh, "minMet=0"))
      .json()
      .entries.map((entry: { caseCode: string }) => entry.caseCode);
    expect(codes).toContain(seen.caseRow.code);
    expect(codes).not.toContain(hidden.caseRow.code);
    expect(codes).not.toContain(closed.caseRow.code);
  });

  it("pages through the list", async () => {
    const abh = await buildMember(ctx, { kind: "auslaenderbehoerde" });
    await checkedCase(abh, ["met"]);
    const second = await cohortOf(abh, "page=2");
    expect(second.statusCode).toBe(200);
    expect(second.json()).toMatchObject({ entries: [], page: 2, total: 1 });
    expect((await cohortOf(abh, "page=0")).statusCode).toBe(400);
    expect((await cohortOf(abh, "minMet=-1")).statusCode).toBe(400);
  });

  it("is refused to agencies that are not an immigration office", async () => {
    const owner = await buildMember(ctx, { kind: "kim_case_management", role: "coordinator" });
    const response = await cohortOf(owner, "pathway=aufenthg-104c");
    expect(response.statusCode).toBe(403);
    expect(response.json().error.reason).toBe("immigration_office_only");
    expect((await ctx.app.inject({ method: "GET", url: "/api/pathways/cohort" })).statusCode).toBe(
      401,
    );
  });
});
