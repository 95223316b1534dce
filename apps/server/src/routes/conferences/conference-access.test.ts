import { schema } from "@runder-tisch/db";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  buildConferenceScenario,
  buildMember,
  buildSharedCase,
  factories,
  type Member,
} from "../../../test/builders.ts";
import { useTestApp } from "../../../test/test-app.ts";
import { instantInDays } from "../../../test/time.ts";

const ctx = useTestApp();

/** Every conference route, with a body that would pass validation. */
function everyRoute(caseId: string, conferenceId: string) {
  return [
    { method: "GET", url: `/api/cases/${caseId}/conferences` },
    {
      method: "POST",
      url: `/api/cases/${caseId}/conferences`,
      payload: { title: "Fallkonferenz", scheduledAt: instantInDays(1) },
    },
    { method: "GET", url: `/api/conferences/${conferenceId}` },
    { method: "PATCH", url: `/api/conferences/${conferenceId}`, payload: { title: "Anders" } },
    { method: "POST", url: `/api/conferences/${conferenceId}/status`, payload: { status: "live" } },
  ] as const;
}

async function expectHiddenFrom(outsider: Member, caseId: string, conferenceId: string) {
  for (const route of everyRoute(caseId, conferenceId)) {
    const response = await outsider.session.request({ ...route });
    expect(response.statusCode, `${route.method} ${route.url}`).toBe(404);
    expect(response.json().error.code).toBe("not_found");
  }
  const upcoming = (await outsider.session.get("/api/conferences/upcoming")).json();
  expect(upcoming.conferences.map((c: { id: string }) => c.id)).not.toContain(conferenceId);
}

async function invitedConference(basis: { validUntil?: string; revokedAt?: Date }) {
  const scenario = await buildConferenceScenario(ctx, { basis, outsiderHasBasis: false });
  return { ...scenario, invited: scenario.partner };
}

