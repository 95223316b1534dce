import { addObstacle, type ObstacleInput } from "@runder-tisch/conference-doc";
import { schema } from "@runder-tisch/db";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { buildCase, buildMember, factories, type Member } from "../../../test/builders.ts";
import { writeDocument } from "../../../test/scenarios.ts";
import { useTestApp } from "../../../test/test-app.ts";
import { countObstacleThemes } from "../../domain/steering/count-obstacle-themes.ts";

const ctx = useTestApp();

/** A case of its own agency whose conference was finalised naming these obstacles. */
async function caseNaming(obstacles: ObstacleInput[]) {
  const owner = await buildMember(ctx, { role: "coordinator" });
  const { caseRow } = await buildCase(ctx, { owner });
  const conference = await factories.createConference(ctx.db, {
    caseId: caseRow.id,
    status: "concluded",
    startedAt: new Date(),
    concludedAt: new Date(),
  });
  await writeDocument(
    ctx,
    conference.id,
    { userId: owner.user.id, agencyId: owner.agency.id },
    (doc) => {
      for (const obstacle of obstacles) addObstacle(doc, obstacle);
    },
  );
  const finalised = await owner.session.post(`/api/conferences/${conference.id}/finalise`, {});
  expect(finalised.statusCode, finalised.body).toBe(201);
  return caseRow;
}

/** A person of a fresh agency that sees no case at all, named to the group by the admin. */
async function steeringMember(): Promise<Member> {
  const admin = await buildMember(ctx, { role: "platform_admin" });
  const member = await buildMember(ctx);
  const added = await admin.session.post("/api/steering/members", { userId: member.user.id });
  expect(added.statusCode, added.body).toBe(201);
  return member;
}

const mobility = (description: string): ObstacleInput => ({ theme: "mobility", description });

describe("the steering group's view of obstacles", () => {
  it("shows the mobility theme's descriptions once five distinct cases name it, and not before", async () => {
    const member = await steeringMember();
    const cases = [
      await caseNaming([
        mobility("Kein Bus zum Abendkurs"),
        { ...mobility("Deutschlandticket zu teuer"), proposedFix: "Sozialticket im Kreis" },
      ]),
    ];
    for (const text of [
      "Kein Bus am Wochenende",
      "Arbeitsstelle nur mit Auto",
      "Kurs 40 km weit",
    ]) {
      cases.push(await caseNaming([mobility(text)]));
    }
    // Five obstacles, but four cases: below k the theme tells nothing, not even a number.
    const below = await member.session.get("/api/steering/themes");
    expect(below.statusCode).toBe(200);
    expect(below.json().threshold).toBe(5);
    const mobilityBelow = below
      .json()
      .themes.find((t: { theme: string }) => t.theme === "mobility");
    expect(mobilityBelow).toEqual({ theme: "mobility", shown: false });
    expect(below.body).not.toContain("Kein Bus");

    cases.push(await caseNaming([mobility("Schichtbeginn vor dem ersten Bus")]));
    const shown = await member.session.get("/api/steering/themes");
    const theme = shown.json().themes.find((t: { theme: string }) => t.theme === "mobility");
    expect(theme).toMatchObject({ theme: "mobility", shown: true, caseCount: 5 });
    expect(theme.obstacles).toHaveLength(6);
    expect(theme.obstacles).toContainEqual({
      description: "Deutschlandticket zu teuer",
      proposedFix: "Sozialticket im Kreis",
    });
    // The member's agency sees none of these cases: the counts are all that reach it.
    for (const caseRow of cases) {
      expect(shown.body).not.toContain(caseRow.id);
      expect(shown.body).not.toContain(caseRow.code);
      expect((await member.session.get(`/api/cases/${caseRow.id}`)).statusCode).toBe(404);
    }
    // A period before any of it was finalised shows nothing of it.
    const earlier = await member.session.get("/api/steering/themes?to=2020-12-31");
    expect(earlier.json().themes.every((t: { shown: boolean }) => !t.shown)).toBe(true);
    expect(
      (await member.session.get("/api/steering/themes?from=2027-02-01&to=2027-01-01")).statusCode,
    ).toBe(400);
  });

  it("counts a theme shown but leaves out a description the guard flags", async () => {
    const owner = await buildMember(ctx);
    const rows = [];
    for (let index = 0; index < 5; index++) {
      const caseRow = await factories.createCase(ctx.db, { ownerAgencyId: owner.agency.id });
      const conference = await factories.createConference(ctx.db, { caseId: caseRow.id });
      rows.push({
        caseId: caseRow.id,
        conferenceId: conference.id,
        theme: "finances" as const,
        description: index === 0 ? "Herr Camara wartet auf sein Konto" : "Basiskonto dauert Wochen",
        proposedFix: index === 1 ? "Frau Becker fragen" : null,
        finalisedAt: new Date(),
      });
    }
    await ctx.db.insert(schema.conferenceObstacles).values(rows);
    const themes = await countObstacleThemes(ctx.db, {}, 5);
    const finances = themes.find((theme) => theme.theme === "finances");
    expect(finances).toMatchObject({ shown: true, caseCount: 5 });
    const texts = JSON.stringify(finances);
    expect(texts).not.toContain("Camara");
    expect(texts).not.toContain("Becker");
  });
});

