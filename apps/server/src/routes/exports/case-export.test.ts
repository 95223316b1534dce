import { schema } from "@runder-tisch/db";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { buildMember } from "../../../test/builders.ts";
import { demoLikeCase } from "../../../test/scenarios.ts";
import { useTestApp } from "../../../test/test-app.ts";
import { CASE_TABLE_NAMES, measureCaseFootprint } from "../../domain/retention/case-footprint.ts";

const ctx = useTestApp();

type Export = {
  identity: unknown;
  sharingBases: unknown[];
  secrecyReleases: unknown[];
  conferences: {
    participants: unknown[];
    attendance: unknown[];
    agenda: unknown[];
    obstacles: unknown[];
    document: { updates: unknown[]; snapshots: number };
  }[];
  minutes: unknown[];
  actions: { comments: unknown[]; history: unknown[]; reviews: unknown[] }[];
  disputes: unknown[];
  personalDataOverrides: unknown[];
  pathwayChecklists: { items: { status: string | null }[]; history: unknown[] }[];
  referrals: unknown[];
  internalNotes: unknown[];
  auditEntries: unknown[];
};

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

/** How many rows of each case table the export shows. A new table must be added here. */
const EXPORTED: Record<string, (data: Export) => number> = {
  cases: () => 1,
  identity_records: (data) => (data.identity ? 1 : 0),
  sharing_bases: (data) => data.sharingBases.length,
  secrecy_releases: (data) => data.secrecyReleases.length,
  conferences: (data) => data.conferences.length,
  conference_participants: (data) => sum(data.conferences.map((c) => c.participants.length)),
  conference_attendance: (data) => sum(data.conferences.map((c) => c.attendance.length)),
  agenda_items: (data) => sum(data.conferences.map((c) => c.agenda.length)),
  conference_obstacles: (data) => sum(data.conferences.map((c) => c.obstacles.length)),
  document_updates: (data) => sum(data.conferences.map((c) => c.document.updates.length)),
  document_snapshots: (data) => sum(data.conferences.map((c) => c.document.snapshots)),
  minutes_versions: (data) => data.minutes.length,
  actions: (data) => data.actions.length,
  action_comments: (data) => sum(data.actions.map((a) => a.comments.length)),
  action_events: (data) => sum(data.actions.map((a) => a.history.length)),
  action_reviews: (data) => sum(data.actions.map((a) => a.reviews.length)),
  disputes: (data) => data.disputes.length,
  pathway_checklists: (data) => data.pathwayChecklists.length,
  pathway_statuses: (data) =>
    sum(data.pathwayChecklists.map((c) => c.items.filter((item) => item.status).length)),
  pathway_status_events: (data) => sum(data.pathwayChecklists.map((c) => c.history.length)),
  personal_data_overrides: (data) => data.personalDataOverrides.length,
  referrals: (data) => data.referrals.length,
  internal_notes: (data) => data.internalNotes.length,
  audit_log: (data) => data.auditEntries.length,
};

/**
 * Case tables the export leaves out, each with its reason: messages to staff that name a
 * kind of event, ids and the case code, and hold nothing about the person the export
 * does not already show (they are deleted with the case all the same).
 */
const NOT_EXPORTED: Record<string, string> = {
  notifications: "a staff member's notice that an action or conference exists",
  mail_outbox: "a staff member's mail naming the case code and a link",
};

describe("subject access export (GDPR Art. 15)", () => {
  it("contains every row of every table that refers to the case", async () => {
    const { owner, caseRow, commentId } = await demoLikeCase(ctx);
    const disputed = await owner.session.post(`/api/action-comments/${commentId}/dispute`, {
      reason: "Der Klient bestreitet diese Aussage",
    });
    expect(disputed.statusCode).toBe(201);
    const before = await measureCaseFootprint(ctx.db, caseRow.id);
    const response = await owner.session.get(`/api/cases/${caseRow.id}/export`);
    expect(response.statusCode).toBe(200);
    const data = response.json();
    for (const table of CASE_TABLE_NAMES) {
      if (NOT_EXPORTED[table]) continue;
      const count = EXPORTED[table];
      expect(count, `the export has no section for ${table}`).toBeDefined();
      expect(before[table], `the demo case fills ${table}`).toBeGreaterThan(0);
      expect(count?.(data), table).toBe(before[table]);
    }
    expect(data.identity).toMatchObject({ name: "Mamadou Camara", dateOfBirth: "1999-04-03" });
    expect(data.case).toMatchObject({ id: caseRow.id, code: caseRow.code, disputed: null });
    const comment = data.actions.flatMap((a: Export["actions"][number]) => a.comments)[0];
    expect(comment.disputed).toMatchObject({ reason: "Der Klient bestreitet diese Aussage" });
    expect(data.conferences[0].document.notes).toContain("Deutsch auf A2");
    const [audited] = await ctx.db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.caseId, caseRow.id), eq(schema.auditLog.action, "export")));
    expect(audited).toMatchObject({ targetType: "case", agencyId: owner.agency.id });
  });

  it("renders the same as a readable German HTML page", async () => {
    const { owner, caseRow } = await demoLikeCase(ctx);
    const response = await owner.session.get(`/api/cases/${caseRow.id}/export?format=html`);
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toContain("text/html");
    expect(response.body).toContain('<html lang="de">');
    expect(response.body).toContain(caseRow.code);
    expect(response.body).toContain("Mamadou Camara");
    expect(response.body).toContain("Protokoll der Zugriffe");
    expect(response.body).toContain("Mobilität: Kein Bus zum Abendkurs");
    expect((await owner.session.get(`/api/cases/${caseRow.id}/export?format=xml`)).statusCode).toBe(
      400,
    );
  });

  it("is for the owning agency only", async () => {
    const { abh, caseRow } = await demoLikeCase(ctx);
    const outsider = await buildMember(ctx);
    const url = `/api/cases/${caseRow.id}/export`;
    for (const session of [abh.session, outsider.session]) {
      const response = await session.get(url);
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe("not_found");
    }
    expect((await ctx.app.inject({ method: "GET", url })).statusCode).toBe(401);
  });
});
