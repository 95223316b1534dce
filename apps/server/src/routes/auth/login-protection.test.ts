import { describe, expect, it } from "vitest";
import { factories, testPasswordHash } from "../../../test/builders.ts";
import { TEST_PASSWORD } from "../../../test/sessions.ts";
import { useTestApp } from "../../../test/test-app.ts";

// Three failures lock an account; three attempts a minute per address. Every test
// signs in from addresses of its own, so the per-address budget is never shared.
const ctx = useTestApp({
  LOGIN_FAILURES_BEFORE_LOCK: "3",
  LOGIN_ATTEMPTS_PER_IP_PER_MINUTE: "3",
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
  it("locks the account after too many failures, whatever the address, even for the right password", async () => {
    const user = await freshUser();
    for (const address of ["10.1.0.1", "10.1.0.2", "10.1.0.3"]) {
      const failed = await login(user.email, "wrong-password", address);
      expect(failed.statusCode).toBe(401);
    }
    const locked = await login(user.email, TEST_PASSWORD, "10.1.0.4");
    expect(locked.statusCode).toBe(423);
    expect(locked.json().error.code).toBe("account_locked");
    expect(locked.json().error.details.lockedUntil).toEqual(expect.any(String));
    expect(locked.cookies).toHaveLength(0);
  });

  it("counts failures that arrive at the same time", async () => {
    const user = await freshUser();
    const attempts = ["10.4.0.1", "10.4.0.2", "10.4.0.3"].map((address) =>
      login(user.email, "wrong-password", address),
    );
    expect((await Promise.all(attempts)).map((r) => r.statusCode)).toEqual([401, 401, 401]);
    expect((await login(user.email, TEST_PASSWORD, "10.4.0.4")).statusCode).toBe(423);
  });

  it("a success in between starts the count again", async () => {
    const user = await freshUser();
    await login(user.email, "wrong-password", "10.2.0.1");
    await login(user.email, "wrong-password", "10.2.0.1");
    expect((await login(user.email, TEST_PASSWORD, "10.2.0.2")).statusCode).toBe(200);
    await login(user.email, "wrong-password", "10.2.0.2");
    expect((await login(user.email, TEST_PASSWORD, "10.2.0.3")).statusCode).toBe(200);
  });

  it("limits sign-in attempts per address", async () => {
    const user = await freshUser();
    const other = await freshUser();
    for (let attempt = 0; attempt < 3; attempt += 1) {
      expect((await login(other.email, "wrong-password", "10.3.0.1")).statusCode).toBe(401);
    }
    const limited = await login(user.email, TEST_PASSWORD, "10.3.0.1");
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe("rate_limited");
    expect((await login(user.email, TEST_PASSWORD, "10.3.0.2")).statusCode).toBe(200);
  });
});
