import { addObstacle } from "@runder-tisch/conference-doc";
import { CASE_THEMES, type TTheme } from "@runder-tisch/contracts";
import { schema } from "@runder-tisch/db";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { buildCase, buildMember, factories, type Member } from "../../../test/builders.ts";
import { writeDocument } from "../../../test/scenarios.ts";
import { useTestApp } from "../../../test/test-app.ts";

const ctx = useTestApp();

/** Each test adds themes under names of its own: the catalogue is the whole Kreis's. */
const uniqueName = (name: string) => `${name} ${crypto.randomUUID().slice(0, 8)}`;

async function addTheme(admin: Member, labelDe: string, labelEn?: string): Promise<TTheme> {
  const created = await admin.session.post("/api/admin/themes", { labelDe, labelEn });
  expect(created.statusCode, created.body).toBe(201);
  return created.json();
}

async function catalogue(member: Member): Promise<TTheme[]> {
  const response = await member.session.get("/api/themes");
  expect(response.statusCode).toBe(200);
  return response.json().themes;
}

async function auditRows(targetId: string, action: "create" | "change" | "denied") {
  return ctx.db
    .select()
    .from(schema.auditLog)
    .where(
      and(
        eq(schema.auditLog.targetType, "theme"),
        eq(schema.auditLog.targetId, targetId),
        eq(schema.auditLog.action, action),
      ),
    );
}

/** A case of its own agency whose finalised minutes name the theme once. */
async function caseNamingTheme(theme: TTheme["key"], description: string) {
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
      addObstacle(doc, { theme, description });
    },
  );
  const finalised = await owner.session.post(`/api/conferences/${conference.id}/finalise`, {});
  expect(finalised.statusCode, finalised.body).toBe(201);
  return { owner, minutesId: finalised.json().minutes.id as string };
}