describe("conference access", () => {
  it("hides conferences from an agency with no part in the case", async () => {
    const { caseRow } = await buildSharedCase(ctx, {
      partners: 0,
      ownerKind: "kim_case_management",
    });
    const conference = await factories.createConference(ctx.db, { caseId: caseRow.id });
    const outsider = await buildMember(ctx);
    await expectHiddenFrom(outsider, caseRow.id, conference.id);
    const denied = await ctx.db
      .select({ id: schema.auditLog.id })
      .from(schema.auditLog)
      .where(
        and(
          eq(schema.auditLog.action, "denied"),
          eq(schema.auditLog.targetType, "conference"),
          eq(schema.auditLog.targetId, conference.id),
          eq(schema.auditLog.agencyId, outsider.agency.id),
        ),
      );
    expect(denied).toHaveLength(3);
  });

  it("hides it from an invited agency whose basis was revoked", async () => {
    const { caseRow, invited, conference } = await invitedConference({ revokedAt: new Date() });
    await expectHiddenFrom(invited, caseRow.id, conference.id);
  });

  it("hides it from an invited agency whose basis expired", async () => {
    const { caseRow, invited, conference } = await invitedConference({ validUntil: "2020-12-31" });
    await expectHiddenFrom(invited, caseRow.id, conference.id);
  });

  it("hides it from an agency that sees the case but was not invited", async () => {
    const { caseRow, partners } = await buildSharedCase(ctx, {
      partners: 1,
      ownerKind: "kim_case_management",
    });
    const conference = await factories.createConference(ctx.db, { caseId: caseRow.id });
    const partner = partners[0];
    if (!partner) throw new Error("partner missing");
    expect((await partner.session.get(`/api/conferences/${conference.id}`)).statusCode).toBe(404);
    const listed = (await partner.session.get(`/api/cases/${caseRow.id}/conferences`)).json();
    expect(listed.conferences).toEqual([]);
  });

  it("asks anonymous callers to sign in on every route", async () => {
    const { caseRow } = await buildSharedCase(ctx, {
      partners: 0,
      ownerKind: "kim_case_management",
    });
    const conference = await factories.createConference(ctx.db, { caseId: caseRow.id });
    const routes = [
      ...everyRoute(caseRow.id, conference.id),
      { method: "GET", url: "/api/conferences/upcoming" } as const,
    ];
    for (const route of routes) {
      const response = await ctx.app.inject({ ...route });
      expect(response.statusCode, `${route.method} ${route.url}`).toBe(401);
      expect(response.json().error.code).toBe("unauthenticated");
    }
  });

  it("lets only the owning agency create and move conferences", async () => {
    const { owner, caseRow, partners } = await buildSharedCase(ctx, {
      partners: 1,
      ownerKind: "kim_case_management",
    });
    const editor = partners[0];
    if (!editor) throw new Error("partner missing");
    const conference = await factories.createConference(ctx.db, { caseId: caseRow.id }, [
      { agencyId: editor.agency.id, role: "editor" },
    ]);
    const create = await editor.session.post(`/api/cases/${caseRow.id}/conferences`, {
      title: "Eigene Konferenz",
      scheduledAt: instantInDays(1),
    });
    expect(create.statusCode).toBe(404);
    const move = await editor.session.post(`/api/conferences/${conference.id}/status`, {
      status: "live",
    });
    expect(move.statusCode).toBe(404);
    const current = (await owner.session.get(`/api/conferences/${conference.id}`)).json();
    expect(current.status).toBe("planned");
  });

  it("shows under upcoming only planned or live conferences of my agency, soonest first", async () => {
    const { owner, caseRow, partners } = await buildSharedCase(ctx, {
      partners: 1,
      ownerKind: "kim_case_management",
    });
    const partner = partners[0];
    if (!partner) throw new Error("partner missing");
    const at = (hours: number) => new Date(Date.now() + hours * 3_600_000);
    const invitedTo = { agencyId: partner.agency.id };
    const later = await factories.createConference(
      ctx.db,
      { caseId: caseRow.id, scheduledAt: at(48) },
      [invitedTo],
    );
    const soon = await factories.createConference(
      ctx.db,
      { caseId: caseRow.id, scheduledAt: at(2) },
      [invitedTo],
    );
    const running = await factories.createConference(
      ctx.db,
      { caseId: caseRow.id, scheduledAt: at(-3), status: "live" },
      [invitedTo],
    );
    const notInvited = await factories.createConference(ctx.db, {
      caseId: caseRow.id,
      scheduledAt: at(5),
    });
    await factories.createConference(ctx.db, { caseId: caseRow.id, scheduledAt: at(-13) }, [
      invitedTo,
    ]);
    await factories.createConference(
      ctx.db,
      { caseId: caseRow.id, scheduledAt: at(1), status: "concluded" },
      [invitedTo],
    );
    const otherOwner = await buildSharedCase(ctx, {
      partners: 0,
      ownerKind: "kim_case_management",
    });
    await factories.createConference(ctx.db, { caseId: otherOwner.caseRow.id, scheduledAt: at(1) });

    const seenByPartner = await partner.session.get("/api/conferences/upcoming");
    expect(seenByPartner.statusCode).toBe(200);
    expect(seenByPartner.json().conferences.map((c: { id: string }) => c.id)).toEqual([
      running.id,
      soon.id,
      later.id,
    ]);
    const seenByOwner = (await owner.session.get("/api/conferences/upcoming?limit=3")).json();
    expect(seenByOwner.conferences.map((c: { id: string }) => c.id)).toEqual([
      running.id,
      soon.id,
      notInvited.id,
    ]);
    expect(seenByOwner.conferences[0]).toMatchObject({ isOwner: true, caseCode: caseRow.code });
    const badLimit = await owner.session.get("/api/conferences/upcoming?limit=0");
    expect(badLimit.statusCode).toBe(400);
  });
});
