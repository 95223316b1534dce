import { schema } from "@runder-tisch/db";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { buildMember, factories, testPasswordHash } from "../../../test/builders.ts";
import { signIn, TEST_PASSWORD } from "../../../test/sessions.ts";
import { useTestApp } from "../../../test/test-app.ts";

const ctx = useTestApp();

const NEW_PASSWORD = "ein-neues-passwort-2026";
const ids = (response: { json(): { users: { id: string }[] } }) =>
  response.json().users.map((user) => user.id);

async function memberOf(agencyId: string, role: "member" | "coordinator" = "member") {
  return factories.createUser(ctx.db, { agencyId, role, passwordHash: await testPasswordHash() });
}

const login = (email: string, password: string) =>
  ctx.app.inject({ method: "POST", url: "/api/auth/login", payload: { email, password } });

describe("listing people", () => {
  it("the platform admin lists everyone or one agency", async () => {
    const admin = await buildMember(ctx, { role: "platform_admin" });
    const other = await buildMember(ctx);
    const all = await admin.session.get("/api/users");
    expect(all.statusCode).toBe(200);
    expect(ids(all)).toEqual(expect.arrayContaining([admin.user.id, other.user.id]));
    const one = await admin.session.get(`/api/users?agencyId=${other.agency.id}`);
    expect(ids(one)).toEqual([other.user.id]);
    expect(all.body).not.toContain("argon2");
    expect(all.body).not.toContain("passwordHash");
  });

  it("a coordinator lists their own agency only; a member lists nobody", async () => {
    const coordinator = await buildMember(ctx, { role: "coordinator" });
    const colleague = await memberOf(coordinator.agency.id);
    const other = await buildMember(ctx);
    const own = await coordinator.session.get("/api/users");
    expect(ids(own).sort()).toEqual([coordinator.user.id, colleague.id].sort());
    const foreign = await coordinator.session.get(`/api/users?agencyId=${other.agency.id}`);
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().error.code).toBe("forbidden");
    expect((await other.session.get("/api/users")).statusCode).toBe(403);
  });
});

describe("adding people", () => {
  it("a coordinator adds a member to their own agency, who can then sign in", async () => {
    const coordinator = await buildMember(ctx, { role: "coordinator" });
    const response = await coordinator.session.post("/api/users", {
      agencyId: coordinator.agency.id,
      email: `  Neu-${coordinator.user.id.slice(0, 8)}@Example.test `,
      displayName: "Neue Kollegin",
      role: "member",
      password: NEW_PASSWORD,
    });
    expect(response.statusCode).toBe(201);
    const created = response.json();
    expect(created).toMatchObject({
      agencyId: coordinator.agency.id,
      email: `neu-${coordinator.user.id.slice(0, 8)}@example.test`,
      role: "member",
      disabled: false,
      lockedUntil: null,
    });
    expect(response.body).not.toContain("argon2");
    expect((await login(created.email, NEW_PASSWORD)).statusCode).toBe(200);
    const audit = await ctx.db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.targetType, "user"), eq(schema.auditLog.targetId, created.id)));
    expect(audit).toMatchObject([{ action: "create", userId: coordinator.user.id }]);
  });

  it("a coordinator cannot add coordinators or people of another agency; a member cannot add anyone", async () => {
    const coordinator = await buildMember(ctx, { role: "coordinator" });
    const other = await buildMember(ctx);
    const person = (agencyId: string, role: string) => ({
      agencyId,
      email: `p-${Math.random().toString(36).slice(2)}@example.test`,
      displayName: "Person",
      role,
      password: NEW_PASSWORD,
    });
    for (const [session, body] of [
      [coordinator.session, person(coordinator.agency.id, "coordinator")],
      [coordinator.session, person(coordinator.agency.id, "platform_admin")],
      [coordinator.session, person(other.agency.id, "member")],
      [other.session, person(other.agency.id, "member")],
    ] as const) {
      const response = await session.post("/api/users", body);
      expect(response.statusCode).toBe(403);
    }
    expect(ids(await coordinator.session.get("/api/users"))).toEqual([coordinator.user.id]);
  });

  it("the platform admin adds a coordinator to any agency", async () => {
    const admin = await buildMember(ctx, { role: "platform_admin" });
    const agency = await factories.createAgency(ctx.db);
    const response = await admin.session.post("/api/users", {
      agencyId: agency.id,
      email: `koordination-${agency.id.slice(0, 8)}@example.test`,
      displayName: "Koordination",
      role: "coordinator",
      password: NEW_PASSWORD,
    });
    expect(response.statusCode).toBe(201);
    expect(response.json().role).toBe("coordinator");
  });

  it("refuses a taken e-mail address (any case), an unknown agency and a short password", async () => {
    const admin = await buildMember(ctx, { role: "platform_admin" });
    const existing = await memberOf(admin.agency.id);
    const base = { displayName: "Doppelt", role: "member", password: NEW_PASSWORD };
    const duplicate = await admin.session.post("/api/users", {
      ...base,
      agencyId: admin.agency.id,
      email: existing.email.toUpperCase(),
    });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error).toMatchObject({ code: "conflict", reason: "email_taken" });
    const unknownAgency = await admin.session.post("/api/users", {
      ...base,
      agencyId: "00000000-0000-4000-8000-000000000000",
      email: "niemand@example.test",
    });
    expect(unknownAgency.statusCode).toBe(404);
    const short = await admin.session.post("/api/users", {
      ...base,
      agencyId: admin.agency.id,
      email: "kurz@example.test",
      password: "kurz",
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.code).toBe("validation_failed");
  });
});