describe("the theme catalogue", () => {
  it("gives every signed-in person the twelve defaults in order, then the Kreis's own", async () => {
    const admin = await buildMember(ctx, { role: "platform_admin" });
    const member = await buildMember(ctx);
    expect((await ctx.app.inject({ method: "GET", url: "/api/themes" })).statusCode).toBe(401);
    const first = await addTheme(admin, uniqueName("Ehrenamt"));
    const second = await addTheme(admin, uniqueName("Digitale Teilhabe"), "Digital inclusion");
    const themes = await catalogue(member);
    expect(themes.slice(0, 12).map((theme) => theme.key)).toEqual([...CASE_THEMES]);
    expect(themes[0]).toEqual({
      key: "residence",
      labels: { de: null, en: null },
      active: true,
      isDefault: true,
    });
    const own = themes.slice(12).map((theme) => theme.key);
    expect(own.indexOf(first.key)).toBeLessThan(own.indexOf(second.key));
    expect(second).toMatchObject({
      labels: { en: "Digital inclusion" },
      active: true,
      isDefault: false,
    });
    expect(second.key).toMatch(/^k_digitale_teilhabe_[a-z0-9]{8}$/);
  });

  it("lets only a platform admin add, rename or switch, and audits each", async () => {
    const admin = await buildMember(ctx, { role: "platform_admin" });
    const coordinator = await buildMember(ctx, { role: "coordinator" });
    const byCoordinator = await coordinator.session.post("/api/admin/themes", {
      labelDe: uniqueName("Ehrenamt"),
    });
    expect(byCoordinator.statusCode).toBe(403);
    expect(byCoordinator.json().error.reason).toBe("platform_admin_only");
    const theme = await addTheme(admin, uniqueName("Ehrenamt"));
    expect(await auditRows(theme.key, "create")).toHaveLength(1);

    const patch = await coordinator.session.patch(`/api/admin/themes/${theme.key}`, {
      active: false,
    });
    expect(patch.statusCode).toBe(403);
    expect(await auditRows(theme.key, "denied")).toHaveLength(1);
    for (const method of ["POST", "PATCH"] as const) {
      const url = method === "POST" ? "/api/admin/themes" : `/api/admin/themes/${theme.key}`;
      const payload = method === "POST" ? { labelDe: uniqueName("Sport") } : { active: false };
      const anonymous = await ctx.app.inject({ method, url, payload });
      expect(anonymous.statusCode).toBe(401);
    }

    const renamed = await admin.session.patch(`/api/admin/themes/${theme.key}`, {
      labelDe: `${theme.labels.de} und Patenschaften`,
      labelEn: "Volunteering",
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({
      key: theme.key,
      labels: { de: `${theme.labels.de} und Patenschaften`, en: "Volunteering" },
    });
    expect(await auditRows(theme.key, "change")).toHaveLength(1);
  });

  it("renames a default theme and goes back to the default wording", async () => {
    const admin = await buildMember(ctx, { role: "platform_admin" });
    const renamed = await admin.session.patch("/api/admin/themes/finances", {
      labelDe: "Geld und Schulden",
    });
    expect(renamed.json()).toEqual({
      key: "finances",
      labels: { de: "Geld und Schulden", en: null },
      active: true,
      isDefault: true,
    });
    const back = await admin.session.patch("/api/admin/themes/finances", { labelDe: null });
    expect(back.json().labels).toEqual({ de: null, en: null });
  });

  it("refuses what makes no sense: a nameless own theme, a name taken, a key unknown", async () => {
    const admin = await buildMember(ctx, { role: "platform_admin" });
    const theme = await addTheme(admin, uniqueName("Ehrenamt"));
    const nameless = await admin.session.patch(`/api/admin/themes/${theme.key}`, { labelDe: null });
    expect(nameless.statusCode).toBe(422);
    expect(nameless.json().error.reason).toBe("required");
    const taken = await admin.session.post("/api/admin/themes", { labelDe: "wohnen" });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.reason).toBe("theme_label_taken");
    const unknown = await admin.session.patch("/api/admin/themes/k_gibt_es_nicht", {
      active: false,
    });
    expect(unknown.statusCode).toBe(404);
    const malformed = await admin.session.patch("/api/admin/themes/Weather", { active: false });
    expect(malformed.statusCode).toBe(400);
    expect((await admin.session.post("/api/admin/themes", { labelDe: "  " })).statusCode).toBe(400);
    expect((await admin.session.patch(`/api/admin/themes/${theme.key}`, {})).statusCode).toBe(400);
  });
});

describe("writing themes", () => {
  it("offers a switched-off theme no more, while what carries it keeps it", async () => {
    const admin = await buildMember(ctx, { role: "platform_admin" });
    const owner = await buildMember(ctx);
    const theme = await addTheme(admin, uniqueName("Ehrenamt"));
    const created = await owner.session.post("/api/cases", { themes: ["work", theme.key] });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().themes).toEqual(["work", theme.key]);

    const off = await admin.session.patch(`/api/admin/themes/${theme.key}`, { active: false });
    expect(off.json()).toMatchObject({ active: false });
    expect((await catalogue(owner)).find((entry) => entry.key === theme.key)).toMatchObject({
      active: false,
      labels: theme.labels,
    });

    const refused = await owner.session.post("/api/cases", { themes: [theme.key] });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatchObject({
      code: "validation_failed",
      reason: "unknown_theme",
      details: { problems: [{ where: "body", path: "/themes", reason: "unknown_theme" }] },
    });
    // The case that has it keeps it through a change of its themes.
    const caseId = created.json().id;
    const kept = await owner.session.patch(`/api/cases/${caseId}`, {
      themes: [theme.key, "housing"],
    });
    expect(kept.statusCode, kept.body).toBe(200);
    expect((await owner.session.get(`/api/cases/${caseId}`)).json().themes).toEqual([
      theme.key,
      "housing",
    ]);
    const other = (await owner.session.post("/api/cases", { themes: ["work"] })).json();
    const added = await owner.session.patch(`/api/cases/${other.id}`, {
      themes: ["work", theme.key],
    });
    expect(added.statusCode).toBe(400);
    expect(added.json().error.reason).toBe("unknown_theme");

    const on = await admin.session.patch(`/api/admin/themes/${theme.key}`, { active: true });
    expect(on.json().active).toBe(true);
    expect(
      (await owner.session.patch(`/api/cases/${other.id}`, { themes: [theme.key] })).statusCode,
    ).toBe(200);
  });

  it("refuses a key of the right form the catalogue does not have, and one of a wrong form", async () => {
    const owner = await buildMember(ctx);
    const unknown = await owner.session.post("/api/cases", { themes: ["k_gibt_es_nicht"] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.reason).toBe("unknown_theme");
    const malformed = await owner.session.post("/api/cases", { themes: ["weather"] });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.reason).toBe("invalid_choice");
  });

  it("lets the steering group open topics only under themes on offer", async () => {
    const admin = await buildMember(ctx, { role: "platform_admin" });
    const member = await buildMember(ctx);
    await admin.session.post("/api/steering/members", { userId: member.user.id });
    const theme = await addTheme(admin, uniqueName("Digitale Teilhabe"));
    const topic = { title: "Tablets für Sprachkurse", theme: theme.key };
    const opened = await member.session.post("/api/steering/topics", topic);
    expect(opened.statusCode, opened.body).toBe(201);
    expect(opened.json().theme).toBe(theme.key);
    await admin.session.patch(`/api/admin/themes/${theme.key}`, { active: false });
    const refused = await member.session.post("/api/steering/topics", topic);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.reason).toBe("unknown_theme");
    const unknown = await member.session.post("/api/steering/topics", {
      ...topic,
      theme: "k_gibt_es_nicht",
    });
    expect(unknown.json().error.reason).toBe("unknown_theme");
  });
});

