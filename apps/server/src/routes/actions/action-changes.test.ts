import { schema } from "@runder-tisch/db";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { buildMember, buildPartner, buildSharedCase } from "../../../test/builders.ts";
import { recordEvents } from "../../../test/events.ts";
import { useTestApp } from "../../../test/test-app.ts";

const ctx = useTestApp();

async function actionForPartner() {
  const scenario = await buildSharedCase(ctx);
  const { owner, partner, caseRow } = scenario;
  const action = (
    await owner.session.post(`/api/cases/${caseRow.id}/actions`, {
      title: "B1-Kurs anmelden",
      responsibleAgencyId: partner.agency.id,
      responsiblePersonId: partner.user.id,
    })
  ).json();
  return { ...scenario, action };
}

describe("changing actions", () => {
  it("the responsible agency sets the status; version, status stamp and history follow", async () => {
    const { partner, action } = await actionForPartner();
    const { events, stop } = recordEvents(ctx);
    const response = await partner.session.patch(`/api/actions/${action.id}`, {
      status: "in_progress",
      dueDate: "2026-12-24",
      expectedVersion: 1,
    });
    stop();
    expect(response.statusCode).toBe(200);
    const changed = response.json();
    expect(changed).toMatchObject({
      status: "in_progress",
      version: 2,
      statusChangedBy: { id: partner.user.id },
    });
    expect(changed.statusChangedAt).not.toBeNull();
    expect(events).toEqual([
      expect.objectContaining({ kind: "action.changed", actionId: action.id }),
    ]);
    expect(events[0]).not.toHaveProperty("previousAgencyId");

    const history = (await partner.session.get(`/api/actions/${action.id}/history`)).json().events;
    expect(history.map((event: { kind: string }) => event.kind)).toEqual(["created", "changed"]);
    expect(history[1]).toMatchObject({
      actor: { id: partner.user.id },
      agency: { id: partner.agency.id },
      changes: {
        status: { from: "open", to: "in_progress" },
        dueDate: { from: null, to: "2026-12-24" },
      },
    });
  });

  it("answers a stale expectedVersion with 409 and the current version", async () => {
    const { owner, partner, action } = await actionForPartner();
    await partner.session.patch(`/api/actions/${action.id}`, {
      status: "done",
      expectedVersion: 1,
    });
    const stale = await owner.session.patch(`/api/actions/${action.id}`, {
      title: "Überschrieben?",
      expectedVersion: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: "conflict", details: { currentVersion: 2 } });
    expect((await owner.session.get(`/api/actions/${action.id}`)).json().title).toBe(
      "B1-Kurs anmelden",
    );
  });

  it("of two racing changes with the same expectedVersion exactly one wins", async () => {
    const { owner, partner, action } = await actionForPartner();
    const answers = await Promise.all([
      partner.session.patch(`/api/actions/${action.id}`, { status: "done", expectedVersion: 1 }),
      owner.session.patch(`/api/actions/${action.id}`, { title: "Neu", expectedVersion: 1 }),
    ]);
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([200, 409]);
    const history = (await owner.session.get(`/api/actions/${action.id}/history`)).json().events;
    expect(history).toHaveLength(2);
    expect((await owner.session.get(`/api/actions/${action.id}`)).json().version).toBe(2);
  });

  it("a change that changes nothing keeps the version and writes no history", async () => {
    const { partner, action } = await actionForPartner();
    const same = await partner.session.patch(`/api/actions/${action.id}`, { status: "open" });
    expect(same.json().version).toBe(1);
    const history = (await partner.session.get(`/api/actions/${action.id}/history`)).json().events;
    expect(history).toHaveLength(1);
  });

  it("a partner that is not responsible may read and comment but not change (403)", async () => {
    const { owner, caseRow, action } = await actionForPartner();
    const { member: other } = await buildPartner(ctx, {
      caseId: caseRow.id,
      recordedBy: owner.user.id,
    });
    const read = await other.session.get(`/api/actions/${action.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json().canEdit).toBe(false);
    const change = await other.session.patch(`/api/actions/${action.id}`, { status: "done" });
    expect(change.statusCode).toBe(403);
    expect(change.json().error.code).toBe("forbidden");
    const comment = await other.session.post(`/api/actions/${action.id}/comments`, {
      body: "Wir können beim Antrag helfen.",
    });
    expect(comment.statusCode).toBe(201);
  });

  it("agencies without access get 404 everywhere; anonymous callers 401", async () => {
    const { owner, caseRow, action } = await actionForPartner();
    const stranger = await buildMember(ctx);
    const { member: revoked } = await buildPartner(
      ctx,
      { caseId: caseRow.id, recordedBy: owner.user.id },
      { revokedAt: new Date() },
    );
    const { member: expired } = await buildPartner(
      ctx,
      { caseId: caseRow.id, recordedBy: owner.user.id },
      { validUntil: "2021-06-30" },
    );
    for (const who of [stranger, revoked, expired]) {
      const answers = [
        await who.session.get(`/api/actions/${action.id}`),
        await who.session.patch(`/api/actions/${action.id}`, { status: "done" }),
        await who.session.get(`/api/actions/${action.id}/comments`),
        await who.session.post(`/api/actions/${action.id}/comments`, { body: "Hallo" }),
        await who.session.get(`/api/actions/${action.id}/history`),
        await who.session.get(`/api/cases/${caseRow.id}/actions`),
      ];
      expect(answers.map((answer) => answer.statusCode)).toEqual([404, 404, 404, 404, 404, 404]);
    }
    const anonymous = await ctx.app.inject({ method: "GET", url: `/api/actions/${action.id}` });
    expect(anonymous.statusCode).toBe(401);
    const anonymousInbox = await ctx.app.inject({ method: "GET", url: "/api/inbox" });
    expect(anonymousInbox.statusCode).toBe(401);
  });

  it("the responsible agency loses the action once its basis is revoked", async () => {
    const { owner, partner, caseRow, action } = await actionForPartner();
    await ctx.db
      .update(schema.sharingBases)
      .set({ revokedAt: new Date(), revokedBy: owner.user.id })
      .where(eq(schema.sharingBases.caseId, caseRow.id));
    expect((await partner.session.get(`/api/actions/${action.id}`)).statusCode).toBe(404);
    expect((await owner.session.get(`/api/actions/${action.id}`)).statusCode).toBe(200);
  });

  it("reassigning checks the new agency's access and announces the previous one", async () => {
    const { owner, partner, caseRow, action } = await actionForPartner();
    const stranger = await buildMember(ctx);
    const refused = await owner.session.patch(`/api/actions/${action.id}`, {
      responsibleAgencyId: stranger.agency.id,
    });
    expect(refused.statusCode).toBe(422);

    const { member: next } = await buildPartner(ctx, {
      caseId: caseRow.id,
      recordedBy: owner.user.id,
    });
    const { events, stop } = recordEvents(ctx);
    const moved = await partner.session.patch(`/api/actions/${action.id}`, {
      responsibleAgencyId: next.agency.id,
      expectedVersion: 1,
    });
    stop();
    expect(moved.statusCode).toBe(200);
    // The partner's person does not belong to the new agency, so nobody in particular is named.
    expect(moved.json()).toMatchObject({ responsibleAgency: { id: next.agency.id }, version: 2 });
    expect(moved.json().responsiblePerson).toBeNull();
    expect(events).toEqual([
      expect.objectContaining({
        kind: "action.changed",
        responsibleAgencyId: next.agency.id,
        responsibleUserId: null,
        previousAgencyId: partner.agency.id,
        previousUserId: partner.user.id,
      }),
    ]);
    // Having handed it on, the partner may no longer change it.
    const after = await partner.session.patch(`/api/actions/${action.id}`, { status: "done" });
    expect(after.statusCode).toBe(403);
  });

  it("audits reads, changes and refusals against the case", async () => {
    const { owner, partner, caseRow, action } = await actionForPartner();
    const stranger = await buildMember(ctx);
    await partner.session.patch(`/api/actions/${action.id}`, { status: "done" });
    await stranger.session.get(`/api/actions/${action.id}`);
    const entries = await ctx.db
      .select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.targetId, action.id));
    const summary = entries.map((entry) => [entry.action, entry.agencyId, entry.caseId]);
    expect(summary).toEqual(
      expect.arrayContaining([
        ["create", owner.agency.id, caseRow.id],
        ["change", partner.agency.id, caseRow.id],
        ["denied", stranger.agency.id, null],
      ]),
    );
  });
});
