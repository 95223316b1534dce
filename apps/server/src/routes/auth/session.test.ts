import { schema } from "@runder-tisch/db";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { buildMember, factories, testPasswordHash } from "../../../test/builders.ts";
import { TEST_PASSWORD } from "../../../test/sessions.ts";
import { useTestApp } from "../../../test/test-app.ts";
import type { DomainEvent } from "../../events/domain-events.ts";

const ctx = useTestApp();

const login = (email: string, password: string) =>
  ctx.app.inject({ method: "POST", url: "/api/auth/login", payload: { email, password } });

async function freshUser(values: { disabledAt?: Date } = {}) {
  const agency = await factories.createAgency(ctx.db);
  const user = await factories.createUser(ctx.db, {
    agencyId: agency.id,
    passwordHash: await testPasswordHash(),
    ...values,
  });
  return { agency, user };
}

describe("signing in", () => {
  it("returns the user, the agency and a CSRF token, and sets a strict HttpOnly cookie", async () => {
    const { agency, user } = await freshUser();
    const response = await login(user.email.toUpperCase(), TEST_PASSWORD);
    expect(response.statusCode).toBe(200);
    const me = response.json();
    expect(me.user).toEqual({
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      role: "member",
    });
    expect(me.agency).toMatchObject({ id: agency.id, name: agency.name });
    expect(me.csrfToken).toEqual(expect.any(String));
    expect(response.body).not.toContain("argon2");
    const cookie = response.cookies.find((c) => c.name === "rt_session");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Strict", path: "/" });
  });

  it("answers a wrong password and an unknown address alike", async () => {
    const { user } = await freshUser();
    const wrong = await login(user.email, "not-the-password");
    const unknown = await login("nobody-here@example.test", TEST_PASSWORD);
    for (const response of [wrong, unknown]) {
      expect(response.statusCode).toBe(401);
      expect(response.json().error.code).toBe("invalid_credentials");
      expect(response.cookies).toHaveLength(0);
    }
    expect(unknown.json().error.message).toBe(wrong.json().error.message);
  });

  it("refuses a disabled account", async () => {
    const { user } = await freshUser({ disabledAt: new Date() });
    const response = await login(user.email, TEST_PASSWORD);
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe("account_disabled");
    expect(response.cookies).toHaveLength(0);
  });
});

describe("sessions", () => {
  it("GET /api/me tells who is signed in, and 401 without a session", async () => {
    const { session, user, agency } = await buildMember(ctx, { role: "coordinator" });
    const me = await session.get("/api/me");
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      user: { id: user.id, role: "coordinator" },
      agency: { id: agency.id },
      csrfToken: session.csrfToken,
    });
    const anonymous = await ctx.app.inject({ method: "GET", url: "/api/me" });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().error.code).toBe("unauthenticated");
  });

  it("ends the session on logout: the cookie no longer works", async () => {
    const { session } = await buildMember(ctx);
    const response = await session.post("/api/auth/logout");
    expect(response.statusCode).toBe(200);
    const cleared = response.cookies.find((c) => c.name === "rt_session");
    expect(cleared?.value).toBe("");
    const after = await session.get("/api/me");
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe("session_expired");
  });

  it("treats a session past its end as expired", async () => {
    const { session, user } = await buildMember(ctx);
    await ctx.db
      .update(schema.sessions)
      .set({ expiresAt: new Date(Date.now() - 60_000) })
      .where(eq(schema.sessions.userId, user.id));
    const response = await session.get("/api/cases");
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe("session_expired");
  });

  it("cuts off a user's open session the moment the account is disabled", async () => {
    const coordinator = await buildMember(ctx, { role: "coordinator" });
    const member = await factories.createUser(ctx.db, {
      agencyId: coordinator.agency.id,
      passwordHash: await testPasswordHash(),
    });
    const first = await login(member.email, TEST_PASSWORD);
    const second = await login(member.email, TEST_PASSWORD);
    const cookies = [first, second].map(
      (r) => `rt_session=${r.cookies.find((c) => c.name === "rt_session")?.value}`,
    );
    const events: DomainEvent[] = [];
    const unsubscribe = ctx.app.events.subscribe((event) => events.push(event));
    try {
      const disabled = await coordinator.session.patch(`/api/users/${member.id}`, {
        disabled: true,
      });
      expect(disabled.statusCode).toBe(200);
    } finally {
      unsubscribe();
    }
    expect(events).toContainEqual({ kind: "user.cut-off", userId: member.id });
    for (const cookie of cookies) {
      const response = await ctx.app.inject({ method: "GET", url: "/api/me", headers: { cookie } });
      expect(response.statusCode).toBe(401);
      expect(response.json().error.code).toBe("session_expired");
    }
    const again = await login(member.email, TEST_PASSWORD);
    expect(again.json().error.code).toBe("account_disabled");
  });
});

describe("CSRF protection", () => {
  it("refuses a state change without or with a wrong token and changes nothing", async () => {
    const coordinator = await buildMember(ctx, { role: "coordinator" });
    const member = await factories.createUser(ctx.db, {
      agencyId: coordinator.agency.id,
      passwordHash: await testPasswordHash(),
      displayName: "Vorher",
    });
    for (const headers of [
      { cookie: coordinator.session.cookie },
      { cookie: coordinator.session.cookie, "x-csrf-token": "forged" },
    ]) {
      const rename = await ctx.app.inject({
        method: "PATCH",
        url: `/api/users/${member.id}`,
        headers,
        payload: { displayName: "Nachher" },
      });
      expect(rename.statusCode).toBe(403);
      expect(rename.json().error.code).toBe("csrf_failed");
      const logout = await ctx.app.inject({ method: "POST", url: "/api/auth/logout", headers });
      expect(logout.json().error.code).toBe("csrf_failed");
    }
    const [stored] = await ctx.db
      .select({ displayName: schema.users.displayName })
      .from(schema.users)
      .where(eq(schema.users.id, member.id));
    expect(stored?.displayName).toBe("Vorher");
    expect((await coordinator.session.get("/api/me")).statusCode).toBe(200);
  });
});
