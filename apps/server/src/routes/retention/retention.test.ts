import { schema } from "@runder-tisch/db";
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { buildMember, factories } from "../../../test/builders.ts";
import { demoLikeCase } from "../../../test/scenarios.ts";
import { useTestApp } from "../../../test/test-app.ts";
import {
  CASE_TABLE_NAMES,
  measureCaseFootprint,
  SCHEMA_TABLE_NAMES,
} from "../../domain/retention/case-footprint.ts";
import { runRetention } from "../../domain/retention/run-retention.ts";

const ctx = useTestApp();

const RULES = { closedCaseDays: 1_095, endedSessionDays: 30 };
const DAY = 86_400_000;
/** Tables that hold no case data at all; a new table must be added here or be found as case data. */
const NOT_CASE_DATA = [
  "access_version",
  "action_plan_versions",
  "agenda_template_items",
  "agencies",
  "calendar_feeds",
  "case_code_counters",
  "evaluation_counts",
  "external_identities",
  "jobs",
  "mail_preferences",
  "notification_settings",
  "pending_sign_ins",
  "pathway_template_editors",
  "pathway_templates",
  "provider_agencies",
  "recovery_codes",
  "sessions",
  "sign_in_throttles",
  "steering_decisions",
  "steering_group_members",
  "steering_topics",
  "systemic_actions",
  "themes",
  "users",
  "working_group_meetings",
  "working_group_members",
  "working_group_topics",
  "working_groups",
];

async function closeCase(caseId: string, daysAgo: number) {
  await ctx.db
    .update(schema.cases)
    .set({ status: "closed", closedAt: new Date(Date.now() - daysAgo * DAY) })
    .where(eq(schema.cases.id, caseId));
}

/** Rows whose text form mentions the value anywhere, in any column, of one table. */
async function rowsMentioning(table: string, value: string) {
  const result = (await ctx.db.execute(
    sql`select count(*)::int as n from ${sql.raw(`"${table}"`)} as r where r::text like ${`%${value}%`}`,
  )) as unknown as { rows: { n: number }[] };
  return Number(result.rows[0]?.n ?? 0);
}

async function evaluationCount(year: number, theme: string) {
  const [row] = await ctx.db
    .select()
    .from(schema.evaluationCounts)
    .where(
      and(
        eq(schema.evaluationCounts.year, year),
        eq(schema.evaluationCounts.theme, theme),
        eq(schema.evaluationCounts.agencyKind, "kim_case_management"),
      ),
    );
  return row ?? { cases: 0, conferences: 0, actions: 0, actionsDone: 0 };
}

