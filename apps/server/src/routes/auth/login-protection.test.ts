import { schema } from "@runder-tisch/db";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { buildMember, factories, testPasswordHash } from "../../../test/builders.ts";
import { TEST_PASSWORD } from "../../../test/sessions.ts";
import { useTestApp } from "../../../test/test-app.ts";

// Three failures pause an account's sign-in from that address; six attempts a minute
// per address. Every test signs in from addresses of its own, so budgets are never shared.
const ctx = useTestApp({
  LOGIN_FAILURES_BEFORE_LOCK: "3",
  LOGIN_ATTEMPTS_PER_IP_PER_MINUTE: "6",
});

const login = (email: string, password: string, remoteAddress: string) =>
  ctx.app.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { email, password },
    remoteAddress,
  });

async function freshUser() {
  const agency = await factories.createAgency(ctx.db);
  return factories.createUser(ctx.db, {
    agencyId: agency.id,
    passwordHash: await testPasswordHash(),
  });
}

describe("login protection", () => {
  it("pauses sign-in from the guessing address only; the owner signs in from their own", async () => {
    const user = await freshUser();
    for (let attempt = 0; attempt < 3; attempt += 1) {
      expect((await login(user.email, "wrong-password", "10.1.0.1")).statusCode).toBe(401);
    }
    const paused = await login(user.email, TEST_PASSWORD, "10.1.0.1");
    expect(paused.statusCode).toBe(429);
    expect(paused.json().error.code).toBe("account_locked");
    expect(paused.json().error.details.lockedUntil).toEqual(expect.any(String));
    expect(paused.cookies).toHaveLength(0);
    expect((await login(user.email, TEST_PASSWORD, "10.1.0.2")).statusCode).toBe(200);
  });

  it("answers an unknown account exactly like a known one, pause included", async () => {
    const user = await freshUser();
    const answers = async (email: string, address: string) => {
      const seen: string[] = [];
      for (let attempt = 0; attempt < 3; attempt += 1) {
        const response = await login(email, "wrong-password", address);
        seen.push(`${response.statusCode} ${response.json().error.code}`);
      }
      const after = await login(email, "wrong-password", address);
      seen.push(`${after.statusCode} ${after.json().error.code}`);
      return seen;
    };
    const known = await answers(user.email, "10.5.0.1");
    const unknown = await answers("nobody-here@example.test", "10.5.0.2");
    expect(unknown).toEqual(known);
    expect(known.at(-1)).toBe("429 account_locked");
  });

  it("counts failures from one address that arrive at the same time", async () => {
    const user = await freshUser();
    const attempts = [1, 2, 3].map(() => login(user.email, "wrong-password", "10.4.0.1"));
    expect((await Promise.all(attempts)).map((r) => r.statusCode)).toEqual([401, 401, 401]);
    expect((await login(user.email, TEST_PASSWORD, "10.4.0.1")).statusCode).toBe(429);
  });

  it("a coordinator lifts the pause", async () => {
    const user = await freshUser();
    const coordinator = await buildMember(ctx, {
      role: "coordinator",
      agency: (
        await ctx.db.select().from(schema.agencies).where(eq(schema.agencies.id, user.agencyId))
      )[0],
    });
    for (let attempt = 0; attempt < 3; attempt += 1) await login(user.email, "wrong", "10.6.0.1");
    const listed = (await coordinator.session.get("/api/users")).json().users as {
      id: string;
      lockedUntil: string | null;
    }[];
    expect(listed.find((entry) => entry.id === user.id)?.lockedUntil).toEqual(expect.any(String));
    const lifted = await coordinator.session.patch(`/api/users/${user.id}`, { unlock: true });
    expect(lifted.statusCode).toBe(200);
    expect((await login(user.email, TEST_PASSWORD, "10.6.0.1")).statusCode).toBe(200);
  });

  it("a success in between starts the count again", async () => {
    const user = await freshUser();
    await login(user.email, "wrong-password", "10.2.0.1");
    await login(user.email, "wrong-password", "10.2.0.1");
    expect((await login(user.email, TEST_PASSWORD, "10.2.0.1")).statusCode).toBe(200);
    await login(user.email, "wrong-password", "10.2.0.1");
    await login(user.email, "wrong-password", "10.2.0.1");
    expect((await login(user.email, TEST_PASSWORD, "10.2.0.1")).statusCode).toBe(200);
  });

  it("limits sign-in attempts per address", async () => {
    const user = await freshUser();
    const others = [await freshUser(), await freshUser(), await freshUser()];
    for (const other of [...others, ...others]) {
      expect((await login(other.email, "wrong-password", "10.3.0.1")).statusCode).toBe(401);
    }
    const limited = await login(user.email, TEST_PASSWORD, "10.3.0.1");
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe("rate_limited");
    expect((await login(user.email, TEST_PASSWORD, "10.3.0.2")).statusCode).toBe(200);
  });
});
