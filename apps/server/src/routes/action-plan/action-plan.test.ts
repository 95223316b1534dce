import { schema } from "@runder-tisch/db";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { buildMember, type Member } from "../../../test/builders.ts";
import { readPdf } from "../../../test/pdf-text.ts";
import { useTestApp } from "../../../test/test-app.ts";

const ctx = useTestApp();

/** A person of a fresh agency named to the steering group. */
async function steeringMember(): Promise<Member> {
  const member = await buildMember(ctx);
  await ctx.db.insert(schema.steeringGroupMembers).values({ userId: member.user.id });
  return member;
}

/** The plan is one per platform, so each test starts from whatever version is the newest. */
async function latestVersion(member: Member): Promise<number> {
  const plan = await member.session.get("/api/action-plan");
  expect(plan.statusCode, plan.body).toBe(200);
  return plan.json().current?.version ?? 0;
}

const plan = (baseVersion: number, body: string, note = "") => ({
  baseVersion,
  title: "Handlungskonzept Integration",
  body,
  note,
});

describe("versions of the action plan", () => {
  it("are saved one after another and refuse a save from an older version", async () => {
    const member = await steeringMember();
    const colleague = await steeringMember();
    const start = await latestVersion(member);

    const first = await member.session.post(
      "/api/action-plan/versions",
      plan(start, "# Handlungskonzept\n\n## Mobilität\n\n- Abendbus", "Erste Fassung"),
    );
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({
      version: start + 1,
      note: "Erste Fassung",
      savedBy: { id: member.user.id, displayName: member.user.displayName },
    });

    // Both start from the first version; the colleague saves first.
    const second = await colleague.session.post(
      "/api/action-plan/versions",
      plan(start + 1, "# Handlungskonzept\n\n## Mobilität\n\n- Abendbus\n- Sozialticket"),
    );
    expect(second.statusCode, second.body).toBe(201);
    const late = await member.session.post(
      "/api/action-plan/versions",
      plan(start + 1, "# Handlungskonzept\n\nMeine Änderung"),
    );
    expect(late.statusCode).toBe(409);
    expect(late.json().error).toMatchObject({
      code: "conflict",
      reason: "version_conflict",
      details: { latestVersion: start + 2 },
    });

    const read = (await member.session.get("/api/action-plan")).json();
    expect(read.current).toMatchObject({ version: start + 2, savedBy: { id: colleague.user.id } });
    expect(read.current.body).toContain("Sozialticket");
    expect(read.versions.map((entry: { version: number }) => entry.version).slice(0, 2)).toEqual([
      start + 2,
      start + 1,
    ]);
    expect(read.versions[0]).not.toHaveProperty("body");
    // Earlier versions stay as they were.
    const earlier = await colleague.session.get(`/api/action-plan/versions/${start + 1}`);
    expect(earlier.json()).toMatchObject({ version: start + 1, note: "Erste Fassung" });
    expect(earlier.json().body).not.toContain("Sozialticket");

    const audited = await ctx.db
      .select({ action: schema.auditLog.action })
      .from(schema.auditLog)
      .where(
        and(
          eq(schema.auditLog.userId, member.user.id),
          eq(schema.auditLog.targetType, "action_plan"),
        ),
      );
    expect(audited.map((row) => row.action)).toEqual(expect.arrayContaining(["view", "create"]));
  });

  it("refuse a text that names a person, and store nothing of it", async () => {
    const member = await steeringMember();
    const start = await latestVersion(member);
    const refused = await member.session.post(
      "/api/action-plan/versions",
      plan(start, "## Wohnen\n\nHerr Camara bekommt die Wohnung in der Bahnhofstraße 5."),
    );
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.reason).toBe("personal_data_found");
    expect(refused.json().error.details.findings[0].where).toBe("body");
    expect(await latestVersion(member)).toBe(start);
    expect((await member.session.get("/api/action-plan")).body).not.toContain("Camara");
  });

  it("refuse broken input with a reason", async () => {
    const member = await steeringMember();
    const start = await latestVersion(member);
    const answers = [
      await member.session.post("/api/action-plan/versions", plan(-1, "Text")),
      await member.session.post("/api/action-plan/versions", plan(start, "Bus\u0000linie")),
      await member.session.post("/api/action-plan/versions", plan(start, "a".repeat(100_001))),
      await member.session.post("/api/action-plan/versions", { ...plan(start, "x"), title: " " }),
      await member.session.get("/api/action-plan/versions/null"),
    ];
    for (const answer of answers) expect(answer.statusCode, answer.body).toBe(400);
    expect(JSON.stringify(answers[1]?.json())).toContain("invalid_character");
    expect(JSON.stringify(answers[2]?.json())).toContain("too_long");
  });

  it("take a long text of 100 000 characters with umlauts", async () => {
    const member = await steeringMember();
    const start = await latestVersion(member);
    const sentence = "Übergänge in Ausbildung brauchen frühe Beratung. ";
    const body = sentence.repeat(Math.floor(100_000 / sentence.length)).trim();
    const saved = await member.session.post("/api/action-plan/versions", plan(start, body));
    expect(saved.statusCode, saved.body.slice(0, 300)).toBe(201);
    expect(saved.json().body).toBe(body);
  });
});

