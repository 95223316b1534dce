import { schema } from "@runder-tisch/db";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { buildMember, type Member } from "../../../test/builders.ts";
import { useTestApp } from "../../../test/test-app.ts";
import { dateInDays } from "../../../test/time.ts";

const ctx = useTestApp();

/** A person of a fresh agency, named to the steering group by the admin. */
async function steeringMember(): Promise<Member> {
  const admin = await buildMember(ctx, { role: "platform_admin" });
  const member = await buildMember(ctx);
  const added = await admin.session.post("/api/steering/members", { userId: member.user.id });
  expect(added.statusCode, added.body).toBe(201);
  return member;
}

/** AG "Mobilität" with members of two agencies (none of them in the steering group). */
async function mobilityGroup() {
  const steering = await steeringMember();
  const jobcenter = await buildMember(ctx, { kind: "jobcenter" });
  const ki = await buildMember(ctx, { kind: "kommunales_integrationszentrum" });
  const founded = await steering.session.post("/api/working-groups", {
    name: "AG Mobilität",
    purpose: "Wege zu Kursen und Arbeit im ländlichen Raum",
  });
  expect(founded.statusCode, founded.body).toBe(201);
  const groupId: string = founded.json().id;
  for (const person of [jobcenter, ki]) {
    const added = await steering.session.post(`/api/working-groups/${groupId}/members`, {
      userId: person.user.id,
    });
    expect(added.statusCode, added.body).toBe(201);
  }
  return { steering, jobcenter, ki, groupId };
}

