import { CONFERENCE_AGENDA_TEMPLATE } from "@runder-tisch/contracts";
import { schema } from "@runder-tisch/db";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { buildMember, buildSharedCase, factories } from "../../../test/builders.ts";
import { recordEvents } from "../../../test/events.ts";
import { useTestApp } from "../../../test/test-app.ts";
import { instantInDays } from "../../../test/time.ts";

const ctx = useTestApp();

describe("conferences", () => {
  it("schedules a conference with the fixed agenda and invited agencies", async () => {
    const { owner, caseRow, partners } = await buildSharedCase(ctx, {
      partners: 2,
      ownerKind: "kim_case_management",
    });
    const [abh, caritas] = partners;
    if (!abh || !caritas) throw new Error("partners missing");
    const scheduledAt = instantInDays(7);
    const response = await owner.session.post(`/api/cases/${caseRow.id}/conferences`, {
      title: "  Fallkonferenz RT-0007  ",
      scheduledAt,
      participants: [
        { agencyId: abh.agency.id },
        { agencyId: caritas.agency.id, role: "observer" },
      ],
    });
    expect(response.statusCode).toBe(201);
    const created = response.json();
    expect(created).toMatchObject({
      caseId: caseRow.id,
      caseCode: caseRow.code,
      title: "Fallkonferenz RT-0007",
      scheduledAt,
      status: "planned",
      startedAt: null,
      isOwner: true,
      myRole: "editor",
    });
    expect(created.agenda.map((item: { kind: string }) => item.kind)).toEqual([
      ...CONFERENCE_AGENDA_TEMPLATE,
    ]);
    expect(created.agenda.map((item: { position: number }) => item.position)).toEqual([
      0, 1, 2, 3, 4, 5,
    ]);
    expect(created.participants).toEqual(
      expect.arrayContaining([
        { agency: { id: abh.agency.id, name: abh.agency.name }, role: "editor", hasAccess: true },
        {
          agency: { id: caritas.agency.id, name: caritas.agency.name },
          role: "observer",
          hasAccess: true,
        },
      ]),
    );
    expect(created).not.toHaveProperty("createdBy");

    const seenByObserver = await caritas.session.get(`/api/conferences/${created.id}`);
    expect(seenByObserver.statusCode).toBe(200);
    expect(seenByObserver.json()).toMatchObject({ myRole: "observer", isOwner: false });
    const listed = (await abh.session.get(`/api/cases/${caseRow.id}/conferences`)).json();
    expect(listed.conferences).toHaveLength(1);
    expect(listed.conferences[0]).toMatchObject({ id: created.id, myRole: "editor" });
  });

  it("refuses to invite agencies that cannot see the case, naming them", async () => {
    const { owner, caseRow, partners } = await buildSharedCase(ctx, {
      partners: 1,
      ownerKind: "kim_case_management",
    });
    const stranger = await buildMember(ctx);
    const unknownId = "00000000-0000-4000-8000-000000000000";
    const response = await owner.session.post(`/api/cases/${caseRow.id}/conferences`, {
      title: "Fallkonferenz",
      scheduledAt: instantInDays(3),
      participants: [
        { agencyId: partners[0]?.agency.id },
        { agencyId: stranger.agency.id },
        { agencyId: unknownId },
      ],
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().error).toMatchObject({
      code: "validation_failed",
      details: { agencyIds: [stranger.agency.id, unknownId] },
    });
    const stored = await ctx.db
      .select()
      .from(schema.conferences)
      .where(eq(schema.conferences.caseId, caseRow.id));
    expect(stored).toEqual([]);
  });

  it("rejects malformed input with the shared error shape", async () => {
    const { owner, caseRow, partners } = await buildSharedCase(ctx, {
      partners: 1,
      ownerKind: "kim_case_management",
    });
    const url = `/api/cases/${caseRow.id}/conferences`;
    const attempts = [
      { title: "Fallkonferenz", scheduledAt: "next tuesday" },
      { title: "Fallkonferenz", scheduledAt: "2026-11-21T10:00:00" },
      { title: "   ", scheduledAt: instantInDays(1) },
      {
        title: "Fallkonferenz",
        scheduledAt: instantInDays(1),
        participants: [{ agencyId: "abh" }],
      },
      {
        title: "Fallkonferenz",
        scheduledAt: instantInDays(1),
        participants: [{ agencyId: partners[0]?.agency.id, role: "chair" }],
      },
      {
        title: "Fallkonferenz",
        scheduledAt: instantInDays(1),
        participants: [{ agencyId: partners[0]?.agency.id }, { agencyId: partners[0]?.agency.id }],
      },
    ];
    for (const payload of attempts) {
      const response = await owner.session.post(url, payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.json().error.code).toBe("validation_failed");
      expect(response.json().error.details.problems).toEqual(expect.any(Array));
    }
    const created = (
      await owner.session.post(url, { title: "Fallkonferenz", scheduledAt: instantInDays(1) })
    ).json();
    const emptyPatch = await owner.session.patch(`/api/conferences/${created.id}`, {});
    expect(emptyPatch.statusCode).toBe(400);
    const badStatus = await owner.session.post(`/api/conferences/${created.id}/status`, {
      status: "postponed",
    });
    expect(badStatus.statusCode).toBe(400);
    const badId = await owner.session.get("/api/conferences/not-a-uuid");
    expect(badId.statusCode).toBe(400);
    expect(badId.json().error.code).toBe("validation_failed");
  });

  it("replaces the invitations with the same checks, and the owner need not be listed", async () => {
    const { owner, caseRow, partners } = await buildSharedCase(ctx, {
      partners: 2,
      ownerKind: "kim_case_management",
    });
    const [first, second] = partners;
    if (!first || !second) throw new Error("partners missing");
    const created = (
      await owner.session.post(`/api/cases/${caseRow.id}/conferences`, {
        title: "Fallkonferenz",
        scheduledAt: instantInDays(5),
        participants: [{ agencyId: first.agency.id }],
      })
    ).json();
    const url = `/api/conferences/${created.id}`;
    const stranger = await buildMember(ctx);
    const refused = await owner.session.patch(url, {
      participants: [{ agencyId: second.agency.id }, { agencyId: stranger.agency.id }],
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.details).toEqual({ agencyIds: [stranger.agency.id] });

    const scheduledAt = instantInDays(6);
    const changed = await owner.session.patch(url, {
      title: "Wiedervorlage",
      scheduledAt,
      participants: [{ agencyId: second.agency.id, role: "observer" }],
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ title: "Wiedervorlage", scheduledAt, myRole: "editor" });
    expect(changed.json().participants).toEqual([
      {
        agency: { id: second.agency.id, name: second.agency.name },
        role: "observer",
        hasAccess: true,
      },
    ]);
    expect((await first.session.get(url)).statusCode).toBe(404);
    expect((await second.session.get(url)).json().myRole).toBe("observer");
    const invitedMayNotChange = await second.session.patch(url, { title: "Anders" });
    expect(invitedMayNotChange.statusCode).toBe(404);
  });

  it("publishes an event after each change and audits reads and writes", async () => {
    const { owner, caseRow, partners } = await buildSharedCase(ctx, {
      partners: 1,
      ownerKind: "kim_case_management",
    });
    const partnerId = partners[0]?.agency.id ?? "";
    const recorder = recordEvents(ctx, { kind: "conference.changed" });
    try {
      const created = (
        await owner.session.post(`/api/cases/${caseRow.id}/conferences`, {
          title: "Fallkonferenz",
          scheduledAt: instantInDays(2),
          participants: [{ agencyId: partnerId }],
        })
      ).json();
      await owner.session.patch(`/api/conferences/${created.id}`, { title: "Neu" });
      await owner.session.post(`/api/conferences/${created.id}/status`, { status: "live" });
      await owner.session.post(`/api/conferences/${created.id}/status`, { status: "finalised" });
      const mine = recorder.events.filter((event) => event.conferenceId === created.id);
      expect(mine.map((event) => event.status)).toEqual(["planned", "planned", "live"]);
      for (const event of mine) {
        expect(event).toMatchObject({ caseId: caseRow.id, actorUserId: owner.user.id });
        expect([...event.participantAgencyIds].sort()).toEqual([owner.agency.id, partnerId].sort());
      }

      await partners[0]?.session.get(`/api/conferences/${created.id}`);
      const audited = await ctx.db
        .select({ action: schema.auditLog.action, agencyId: schema.auditLog.agencyId })
        .from(schema.auditLog)
        .where(
          and(
            eq(schema.auditLog.targetType, "conference"),
            eq(schema.auditLog.targetId, created.id),
            eq(schema.auditLog.caseId, caseRow.id),
          ),
        )
        .orderBy(schema.auditLog.id);
      expect(audited).toEqual([
        { action: "create", agencyId: owner.agency.id },
        { action: "change", agencyId: owner.agency.id },
        { action: "change", agencyId: owner.agency.id },
        { action: "view", agencyId: partnerId },
      ]);
    } finally {
      recorder.stop();
    }
  });

  it("lists a case's conferences newest scheduled first", async () => {
    const { owner, caseRow } = await buildSharedCase(ctx, {
      partners: 0,
      ownerKind: "kim_case_management",
    });
    const other = await factories.createCase(ctx.db, { ownerAgencyId: owner.agency.id });
    await factories.createConference(ctx.db, { caseId: other.id });
    const early = await factories.createConference(ctx.db, {
      caseId: caseRow.id,
      scheduledAt: new Date(instantInDays(1)),
    });
    const late = await factories.createConference(ctx.db, {
      caseId: caseRow.id,
      scheduledAt: new Date(instantInDays(9)),
    });
    const response = await owner.session.get(`/api/cases/${caseRow.id}/conferences`);
    expect(response.statusCode).toBe(200);
    expect(response.json().conferences.map((c: { id: string }) => c.id)).toEqual([
      late.id,
      early.id,
    ]);
  });
});