describe("the draft from the group's topics", () => {
  it("lists topics under their theme with their state and decisions", async () => {
    const member = await steeringMember();
    const topic = (
      await member.session.post("/api/steering/topics", {
        title: "Abendbusse zu Sprachkursen",
        theme: "mobility",
        description: "Kurse nach 18 Uhr sind ohne Auto nicht erreichbar.",
      })
    ).json();
    await member.session.put(`/api/steering/topics/${topic.id}/state`, {
      state: "passed_on",
      passedTo: "Ausschuss für Mobilität",
    });
    await member.session.post(`/api/steering/topics/${topic.id}/decisions`, {
      text: "Der Kreis beantragt einen Abendbus.",
    });
    const draft = await member.session.get("/api/action-plan/draft");
    expect(draft.statusCode, draft.body).toBe(200);
    const { title, body } = draft.json();
    expect(title).toMatch(/^Handlungskonzept der Lenkungsgruppe, Stand \d\d\.\d\d\.\d{4}$/);
    expect(body).toContain("## Mobilität\n\n### Abendbusse zu Sprachkursen");
    expect(body).toContain("- Stand: weitergegeben an Ausschuss für Mobilität");
    expect(body).toMatch(/- \d\d\.\d\d\.\d{4}: Der Kreis beantragt einen Abendbus\./);
    // The draft passes the guard as it is, so it can be saved unchanged.
    const saved = await member.session.post("/api/action-plan/versions", {
      baseVersion: await latestVersion(member),
      title,
      body,
    });
    expect(saved.statusCode, saved.body).toBe(201);
  });
});

describe("the draft and the working groups", () => {
  it("names the working group a topic was given to, with its progress and result", async () => {
    const member = await steeringMember();
    const ki = await buildMember(ctx);
    const group = await member.session.post("/api/working-groups", { name: "AG Mobilität" });
    const groupId: string = group.json().id;
    await member.session.post(`/api/working-groups/${groupId}/members`, { userId: ki.user.id });
    const topic = (
      await member.session.post("/api/steering/topics", {
        title: "Rufbus für Abendkurse",
        theme: "mobility",
      })
    ).json();
    await member.session.post(`/api/working-groups/${groupId}/topics`, { topicId: topic.id });
    const reported = await ki.session.put(`/api/working-groups/${groupId}/topics/${topic.id}`, {
      progress: "result_ready",
      result: "Rufbus im Nordkreis ab 17 Uhr, Haltestellen an den Kursorten",
    });
    expect(reported.statusCode, reported.body).toBe(200);
    const { body } = (await member.session.get("/api/action-plan/draft")).json();
    expect(body).toContain("### Rufbus für Abendkurse");
    expect(body).toContain("- Arbeitsgruppe: AG Mobilität");
    expect(body).toContain("- Fortschritt: Ergebnis liegt vor");
    expect(body).toContain(
      "- Ergebnis: Rufbus im Nordkreis ab 17 Uhr, Haltestellen an den Kursorten",
    );
  });
});