describe("working groups", () => {
  it("are founded and staffed by the steering group, with people of several agencies", async () => {
    const { steering, jobcenter, ki, groupId } = await mobilityGroup();
    const detail = (await jobcenter.session.get(`/api/working-groups/${groupId}`)).json();
    expect(detail.members.map((m: { agency: { id: string } }) => m.agency.id).sort()).toEqual(
      [jobcenter.agency.id, ki.agency.id].sort(),
    );
    expect(detail).toMatchObject({ name: "AG Mobilität", member: true, canManage: false });

    const mine = (await ki.session.get("/api/working-groups")).json();
    expect(mine).toMatchObject({ canManage: false, groups: [{ id: groupId, memberCount: 2 }] });
    expect((await ki.session.get("/api/steering/membership")).json()).toEqual({
      member: false,
      workingGroups: true,
    });
    // The steering group sees every group, without being a member of it.
    const all = (await steering.session.get("/api/working-groups")).json();
    expect(all.canManage).toBe(true);
    expect(all.groups).toContainEqual(expect.objectContaining({ id: groupId, member: false }));
  });

  it("answers everyone else exactly like a group that does not exist, and audits it", async () => {
    const { steering, jobcenter, groupId } = await mobilityGroup();
    const outsider = await buildMember(ctx);
    const unknown = "00000000-0000-4000-8000-000000000000";
    const meeting = await jobcenter.session.post(`/api/working-groups/${groupId}/meetings`, {
      title: "Erstes Treffen",
      startsAt: new Date().toISOString(),
    });
    const meetingId: string = meeting.json().id;
    const attempts: [string, string, unknown?][] = [
      ["GET", `/api/working-groups/${groupId}`],
      ["POST", `/api/working-groups/${groupId}/members`, { userId: outsider.user.id }],
      [
        "POST",
        `/api/working-groups/${groupId}/meetings`,
        { title: "x", startsAt: new Date().toISOString() },
      ],
      [
        "POST",
        `/api/working-groups/${groupId}/actions`,
        { text: "x", ownerAgencyId: outsider.agency.id },
      ],
      ["GET", `/api/working-group-meetings/${meetingId}`],
      ["POST", `/api/working-group-meetings/${meetingId}/close`, {}],
    ];
    for (const [method, url, body] of attempts) {
      const send = (target: string) =>
        outsider.session.request({ method: method as "GET", url: target, payload: body as object });
      const mine = await send(url);
      const missing = await send(url.replace(groupId, unknown).replace(meetingId, unknown));
      expect([url, mine.statusCode]).toEqual([url, 404]);
      expect(mine.json()).toEqual(missing.json());
      expect(
        (await ctx.app.inject({ method: method as "GET", url, payload: body as object }))
          .statusCode,
      ).toBe(401);
    }
    // Founding and staffing is the steering group's; members cannot name members.
    expect(
      (await outsider.session.post("/api/working-groups", { name: "AG Eigenes" })).statusCode,
    ).toBe(404);
    const byMember = await jobcenter.session.post(`/api/working-groups/${groupId}/members`, {
      userId: outsider.user.id,
    });
    expect(byMember.statusCode).toBe(404);
    // The steering group may look in, but the group's work is its members'.
    const plannedBySteering = await steering.session.post(
      `/api/working-groups/${groupId}/meetings`,
      {
        title: "Von außen",
        startsAt: new Date().toISOString(),
      },
    );
    expect(plannedBySteering.statusCode).toBe(404);
    const denials = await ctx.db
      .select()
      .from(schema.auditLog)
      .where(
        and(eq(schema.auditLog.userId, outsider.user.id), eq(schema.auditLog.action, "denied")),
      );
    expect(denials.length).toBeGreaterThanOrEqual(attempts.length);
    expect(denials).toContainEqual(
      expect.objectContaining({ targetType: "working_group", targetId: groupId }),
    );
  });

  it("works on a topic the steering group gave it, and its result passes the personal-data guard", async () => {
    const { steering, ki, groupId } = await mobilityGroup();
    const topic = await steering.session.post("/api/steering/topics", {
      title: "Kein Bus zu Abendkursen",
      theme: "mobility",
    });
    const topicId: string = topic.json().id;
    const given = await steering.session.post(`/api/working-groups/${groupId}/topics`, { topicId });
    expect(given.statusCode, given.body).toBe(201);
    const steeringTopics = (await steering.session.get("/api/steering/topics")).json().topics;
    expect(steeringTopics.find((t: { id: string }) => t.id === topicId).state).toBe(
      "working_group",
    );

    const named = await ki.session.put(`/api/working-groups/${groupId}/topics/${topicId}`, {
      progress: "result_ready",
      result: "Herr Camara aus der Bahnhofstraße 5 braucht ein Sozialticket",
    });
    expect(named.statusCode).toBe(422);
    expect(named.json().error.reason).toBe("personal_data_found");
    const saved = await ki.session.put(`/api/working-groups/${groupId}/topics/${topicId}`, {
      progress: "result_ready",
      result: "Rufbus am Abend im Nordkreis; Sozialticket für Kursteilnehmende",
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().topics).toEqual([
      expect.objectContaining({
        topicId,
        progress: "result_ready",
        result: expect.stringContaining("Rufbus"),
      }),
    ]);
    const unknownTopic = await ki.session.put(
      `/api/working-groups/${groupId}/topics/00000000-0000-4000-8000-000000000000`,
      { progress: "in_progress", result: null },
    );
    expect(unknownTopic.statusCode).toBe(404);
    const wrongProgress = await ki.session.put(`/api/working-groups/${groupId}/topics/${topicId}`, {
      progress: "finished",
      result: null,
    });
    expect(wrongProgress.statusCode).toBe(400);
  });
});

describe("systemic actions", () => {
  it("land in the owning agency's inbox and nobody else's, and that agency keeps their status", async () => {
    const { jobcenter, groupId } = await mobilityGroup();
    const kreis = await buildMember(ctx, { kind: "kommune" });
    const bystander = await buildMember(ctx);
    const created = await jobcenter.session.post(`/api/working-groups/${groupId}/actions`, {
      text: "Fahrplan des Rufbusses mit dem Kreis abstimmen",
      ownerAgencyId: kreis.agency.id,
      dueDate: dateInDays(30),
    });
    expect(created.statusCode, created.body).toBe(201);
    const actionId: string = created.json().id;
    expect(created.json()).toMatchObject({
      workingGroup: { id: groupId, name: "AG Mobilität" },
      ownerAgency: { id: kreis.agency.id },
      status: "open",
    });

    const inbox = (await kreis.session.get("/api/inbox/systemic-actions")).json();
    expect(inbox.actions.map((a: { id: string }) => a.id)).toEqual([actionId]);
    expect((await bystander.session.get("/api/inbox/systemic-actions")).json().actions).toEqual([]);

    const done = await kreis.session.put(`/api/systemic-actions/${actionId}/status`, {
      status: "done",
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().status).toBe("done");
    const meddling = await bystander.session.put(`/api/systemic-actions/${actionId}/status`, {
      status: "open",
    });
    expect(meddling.statusCode).toBe(404);
    const group = (await jobcenter.session.get(`/api/working-groups/${groupId}`)).json();
    expect(group.actions).toEqual([expect.objectContaining({ id: actionId, status: "done" })]);
  });

  it("refuses a text with personal data, an unknown agency and another group's topic", async () => {
    const { steering, jobcenter, groupId } = await mobilityGroup();
    const other = await steering.session.post("/api/working-groups", { name: "AG Sprache" });
    const topic = await steering.session.post("/api/steering/topics", {
      title: "Kurse mit Kinderbetreuung",
      theme: "language",
    });
    await steering.session.post(`/api/working-groups/${other.json().id}/topics`, {
      topicId: topic.json().id,
    });
    const named = await jobcenter.session.post(`/api/working-groups/${groupId}/actions`, {
      text: "Frau Yıldız anrufen: 0171 2345678",
      ownerAgencyId: jobcenter.agency.id,
    });
    expect(named.statusCode).toBe(422);
    const unknownAgency = await jobcenter.session.post(`/api/working-groups/${groupId}/actions`, {
      text: "Rufbus prüfen",
      ownerAgencyId: "00000000-0000-4000-8000-000000000000",
    });
    expect(unknownAgency.statusCode).toBe(422);
    expect(unknownAgency.json().error.reason).toBe("agency_unknown");
    const foreignTopic = await jobcenter.session.post(`/api/working-groups/${groupId}/actions`, {
      text: "Rufbus prüfen",
      ownerAgencyId: jobcenter.agency.id,
      topicId: topic.json().id,
    });
    expect(foreignTopic.statusCode).toBe(422);
    expect(foreignTopic.json().error.reason).toBe("topic_not_in_group");
    const controlCharacter = await jobcenter.session.post(
      `/api/working-groups/${groupId}/actions`,
      {
        text: "Rufbus\u0000prüfen",
        ownerAgencyId: jobcenter.agency.id,
      },
    );
    expect(controlCharacter.statusCode).toBe(400);
  });
});
