import { markAgendaItemCarried, readAgenda } from "@runder-tisch/conference-doc";
import { type AuditTargetType, CONFERENCE_AGENDA_TEMPLATE } from "@runder-tisch/contracts";
import { schema } from "@runder-tisch/db";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { buildCase, buildMember, factories } from "../../../test/builders.ts";
import { concludedConference, writeDocument } from "../../../test/scenarios.ts";
import { useTestApp } from "../../../test/test-app.ts";
import { instantInDays } from "../../../test/time.ts";

const ctx = useTestApp();

const agendaOf = (conference: { agenda: { kind: string | null; title: string | null }[] }) =>
  conference.agenda.map((item) => item.kind ?? item.title);

async function deniedCount(agencyId: string, targetType: AuditTargetType) {
  const rows = await ctx.db
    .select({ id: schema.auditLog.id })
    .from(schema.auditLog)
    .where(
      and(
        eq(schema.auditLog.action, "denied"),
        eq(schema.auditLog.targetType, targetType),
        eq(schema.auditLog.agencyId, agencyId),
      ),
    );
  return rows.length;
}

describe("the Kreis's agenda template", () => {
  it("is arranged by the platform admin and given to every conference planned afterwards", async () => {
    const admin = await buildMember(ctx, { role: "platform_admin" });
    const { owner, caseRow } = await buildCase(ctx);
    const initial = (await owner.session.get("/api/agenda-template")).json();
    expect(initial).toEqual({
      isDefault: true,
      items: CONFERENCE_AGENDA_TEMPLATE.map((kind) => ({ kind })),
    });
    const before = (
      await owner.session.post(`/api/cases/${caseRow.id}/conferences`, {
        title: "Vorher geplant",
        scheduledAt: instantInDays(7),
      })
    ).json();

    const template = {
      items: [{ kind: "case_presentation" }, { title: "Sprachförderung" }, { kind: "next_review" }],
    };
    for (const method of ["GET", "PUT", "DELETE"] as const) {
      const url = method === "GET" ? "/api/agenda-template" : "/api/admin/agenda-template";
      const anonymous = await ctx.app.inject({ method, url, payload: template });
      expect(anonymous.statusCode, `${method} ${url} without a session`).toBe(401);
    }
    const byMember = await owner.session.put("/api/admin/agenda-template", template);
    expect(byMember.statusCode).toBe(403);
    expect(await deniedCount(owner.agency.id, "agenda_template")).toBe(1);
    const saved = await admin.session.put("/api/admin/agenda-template", template);
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toEqual({ ...template, isDefault: false });

    const after = (
      await owner.session.post(`/api/cases/${caseRow.id}/conferences`, {
        title: "Danach geplant",
        scheduledAt: instantInDays(14),
      })
    ).json();
    expect(agendaOf(after)).toEqual(["case_presentation", "Sprachförderung", "next_review"]);
    // What was planned before keeps its agenda.
    const reread = (await owner.session.get(`/api/conferences/${before.id}`)).json();
    expect(agendaOf(reread)).toEqual([...CONFERENCE_AGENDA_TEMPLATE]);

    expect((await owner.session.delete("/api/admin/agenda-template")).statusCode).toBe(403);
    const reset = await admin.session.delete("/api/admin/agenda-template");
    expect(reset.json()).toMatchObject({ isDefault: true });
  });

  it("refuses a template that makes no sense, and keeps the one in force", async () => {
    const admin = await buildMember(ctx, { role: "platform_admin" });
    const refusals = [
      { items: [] },
      { items: [{ kind: "goals" }, { kind: "goals" }] },
      { items: [{ kind: "gossip" }] },
      { items: [{ kind: "goals", title: "Ziele" }] },
      { items: [{ title: "   " }] },
      { items: [{ title: "Punkt\u0000" }] },
      { items: Array.from({ length: 21 }, (_, index) => ({ title: `Punkt ${index}` })) },
    ];
    for (const body of refusals) {
      const response = await admin.session.put("/api/admin/agenda-template", body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
    }
    const duplicate = await admin.session.put("/api/admin/agenda-template", refusals[1]);
    expect(duplicate.json().error.details.problems[0].reason).toBe("listed_twice");
    expect((await admin.session.get("/api/agenda-template")).json().isDefault).toBe(true);
  });
});

describe("carrying an agenda item on", () => {
  async function withLaterConference() {
    const scenario = await concludedConference(ctx);
    const later = await scenario.owner.session.post(
      `/api/cases/${scenario.caseRow.id}/conferences`,
      {
        title: "Wiedervorlage",
        scheduledAt: instantInDays(30),
        participants: [
          { agencyId: scenario.abh.agency.id },
          { agencyId: scenario.caritas.agency.id, role: "observer" },
        ],
      },
    );
    expect(later.statusCode).toBe(201);
    return { ...scenario, later: later.json() as { id: string; scheduledAt: string } };
  }

  it("puts it at the end of the next conference's agenda, for everyone invited", async () => {
    const { abh, caritas, conference, later } = await withLaterConference();
    const carried = await abh.session.post(`/api/conferences/${conference.id}/agenda-items`, {
      toConferenceId: later.id,
      title: "Wohnungssuche (aus der letzten Konferenz)",
      mode: "move",
    });
    expect(carried.statusCode).toBe(201);
    expect(carried.json()).toMatchObject({
      item: { kind: null, title: "Wohnungssuche (aus der letzten Konferenz)", position: 6 },
      toConference: { id: later.id, scheduledAt: later.scheduledAt },
    });
    const seen = (await caritas.session.get(`/api/conferences/${later.id}`)).json();
    expect(agendaOf(seen).at(-1)).toBe("Wohnungssuche (aus der letzten Konferenz)");
  });

  it("is for editors of both conferences of the same case, to a later one not yet begun", async () => {
    const { owner, abh, caritas, conference, caseRow, later } = await withLaterConference();
    const url = `/api/conferences/${conference.id}/agenda-items`;
    const carry = (session = owner.session, toConferenceId = later.id) =>
      session.post(url, { toConferenceId, title: "Sprachkurs", mode: "copy" });

    const byObserver = await carry(caritas.session);
    expect(byObserver.statusCode).toBe(403);
    expect(byObserver.json().error.reason).toBe("observer_cannot_edit");
    const stranger = await buildMember(ctx);
    expect((await carry(stranger.session)).statusCode).toBe(404);
    expect(await deniedCount(stranger.agency.id, "conference")).toBe(1);

    // A conference of another case of the same owner.
    const other = await factories.createCase(ctx.db, { ownerAgencyId: owner.agency.id });
    const elsewhere = await factories.createConference(ctx.db, {
      caseId: other.id,
      scheduledAt: new Date(instantInDays(40)),
    });
    const otherCase = await carry(owner.session, elsewhere.id);
    expect(otherCase.statusCode).toBe(422);
    expect(otherCase.json().error.reason).toBe("conference_of_other_case");
    // A conference the ABH is not invited to answers like a missing one.
    const uninvited = await factories.createConference(ctx.db, {
      caseId: caseRow.id,
      scheduledAt: new Date(instantInDays(50)),
    });
    expect((await carry(abh.session, uninvited.id)).statusCode).toBe(404);
    expect((await carry(owner.session, "00000000-0000-4000-8000-000000000000")).statusCode).toBe(
      404,
    );
    const earlier = await factories.createConference(ctx.db, {
      caseId: caseRow.id,
      scheduledAt: new Date(instantInDays(-30)),
    });
    const backwards = await carry(owner.session, earlier.id);
    expect(backwards.statusCode).toBe(422);
    expect(backwards.json().error.reason).toBe("not_later");
    expect((await carry(owner.session, conference.id)).json().error.reason).toBe("not_later");

    await ctx.db
      .update(schema.conferences)
      .set({ status: "live", startedAt: new Date() })
      .where(eq(schema.conferences.id, later.id));
    const begun = await carry(owner.session, later.id);
    expect(begun.statusCode).toBe(409);
    expect(begun.json().error.reason).toBe("conference_already_begun");
    const rows = await ctx.db
      .select()
      .from(schema.agendaItems)
      .where(eq(schema.agendaItems.conferenceId, later.id));
    expect(rows.map((row) => row.title).filter(Boolean)).toEqual([]);
  });

  it("is marked as moved in the minutes, and a finalised conference carries nothing on", async () => {
    const { owner, conference, later } = await withLaterConference();
    await writeDocument(
      ctx,
      conference.id,
      { userId: owner.user.id, agencyId: owner.agency.id },
      (doc) => {
        const [first] = readAgenda(doc);
        if (!first) throw new Error("the scenario has an agenda");
        markAgendaItemCarried(doc, first.id, "2027-01-14");
      },
    );
    const finalised = await owner.session.post(`/api/conferences/${conference.id}/finalise`, {});
    expect(finalised.statusCode).toBe(201);
    expect(finalised.json().minutes.content.agenda[0]).toMatchObject({ carriedTo: "2027-01-14" });
    const markdown = await owner.session.get(`/api/minutes/${finalised.json().minutes.id}.md`);
    expect(markdown.body).toContain("Fallvorstellung (verschoben auf die Konferenz am 14.01.2027)");

    const late = await owner.session.post(`/api/conferences/${conference.id}/agenda-items`, {
      toConferenceId: later.id,
      title: "Zu spät",
      mode: "copy",
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.reason).toBe("conference_finalised");
  });
});