describe("changing people", () => {
  it("a coordinator renames, resets and unlocks a member of their own agency", async () => {
    const coordinator = await buildMember(ctx, { role: "coordinator" });
    const member = await memberOf(coordinator.agency.id);
    const memberSession = await signIn(ctx.app, member);
    await ctx.db
      .update(schema.users)
      .set({ lockedUntil: new Date(Date.now() + 600_000) })
      .where(eq(schema.users.id, member.id));
    const locked = (await coordinator.session.get("/api/users")).json().users;
    expect(locked.find((u: { id: string }) => u.id === member.id).lockedUntil).not.toBeNull();

    const response = await coordinator.session.patch(`/api/users/${member.id}`, {
      displayName: "Umbenannt",
      password: NEW_PASSWORD,
      unlock: true,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ displayName: "Umbenannt", lockedUntil: null });
    // Whoever knew the old password must not stay signed in.
    expect((await memberSession.get("/api/me")).statusCode).toBe(401);
    expect((await login(member.email, TEST_PASSWORD)).statusCode).toBe(401);
    expect((await login(member.email, NEW_PASSWORD)).statusCode).toBe(200);
    const [audit] = await ctx.db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.action, "change"), eq(schema.auditLog.targetId, member.id)));
    expect(audit?.detail).toEqual({ fields: ["displayName", "password", "unlock"] });
  });

  it("a coordinator cannot raise roles, touch fellow coordinators or another agency's people", async () => {
    const coordinator = await buildMember(ctx, { role: "coordinator" });
    const member = await memberOf(coordinator.agency.id);
    const fellow = await memberOf(coordinator.agency.id, "coordinator");
    const stranger = await buildMember(ctx);
    const attempts = [
      [member.id, { role: "coordinator" }],
      [coordinator.user.id, { role: "platform_admin" }],
      [fellow.id, { password: NEW_PASSWORD }],
      [fellow.id, { role: "member" }],
      [stranger.user.id, { displayName: "Fremd" }],
    ] as const;
    for (const [id, body] of attempts) {
      const response = await coordinator.session.patch(`/api/users/${id}`, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(403);
    }
    expect((await login(fellow.email, TEST_PASSWORD)).statusCode).toBe(200);
    const own = await coordinator.session.patch(`/api/users/${coordinator.user.id}`, {
      displayName: "Ich selbst",
    });
    expect(own.statusCode).toBe(200);
    const byMember = await stranger.session.patch(`/api/users/${stranger.user.id}`, {
      displayName: "Selbst",
    });
    expect(byMember.statusCode).toBe(403);
  });

  it("the platform admin changes roles anywhere", async () => {
    const admin = await buildMember(ctx, { role: "platform_admin" });
    const other = await buildMember(ctx);
    const promoted = await admin.session.patch(`/api/users/${other.user.id}`, {
      role: "coordinator",
    });
    expect(promoted.statusCode).toBe(200);
    expect(promoted.json().role).toBe("coordinator");
    // Roles are read with the session, so the promotion holds at once.
    expect((await other.session.get("/api/users")).statusCode).toBe(200);
  });

  it("nobody disables themselves", async () => {
    for (const role of ["coordinator", "platform_admin"] as const) {
      const { session, user } = await buildMember(ctx, { role });
      const response = await session.patch(`/api/users/${user.id}`, { disabled: true });
      expect(response.statusCode).toBe(422);
      expect((await session.get("/api/me")).statusCode).toBe(200);
    }
  });

  it("disabling ends the sessions; enabling again lets the person sign in", async () => {
    const coordinator = await buildMember(ctx, { role: "coordinator" });
    const member = await memberOf(coordinator.agency.id);
    const memberSession = await signIn(ctx.app, member);
    const disabled = await coordinator.session.patch(`/api/users/${member.id}`, { disabled: true });
    expect(disabled.json().disabled).toBe(true);
    expect((await memberSession.get("/api/me")).json().error.code).toBe("session_expired");
    const enabled = await coordinator.session.patch(`/api/users/${member.id}`, { disabled: false });
    expect(enabled.json().disabled).toBe(false);
    expect((await login(member.email, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it("answers 404 for an unknown person and 400 for an empty change", async () => {
    const admin = await buildMember(ctx, { role: "platform_admin" });
    const unknown = await admin.session.patch("/api/users/00000000-0000-4000-8000-000000000000", {
      displayName: "X",
    });
    expect(unknown.statusCode).toBe(404);
    expect((await admin.session.patch(`/api/users/${admin.user.id}`, {})).statusCode).toBe(400);
  });
});