describe("retention", () => {
  it("deletes an expired case completely and keeps only anonymous counts", async () => {
    const { caseRow, conference, minutesId } = await demoLikeCase(ctx);
    await closeCase(caseRow.id, 1_100);
    const year = new Date(Date.now() - 1_100 * DAY).getUTCFullYear();
    const countsBefore = await evaluationCount(year, "mobility");
    const report = await runRetention(ctx.db, new Date(), RULES);
    expect(report.deletedCaseIds).toContain(caseRow.id);

    const footprint = await measureCaseFootprint(ctx.db, caseRow.id);
    for (const table of SCHEMA_TABLE_NAMES) {
      if (table === "audit_log") continue;
      if (CASE_TABLE_NAMES.includes(table)) {
        expect(footprint[table], `${table} keeps rows of the case`).toBe(0);
      } else {
        expect(NOT_CASE_DATA, `${table} is neither case data nor declared otherwise`).toContain(
          table,
        );
      }
      for (const value of [caseRow.id, caseRow.code, conference.id, minutesId]) {
        expect(await rowsMentioning(table, value), `${table} mentions ${value}`).toBe(0);
      }
    }
    // The audit trail keeps its pseudonymous rows (ids only) and records the deletion.
    const [deletion] = await ctx.db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.caseId, caseRow.id), eq(schema.auditLog.action, "delete")));
    expect(deletion).toMatchObject({ targetType: "case", detail: { by: "retention" } });
    expect(await rowsMentioning("audit_log", caseRow.code)).toBe(0);
    expect(await rowsMentioning("audit_log", "Mamadou")).toBe(0);

    const countsAfter = await evaluationCount(year, "mobility");
    expect(countsAfter.cases - countsBefore.cases).toBe(1);
    expect(countsAfter.conferences - countsBefore.conferences).toBe(1);
    expect(countsAfter.actions - countsBefore.actions).toBe(2);
  });

  it("keeps open cases and cases whose period has not run out", async () => {
    const owner = await buildMember(ctx);
    const open = await factories.createCase(ctx.db, { ownerAgencyId: owner.agency.id });
    const recent = await factories.createCase(ctx.db, { ownerAgencyId: owner.agency.id });
    await closeCase(recent.id, 1_000);
    const report = await runRetention(ctx.db, new Date(), RULES);
    expect(report.deletedCaseIds).not.toContain(open.id);
    expect(report.deletedCaseIds).not.toContain(recent.id);
    const later = await runRetention(ctx.db, new Date(Date.now() + 100 * DAY), RULES);
    expect(later.deletedCaseIds).toContain(recent.id);
    expect(later.deletedCaseIds).not.toContain(open.id);
  });

  it("skips and reports a case under a dispute mark until the mark is lifted", async () => {
    const { owner, caseRow, minutesId } = await demoLikeCase(ctx);
    const marked = await owner.session.post(`/api/minutes/${minutesId}/dispute`, {
      reason: "Die Angaben zum Sprachstand sind falsch",
    });
    expect(marked.statusCode).toBe(201);
    await closeCase(caseRow.id, 1_200);
    const report = await runRetention(ctx.db, new Date(), RULES);
    expect(report.deletedCaseIds).not.toContain(caseRow.id);
    expect(report.skipped).toContainEqual({
      caseId: caseRow.id,
      reason: "disputed",
      disputeIds: [marked.json().id],
    });
    expect((await measureCaseFootprint(ctx.db, caseRow.id)).cases).toBe(1);
    const [refusal] = await ctx.db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.caseId, caseRow.id), eq(schema.auditLog.action, "denied")));
    expect(refusal?.detail).toMatchObject({ by: "retention", reason: "disputed" });

    const lifted = await owner.session.post(`/api/minutes/${minutesId}/dispute/lift`, {});
    expect(lifted.statusCode).toBe(200);
    const next = await runRetention(ctx.db, new Date(), RULES);
    expect(next.deletedCaseIds).toContain(caseRow.id);
  });

  it("removes sessions that ended more than the period ago", async () => {
    const { user } = await buildMember(ctx);
    const old = new Date(Date.now() - 40 * DAY);
    await ctx.db.insert(schema.sessions).values({
      tokenHash: `retention-test-${user.id}`,
      userId: user.id,
      csrfToken: "x",
      expiresAt: old,
    });
    const report = await runRetention(ctx.db, new Date(), RULES);
    expect(report.deletedSessions).toBeGreaterThanOrEqual(1);
    const left = await ctx.db
      .select()
      .from(schema.sessions)
      .where(eq(schema.sessions.tokenHash, `retention-test-${user.id}`));
    expect(left).toEqual([]);
  });

  it("lets only the platform admin see the rules and run the job by hand", async () => {
    const admin = await buildMember(ctx, { role: "platform_admin" });
    const coordinator = await buildMember(ctx, { role: "coordinator" });
    const rules = await admin.session.get("/api/admin/retention/rules");
    expect(rules.json()).toMatchObject({ closedCaseDays: 1_095, endedSessionDays: 30 });
    const run = await admin.session.post("/api/admin/retention/run", {});
    expect(run.statusCode).toBe(200);
    expect(run.json()).toMatchObject({
      deletedCaseIds: expect.any(Array),
      skipped: expect.any(Array),
    });
    for (const url of ["/api/admin/retention/rules", "/api/admin/retention/run"]) {
      const method = url.endsWith("run") ? "POST" : "GET";
      expect((await coordinator.session.request({ method, url, payload: {} })).statusCode).toBe(
        403,
      );
      expect((await ctx.app.inject({ method, url, payload: {} })).statusCode).toBe(401);
    }
  });
});