describe("a version as a file", () => {
  it("downloads as Markdown and as a PDF whose text reads as written", async () => {
    const member = await steeringMember();
    const start = await latestVersion(member);
    const body = [
      "# Handlungskonzept für Übergänge",
      "",
      "## Mobilität im ländlichen Raum",
      "",
      "Die Lenkungsgruppe schlägt größere Änderungen vor.",
      "",
      "- Abendbus auf der Linie 12",
      "- Sozialticket für Schülerinnen und Schüler",
    ].join("\n");
    const saved = await member.session.post(
      "/api/action-plan/versions",
      plan(start, body, "Mobilität ergänzt"),
    );
    const version = saved.json().version as number;

    const markdown = await member.session.get(`/api/action-plan/versions/${version}.md`);
    expect(markdown.statusCode).toBe(200);
    expect(markdown.headers["content-type"]).toMatch(/^text\/markdown/);
    expect(markdown.headers["content-disposition"]).toBe(
      `attachment; filename="Handlungskonzept-Fassung-${version}.md"`,
    );
    expect(markdown.body.startsWith(body)).toBe(true);
    expect(markdown.body).toContain(`Fassung ${version} vom `);
    expect(markdown.body).toContain("Änderung: Mobilität ergänzt");

    const pdf = await member.session.get(`/api/action-plan/versions/${version}.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    expect(pdf.headers["content-disposition"]).toBe(
      `attachment; filename="Handlungskonzept-Fassung-${version}.pdf"`,
    );
    const { text } = await readPdf(pdf.rawPayload);
    expect(text).toContain("Handlungskonzept für Übergänge");
    expect(text).toContain("Mobilität im ländlichen Raum");
    expect(text).toContain("Die Lenkungsgruppe schlägt größere Änderungen vor.");
    expect(text).toContain("Sozialticket für Schülerinnen und Schüler");
    expect(text).toContain(`Fassung ${version}`);
    expect(text).not.toContain("\uFFFD");
    expect(text).not.toContain("#");

    const exported = await ctx.db
      .select({ detail: schema.auditLog.detail })
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.userId, member.user.id), eq(schema.auditLog.action, "export")));
    expect(exported.map((row) => row.detail)).toEqual([
      { version, format: "md" },
      { version, format: "pdf" },
    ]);
  });
});

describe("access to the action plan", () => {
  it("is for members of the steering group only; everyone else gets the 404 of a missing record", async () => {
    const member = await steeringMember();
    const start = await latestVersion(member);
    const saved = await member.session.post("/api/action-plan/versions", plan(start, "Text"));
    const version = saved.json().version as number;
    const admin = await buildMember(ctx, { role: "platform_admin" });
    const coordinator = await buildMember(ctx, { role: "coordinator" });
    const missing = await member.session.get(`/api/action-plan/versions/${version + 100}`);
    expect(missing.statusCode).toBe(404);
    for (const outsider of [admin, coordinator]) {
      const answers = [
        await outsider.session.get("/api/action-plan"),
        await outsider.session.get("/api/action-plan/draft"),
        await outsider.session.get(`/api/action-plan/versions/${version}`),
        await outsider.session.get(`/api/action-plan/versions/${version}.md`),
        await outsider.session.get(`/api/action-plan/versions/${version}.pdf`),
        await outsider.session.post("/api/action-plan/versions", plan(version, "Fremd")),
      ];
      for (const answer of answers) {
        expect(answer.statusCode).toBe(404);
        expect(answer.json().error).toEqual(missing.json().error);
      }
      const denials = await ctx.db
        .select()
        .from(schema.auditLog)
        .where(
          and(eq(schema.auditLog.userId, outsider.user.id), eq(schema.auditLog.action, "denied")),
        );
      expect(denials).toHaveLength(answers.length);
      for (const denial of denials) expect(denial).toMatchObject({ targetType: "action_plan" });
    }
    const anonymous = await ctx.app.inject({ method: "GET", url: "/api/action-plan" });
    expect(anonymous.statusCode).toBe(401);
    expect(await latestVersion(member)).toBe(version);
  });
});