describe("membership of the steering group", () => {
  it("is named and taken back by the platform admin only", async () => {
    const admin = await buildMember(ctx, { role: "platform_admin" });
    const coordinator = await buildMember(ctx, { role: "coordinator" });
    const person = await buildMember(ctx);
    const other = await buildMember(ctx);
    expect(
      (await coordinator.session.post("/api/steering/members", { userId: person.user.id }))
        .statusCode,
    ).toBe(403);
    for (const member of [person, other]) {
      const added = await admin.session.post("/api/steering/members", { userId: member.user.id });
      expect(added.statusCode).toBe(201);
    }
    const list = (await admin.session.get("/api/steering/members")).json().members;
    const names = list.map((entry: { agency: { id: string } }) => entry.agency.id);
    // People of several agencies.
    expect(names).toEqual(expect.arrayContaining([person.agency.id, other.agency.id]));
    expect((await person.session.get("/api/steering/membership")).json()).toEqual({
      member: true,
      workingGroups: false,
    });
    expect((await person.session.get("/api/steering/topics")).statusCode).toBe(200);

    expect(
      (await coordinator.session.delete(`/api/steering/members/${person.user.id}`)).statusCode,
    ).toBe(403);
    expect((await admin.session.delete(`/api/steering/members/${person.user.id}`)).statusCode).toBe(
      200,
    );
    expect((await admin.session.delete(`/api/steering/members/${person.user.id}`)).statusCode).toBe(
      404,
    );
    expect((await person.session.get("/api/steering/membership")).json()).toEqual({
      member: false,
      workingGroups: false,
    });
    expect((await person.session.get("/api/steering/topics")).statusCode).toBe(404);
    const unknown = await admin.session.post("/api/steering/members", {
      userId: "00000000-0000-4000-8000-000000000000",
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.body).toContain("user_unknown");
  });

  it("is required for every steering route, which answers non-members like a missing record", async () => {
    const member = await steeringMember();
    const topic = (
      await member.session.post("/api/steering/topics", { title: "Abendbusse", theme: "mobility" })
    ).json();
    const admin = await buildMember(ctx, { role: "platform_admin" });
    const coordinator = await buildMember(ctx, { role: "coordinator" });
    const missing = "00000000-0000-4000-8000-000000000000";
    for (const outsider of [admin, coordinator]) {
      const answers = [
        await outsider.session.get("/api/steering/themes"),
        await outsider.session.get("/api/steering/topics"),
        await outsider.session.post("/api/steering/topics", { title: "x", theme: "work" }),
        await outsider.session.put(`/api/steering/topics/${topic.id}/state`, { state: "closed" }),
        await outsider.session.post(`/api/steering/topics/${topic.id}/decisions`, { text: "Ja" }),
      ];
      for (const answer of answers) {
        expect(answer.statusCode).toBe(404);
        expect(answer.json().error.code).toBe("not_found");
      }
      // The same answer as for a topic that does not exist, asked by a member.
      const absent = await member.session.put(`/api/steering/topics/${missing}/state`, {
        state: "closed",
      });
      expect(absent.statusCode).toBe(404);
      expect(absent.json().error).toEqual(answers[3]?.json().error);
    }
    const anonymous = await ctx.app.inject({ method: "GET", url: "/api/steering/themes" });
    expect(anonymous.statusCode).toBe(401);
    const [denial] = await ctx.db
      .select()
      .from(schema.auditLog)
      .where(
        and(eq(schema.auditLog.userId, coordinator.user.id), eq(schema.auditLog.action, "denied")),
      );
    expect(denial).toMatchObject({ targetType: "steering_group", caseId: null });
  });
});

describe("topics of the steering group", () => {
  it("are opened, moved through their states and collect decisions", async () => {
    const member = await steeringMember();
    const colleague = await steeringMember();
    const opened = await member.session.post("/api/steering/topics", {
      title: "Busverbindungen zu Abendkursen",
      theme: "mobility",
      description: "Viele Fälle erreichen Kurse nach 18 Uhr nicht.",
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const topic = opened.json();
    expect(topic).toMatchObject({ state: "open", passedTo: null, decisions: [] });

    const toWorkingGroup = await colleague.session.put(`/api/steering/topics/${topic.id}/state`, {
      state: "working_group",
    });
    expect(toWorkingGroup.json()).toMatchObject({ state: "working_group", passedTo: null });
    const noBody = await member.session.put(`/api/steering/topics/${topic.id}/state`, {
      state: "passed_on",
    });
    expect(noBody.statusCode).toBe(400);
    const passed = await member.session.put(`/api/steering/topics/${topic.id}/state`, {
      state: "passed_on",
      passedTo: "Ausschuss für Mobilität des Kreistags",
    });
    expect(passed.json()).toMatchObject({
      state: "passed_on",
      passedTo: "Ausschuss für Mobilität des Kreistags",
    });

    const decided = await colleague.session.post(`/api/steering/topics/${topic.id}/decisions`, {
      text: "Der Kreis beantragt einen Abendbus auf der Linie 12.",
    });
    expect(decided.statusCode, decided.body).toBe(201);
    expect(decided.json().decisions).toEqual([
      expect.objectContaining({
        text: "Der Kreis beantragt einen Abendbus auf der Linie 12.",
        decidedBy: { id: colleague.user.id, displayName: colleague.user.displayName },
      }),
    ]);
    const listed = (await member.session.get("/api/steering/topics")).json().topics;
    expect(listed.find((entry: { id: string }) => entry.id === topic.id).decisions).toHaveLength(1);
  });

  it("refuse a decision or topic that names a person", async () => {
    const member = await steeringMember();
    const topic = (
      await member.session.post("/api/steering/topics", {
        title: "Wohnungsmarkt",
        theme: "housing",
      })
    ).json();
    const refused = await member.session.post(`/api/steering/topics/${topic.id}/decisions`, {
      text: "Herr Camara bekommt die Wohnung in der Bahnhofstraße 5",
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.reason).toBe("personal_data_found");
    expect(refused.json().error.details.findings[0].where).toBe("text");
    const named = await member.session.post("/api/steering/topics", {
      title: "Fall von Frau Yıldız",
      theme: "housing",
    });
    expect(named.statusCode).toBe(422);
    const after = (await member.session.get("/api/steering/topics")).json().topics;
    expect(after.find((entry: { id: string }) => entry.id === topic.id).decisions).toEqual([]);
    expect(JSON.stringify(after)).not.toContain("Yıldız");
  });

  it("refuse control characters in their texts", async () => {
    const member = await steeringMember();
    const refused = await member.session.post("/api/steering/topics", {
      title: "Bus\u0000linie",
      theme: "mobility",
    });
    expect(refused.statusCode).toBe(400);
    expect(JSON.stringify(refused.json())).toContain("invalid_character");
  });
});
