import { Secret, TOTP } from "otpauth";
import { describe, expect, it } from "vitest";
import { buildMember, type Member } from "../../../test/builders.ts";
import { TEST_PASSWORD } from "../../../test/sessions.ts";
import { useTestApp } from "../../../test/test-app.ts";

/** The code the person's authenticator app shows, `stepsAhead` periods from now. */
const codeFor = (secret: string, stepsAhead = 0) =>
  TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: Date.now() + stepsAhead * 30_000 });

describe("second factor for password sign-in", () => {
  const ctx = useTestApp({ SECOND_FACTOR_REQUIRED_FOR: "coordinator,platform_admin" });

  const login = (member: Member, code?: string) =>
    ctx.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { email: member.user.email, password: TEST_PASSWORD, ...(code ? { code } : {}) },
    });

  async function setUp(member: Member) {
    const setup = await member.session.post("/api/me/second-factor/setup");
    expect(setup.statusCode).toBe(200);
    const { secret, uri, qrSvg } = setup.json();
    expect(uri).toMatch(/^otpauth:\/\/totp\//);
    expect(qrSvg).toContain("<svg");
    const confirmed = await member.session.post("/api/me/second-factor/confirm", {
      code: codeFor(secret),
    });
    expect(confirmed.statusCode).toBe(200);
    return { secret: secret as string, recoveryCodes: confirmed.json().recoveryCodes as string[] };
  }

  it("is set up with the app's first code, and then asked for at every password sign-in", async () => {
    const member = await buildMember(ctx);
    const setup = await member.session.post("/api/me/second-factor/setup");
    const wrong = await member.session.post("/api/me/second-factor/confirm", {
      code: codeFor(setup.json().secret, 10),
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error.reason).toBe("second_factor_invalid");
    // Without a code the password alone opens nothing yet.
    expect((await login(member)).statusCode).toBe(200);

    const { secret, recoveryCodes } = await setUp(member);
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);

    const withoutCode = await login(member);
    expect(withoutCode.statusCode).toBe(401);
    expect(withoutCode.json().error.reason).toBe("second_factor_required");
    expect(withoutCode.cookies.find((c) => c.name === "rt_session")).toBeUndefined();

    const wrongCode = await login(member, codeFor(secret, 20));
    expect(wrongCode.statusCode).toBe(401);
    expect(wrongCode.json().error.reason).toBe("second_factor_invalid");

    const next = codeFor(secret, 1);
    const signedIn = await login(member, next);
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.json().secondFactor).toBe(true);
    // A code is good once: seen by someone looking over the shoulder, it is spent.
    expect((await login(member, next)).statusCode).toBe(401);
    // The set-up's own code is spent too.
    expect((await login(member, codeFor(secret))).statusCode).toBe(401);
  });

  it("takes each recovery code once, in place of the app's code", async () => {
    const member = await buildMember(ctx);
    const { recoveryCodes } = await setUp(member);
    const [first, second] = recoveryCodes as [string, string];
    expect((await login(member, first)).statusCode).toBe(200);
    expect((await login(member, first)).statusCode).toBe(401);
    expect((await login(member, second.toUpperCase())).statusCode).toBe(200);

    const renewed = await member.session.post("/api/me/second-factor/recovery-codes");
    expect(renewed.statusCode).toBe(200);
    const third = recoveryCodes[2] as string;
    expect((await login(member, third)).statusCode).toBe(401);
    expect((await login(member, renewed.json().recoveryCodes[0])).statusCode).toBe(200);
  });

  it("holds a coordinator without a second factor at the set-up until there is one", async () => {
    const coordinator = await buildMember(ctx, { role: "coordinator" });
    const me = await coordinator.session.get("/api/me");
    expect(me.json()).toMatchObject({
      hasPassword: true,
      secondFactorSetupRequired: true,
      secondFactorRequiredForRole: true,
    });
    const held = await coordinator.session.get("/api/cases");
    expect(held.statusCode).toBe(403);
    expect(held.json().error.reason).toBe("second_factor_setup_required");
    const events = await coordinator.session.get("/api/inbox");
    expect(events.statusCode).toBe(403);

    await setUp(coordinator);
    expect((await coordinator.session.get("/api/me")).json().secondFactorSetupRequired).toBe(false);
    expect((await coordinator.session.get("/api/cases")).statusCode).toBe(200);

    const removal = await coordinator.session.request({
      method: "DELETE",
      url: "/api/me/second-factor",
      payload: { password: TEST_PASSWORD },
    });
    expect(removal.statusCode).toBe(403);
    expect(removal.json().error.reason).toBe("second_factor_required_for_role");
  });

  it("leaves members free, and is switched off with the password only", async () => {
    const member = await buildMember(ctx);
    expect((await member.session.get("/api/me")).json()).toMatchObject({
      secondFactorSetupRequired: false,
      secondFactorRequiredForRole: false,
    });
    expect((await member.session.get("/api/cases")).statusCode).toBe(200);
    await setUp(member);

    const remove = (password: string) =>
      member.session.request({
        method: "DELETE",
        url: "/api/me/second-factor",
        payload: { password },
      });
    expect((await remove("not-the-password")).statusCode).toBe(401);
    expect((await remove(TEST_PASSWORD)).statusCode).toBe(200);
    expect((await login(member)).statusCode).toBe(200);
  });

  it("refuses malformed codes at the contract and confirmation before set-up", async () => {
    const member = await buildMember(ctx);
    for (const code of ["12345", "1234567", "abcdef", "12 34 56", "\u0000"]) {
      const response = await login(member, code);
      expect(response.statusCode).toBe(400);
    }
    const early = await member.session.post("/api/me/second-factor/confirm", { code: "123456" });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.reason).toBe("second_factor_not_started");
    const unauthenticated = await ctx.app.inject({
      method: "POST",
      url: "/api/me/second-factor/setup",
    });
    expect(unauthenticated.statusCode).toBe(401);
  });
});

describe("a deployment that signs in through its identity provider only", () => {
  const ctx = useTestApp({ PASSWORD_SIGN_IN: "false" });

  it("refuses passwords and says so on the sign-in options", async () => {
    const member = await buildMember(ctx);
    const response = await ctx.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { email: member.user.email, password: TEST_PASSWORD },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.reason).toBe("password_sign_in_off");
    const options = await ctx.app.inject({ method: "GET", url: "/api/auth/options" });
    expect(options.json()).toEqual({ passwordSignIn: false, providers: [] });
  });
});
