import { describe, expect, it } from "vitest";
import { buildMember, factories } from "../../../test/builders.ts";
import { useTestApp } from "../../../test/test-app.ts";
import { DEMO_PASSWORD } from "../../lib/demo-passwords.ts";
import { hashPassword } from "../../lib/passwords.ts";

const ctx = useTestApp({ NODE_ENV: "production" });

describe("demo passwords in production", () => {
  it("refuses to sign in with a demo password", async () => {
    const agency = await factories.createAgency(ctx.db);
    const user = await factories.createUser(ctx.db, {
      agencyId: agency.id,
      passwordHash: await hashPassword(DEMO_PASSWORD),
    });
    const response = await ctx.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { email: user.email, password: DEMO_PASSWORD },
    });
    expect(response.statusCode).toBe(403);
    expect(response.cookies).toHaveLength(0);
  });

  it("refuses a demo password for a new person or a password change", async () => {
    const { session, agency, user } = await buildMember(ctx, { role: "platform_admin" });
    const created = await session.post("/api/users", {
      agencyId: agency.id,
      email: "neu@example.test",
      displayName: "Neue Person",
      role: "member",
      password: DEMO_PASSWORD,
    });
    expect(created.statusCode).toBe(422);
    expect(created.json().error.code).toBe("validation_failed");
    const changed = await session.patch(`/api/users/${user.id}`, { password: DEMO_PASSWORD });
    expect(changed.statusCode).toBe(422);
    expect((await session.get("/api/me")).statusCode).toBe(200);
  });
});