describe("counting the Kreis's own themes", () => {
  it("counts a custom theme for the steering group under the same k rule", async () => {
    const admin = await buildMember(ctx, { role: "platform_admin" });
    const member = await buildMember(ctx);
    await admin.session.post("/api/steering/members", { userId: member.user.id });
    const theme = await addTheme(admin, uniqueName("Ehrenamt"));
    const idle = await addTheme(admin, uniqueName("Sport"));
    await admin.session.patch(`/api/admin/themes/${idle.key}`, { active: false });
    const entryOf = async () => {
      const themes: { theme: string }[] = (await member.session.get("/api/steering/themes")).json()
        .themes;
      return {
        counted: themes.find((entry) => entry.theme === theme.key),
        idle: themes.find((entry) => entry.theme === idle.key),
      };
    };
    // Active, no data yet: listed, below k.
    expect((await entryOf()).counted).toEqual({ theme: theme.key, shown: false });
    // Switched off and without data: not listed at all.
    expect((await entryOf()).idle).toBeUndefined();

    for (const text of ["Keine Begleitung", "Paten fehlen", "Wartezeit", "Kein Ansprechpartner"]) {
      await caseNamingTheme(theme.key, text);
    }
    expect((await entryOf()).counted).toEqual({ theme: theme.key, shown: false });
    await caseNamingTheme(theme.key, "Niemand übersetzt");
    // Switched off after the minutes named it: still counted under its key.
    await admin.session.patch(`/api/admin/themes/${theme.key}`, { active: false });
    const { counted } = await entryOf();
    expect(counted).toMatchObject({ theme: theme.key, shown: true, caseCount: 5 });
  });

  it("writes the Kreis's German name of a theme into the minutes, as it is when read", async () => {
    const admin = await buildMember(ctx, { role: "platform_admin" });
    const theme = await addTheme(admin, uniqueName("Digitale Teilhabe"));
    const { owner, minutesId } = await caseNamingTheme(theme.key, "Kein WLAN in der Unterkunft");
    const before = await owner.session.get(`/api/minutes/${minutesId}.md`);
    expect(before.body).toContain(`${theme.labels.de} | Kein WLAN in der Unterkunft`);
    const renamed = `${theme.labels.de} und Internet`;
    await admin.session.patch(`/api/admin/themes/${theme.key}`, { labelDe: renamed });
    const after = await owner.session.get(`/api/minutes/${minutesId}.md`);
    expect(after.body).toContain(`${renamed} | Kein WLAN in der Unterkunft`);
  });

  it("lists an active custom theme in the evaluation's cases per theme", async () => {
    const admin = await buildMember(ctx, { role: "platform_admin" });
    const coordinator = await buildMember(ctx, { role: "coordinator" });
    const theme = await addTheme(admin, uniqueName("Ehrenamt"));
    const response = await coordinator.session.get("/api/evaluation?from=2024-01&to=2024-06");
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().casesPerTheme.rows).toContain(theme.key);
    expect(response.json().casesPerTheme.rows.slice(0, 12)).toEqual([...CASE_THEMES]);
  });
});
