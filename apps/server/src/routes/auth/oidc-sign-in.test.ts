import { type DatabaseHandle, schema } from "@runder-tisch/db";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildMember, factories } from "../../../test/builders.ts";
import { APP_ORIGIN, SignInBrowser } from "../../../test/oidc-browser.ts";
import { startOidcProvider, type TestOidcProvider } from "../../../test/oidc-provider.ts";
import { createTestApp, type TestContext } from "../../../test/test-app.ts";
import { createTestDatabase } from "../../../test/test-database.ts";

let provider: TestOidcProvider;
let database: DatabaseHandle;
let ctx: TestContext;
let abh: schema.AgencyRow;
let ki: schema.AgencyRow;
let notAllowed: schema.AgencyRow;
let counter = 0;

/** A person at the provider with the given groups; a fresh subject for every test. */
function providerAccount(
  groups: string[],
  extra: { email?: string; emailVerified?: boolean } = {},
) {
  counter += 1;
  const sub = `person-${counter}-${Date.now()}`;
  const email = extra.email ?? `${sub}@kreis.example`;
  provider.accounts.set(sub, {
    sub,
    email,
    name: `Person ${counter}`,
    groups,
    ...(extra.emailVerified === undefined ? {} : { emailVerified: extra.emailVerified }),
  });
  return { sub, email };
}

const me = (cookie: string | undefined) =>
  ctx.app.inject({ method: "GET", url: "/api/me", headers: { cookie: `rt_session=${cookie}` } });

beforeAll(async () => {
  provider = await startOidcProvider({
    redirectUris: [`${APP_ORIGIN}/api/auth/oidc/kreis/callback`],
    postLogoutRedirectUris: [`${APP_ORIGIN}/anmelden`],
  });
  database = await createTestDatabase();
  abh = await factories.createAgency(database.db, {
    kind: "auslaenderbehoerde",
    name: "Ausländerbehörde",
  });
  ki = await factories.createAgency(database.db, {
    kind: "kommunales_integrationszentrum",
    name: "Kommunales Integrationszentrum",
  });
  notAllowed = await factories.createAgency(database.db, { name: "Nicht freigegeben" });
  ctx = await createTestApp(
    {
      PUBLIC_URL: APP_ORIGIN,
      OIDC_PROVIDERS: JSON.stringify([
        {
          id: "kreis",
          label: "Kreis-Anmeldung",
          issuer: provider.issuer,
          clientId: provider.clientId,
          clientSecret: provider.clientSecret,
          scopes: "openid email profile groups",
          agencies: {
            "abh-staff": abh.id,
            "ki-staff": ki.id,
            "ki-leads": ki.id,
            "other-staff": notAllowed.id,
          },
          roles: { "ki-leads": "coordinator" },
          allowHttp: true,
        },
        {
          id: "down",
          label: "Nicht erreichbar",
          issuer: "http://127.0.0.1:9/",
          clientId: "x",
          agencies: {},
          allowHttp: true,
        },
      ]),
    },
    { database },
  );
  // The platform admin lets the provider place people in the ABH and the KI only.
  await database.db.insert(schema.providerAgencies).values([
    { providerId: "kreis", agencyId: abh.id },
    { providerId: "kreis", agencyId: ki.id },
  ]);
});

afterAll(async () => {
  await ctx?.close();
  await database?.close();
  await provider?.close();
});

describe("sign-in through an OpenID Connect provider", () => {
  it("places a new person in the agency and role their groups name, and goes on to the page asked for", async () => {
    const { sub, email } = providerAccount(["ki-staff", "ki-leads", "unrelated"]);
    const signedIn = await new SignInBrowser(ctx.app).signIn("kreis", sub, "/faelle");
    expect(signedIn.landedAt).toBe("/faelle");
    const answer = await me(signedIn.session);
    expect(answer.statusCode).toBe(200);
    expect(answer.json()).toMatchObject({
      user: { role: "coordinator", email },
      agency: { id: ki.id },
      secondFactorSetupRequired: false,
      // A provisioned account has no password here: nothing to add a second factor to.
      hasPassword: false,
    });
    const [login] = await ctx.db
      .select()
      .from(schema.auditLog)
      .where(
        and(eq(schema.auditLog.action, "login"), eq(schema.auditLog.userId, answer.json().user.id)),
      );
    expect(login?.detail).toEqual({ provider: "kreis" });
  });

  it("signs nobody in whose groups name no agency, or only one the admin has not allowed", async () => {
    for (const groups of [["unknown-group"], ["other-staff"], []]) {
      const { sub, email } = providerAccount(groups);
      const outcome = await new SignInBrowser(ctx.app).signIn("kreis", sub);
      expect(outcome.landedAt).toBe("/anmelden?fehler=no_agency");
      expect(outcome.session).toBeUndefined();
      const created = await ctx.db.select().from(schema.users).where(eq(schema.users.email, email));
      expect(created).toHaveLength(0);
    }
  });

  it("comes back with the provider's refusal when the provider says no", async () => {
    const outcome = await new SignInBrowser(ctx.app).signIn("kreis", "nobody-known-there");
    expect(outcome.landedAt).toBe("/anmelden?fehler=provider_refused");
    expect(outcome.session).toBeUndefined();
  });

  it("refuses a person whose groups name two agencies", async () => {
    const { sub } = providerAccount(["abh-staff", "ki-staff"]);
    const outcome = await new SignInBrowser(ctx.app).signIn("kreis", sub);
    expect(outcome.landedAt).toBe("/anmelden?fehler=no_agency");
  });

  it("takes a provider's answer once: a replayed or foreign-browser answer opens no session", async () => {
    const { sub } = providerAccount(["abh-staff"]);
    const browser = new SignInBrowser(ctx.app);
    const first = await browser.signIn("kreis", sub);
    expect(first.landedAt).toBe("/");
    expect(first.session).toBeDefined();

    browser.forgetAppCookies();
    const replayed = await browser.appGet(first.callbackPath);
    expect(replayed.location).toBe("/anmelden?fehler=state_unknown");
    expect(browser.session()).toBeUndefined();

    // An answer begun in one browser and delivered to another (login CSRF) is refused too.
    const victim = new SignInBrowser(ctx.app);
    const attacker = new SignInBrowser(ctx.app);
    const started = await attacker.appGet("/api/auth/oidc/kreis/start");
    expect(started.status).toBe(303);
    const state = new URL(started.location as string).searchParams.get("state");
    const foreign = await victim.appGet(`/api/auth/oidc/kreis/callback?state=${state}&code=x`);
    expect(foreign.location).toBe("/anmelden?fehler=state_unknown");
    expect(victim.session()).toBeUndefined();
  });

  it.each([
    [
      "a token for another client (audience)",
      (c: Record<string, unknown>) => ({ ...c, aud: "another-client" }),
    ],
    [
      "an expired token",
      (c: Record<string, unknown>) => ({
        ...c,
        exp: Math.floor(Date.now() / 1000) - 3600,
        iat: Math.floor(Date.now() / 1000) - 7200,
      }),
    ],
    [
      "a token from another issuer",
      (c: Record<string, unknown>) => ({ ...c, iss: "https://elsewhere.example" }),
    ],
    [
      "a token for another sign-in (nonce)",
      (c: Record<string, unknown>) => ({ ...c, nonce: "not-ours" }),
    ],
  ])("refuses %s, though properly signed", async (_name, change) => {
    const { sub, email } = providerAccount(["abh-staff"]);
    provider.tamperIdToken(change);
    try {
      const outcome = await new SignInBrowser(ctx.app).signIn("kreis", sub);
      expect(outcome.landedAt).toBe("/anmelden?fehler=answer_invalid");
      expect(outcome.session).toBeUndefined();
    } finally {
      provider.tamperIdToken(undefined);
    }
    const created = await ctx.db.select().from(schema.users).where(eq(schema.users.email, email));
    expect(created).toHaveLength(0);
  });

  it("follows a change of groups at the next sign-in and ends the sessions of the old placement", async () => {
    const { sub } = providerAccount(["abh-staff"]);
    const asAbh = await new SignInBrowser(ctx.app).signIn("kreis", sub);
    expect((await me(asAbh.session)).json()).toMatchObject({
      agency: { id: abh.id },
      user: { role: "member" },
    });

    (provider.accounts.get(sub) as { groups: string[] }).groups = ["ki-staff", "ki-leads"];
    const asKi = await new SignInBrowser(ctx.app).signIn("kreis", sub);
    expect((await me(asKi.session)).json()).toMatchObject({
      agency: { id: ki.id },
      user: { role: "coordinator" },
    });
    // The session opened as an ABH member no longer works.
    expect((await me(asAbh.session)).statusCode).toBe(401);

    (provider.accounts.get(sub) as { groups: string[] }).groups = [];
    const refused = await new SignInBrowser(ctx.app).signIn("kreis", sub);
    expect(refused.landedAt).toBe("/anmelden?fehler=no_agency");
    expect((await me(asKi.session)).statusCode).toBe(401);
  });

  it("links an existing account by a verified address only, and never takes one over by an unverified one", async () => {
    const existing = await buildMember(ctx, { agency: abh });
    const verified = providerAccount(["abh-staff"], { email: existing.user.email });
    const linked = await new SignInBrowser(ctx.app).signIn("kreis", verified.sub);
    expect((await me(linked.session)).json().user.id).toBe(existing.user.id);

    const other = await buildMember(ctx, { agency: abh });
    const unverified = providerAccount(["abh-staff"], {
      email: other.user.email,
      emailVerified: false,
    });
    const refused = await new SignInBrowser(ctx.app).signIn("kreis", unverified.sub);
    expect(refused.landedAt).toBe("/anmelden?fehler=no_account");
  });

  it("refuses a disabled account", async () => {
    const { sub, email } = providerAccount(["abh-staff"]);
    await new SignInBrowser(ctx.app).signIn("kreis", sub);
    await ctx.db
      .update(schema.users)
      .set({ disabledAt: new Date() })
      .where(eq(schema.users.email, email));
    const outcome = await new SignInBrowser(ctx.app).signIn("kreis", sub);
    expect(outcome.landedAt).toBe("/anmelden?fehler=account_disabled");
  });

  it("names the provider's sign-out page when signing out", async () => {
    const { sub } = providerAccount(["abh-staff"]);
    const outcome = await new SignInBrowser(ctx.app).signIn("kreis", sub);
    const session = (await me(outcome.session)).json();
    const out = await ctx.app.inject({
      method: "POST",
      url: "/api/auth/logout",
      headers: { cookie: `rt_session=${outcome.session}`, "x-csrf-token": session.csrfToken },
    });
    expect(out.statusCode).toBe(200);
    const continueAt = new URL(out.json().continueAt);
    expect(continueAt.origin).toBe(provider.issuer);
    expect(continueAt.searchParams.get("post_logout_redirect_uri")).toBe(`${APP_ORIGIN}/anmelden`);
    expect((await me(outcome.session)).statusCode).toBe(401);
  });

  it("sends the browser back with a plain reason when the provider cannot be reached, and 404 for an unknown one", async () => {
    const browser = new SignInBrowser(ctx.app);
    const down = await browser.appGet("/api/auth/oidc/down/start");
    expect(down.location).toBe("/anmelden?fehler=provider_unreachable");
    expect((await browser.appGet("/api/auth/oidc/nowhere/start")).status).toBe(404);
    expect((await browser.appGet("/api/auth/oidc/nowhere/callback?state=x")).status).toBe(404);
  });

  it("never sends the browser off the site after signing in", async () => {
    const { sub } = providerAccount(["abh-staff"]);
    for (const returnTo of [
      "//evil.example/x",
      "https://evil.example",
      "/\\evil.example",
      "/ok?x=1",
    ]) {
      const outcome = await new SignInBrowser(ctx.app).signIn("kreis", sub, returnTo);
      expect(outcome.landedAt).toBe(returnTo === "/ok?x=1" ? returnTo : "/");
    }
  });
});

describe("the platform admin's list of agencies a provider may assign", () => {
  it("is for the platform admin only, and refuses unknown agencies and providers", async () => {
    const member = await buildMember(ctx, { agency: abh, role: "coordinator" });
    expect((await member.session.get("/api/admin/sign-in-providers")).statusCode).toBe(403);
    const refused = await member.session.put("/api/admin/sign-in-providers/kreis/agencies", {
      agencyIds: [abh.id],
    });
    expect(refused.statusCode).toBe(403);

    const admin = await buildMember(ctx, { agency: abh, role: "platform_admin" });
    const list = await admin.session.get("/api/admin/sign-in-providers");
    expect(list.statusCode).toBe(200);
    const kreis = list.json().providers.find((p: { id: string }) => p.id === "kreis");
    expect(new Set(kreis.allowedAgencyIds)).toEqual(new Set([abh.id, ki.id]));
    expect(kreis.mappedAgencyIds).toContain(notAllowed.id);

    const unknown = await admin.session.put("/api/admin/sign-in-providers/kreis/agencies", {
      agencyIds: ["00000000-0000-4000-8000-000000000000"],
    });
    expect(unknown.statusCode).toBe(422);
    const nowhere = await admin.session.put("/api/admin/sign-in-providers/nowhere/agencies", {
      agencyIds: [],
    });
    expect(nowhere.statusCode).toBe(404);
  });

  it("lets a provider place people in an agency once allowed, and stops it when taken back", async () => {
    const admin = await buildMember(ctx, { agency: abh, role: "platform_admin" });
    const { sub } = providerAccount(["other-staff"]);
    expect((await new SignInBrowser(ctx.app).signIn("kreis", sub)).landedAt).toContain("no_agency");

    const allowed = await admin.session.put("/api/admin/sign-in-providers/kreis/agencies", {
      agencyIds: [abh.id, ki.id, notAllowed.id],
    });
    expect(allowed.statusCode).toBe(200);
    const placed = await new SignInBrowser(ctx.app).signIn("kreis", sub);
    expect((await me(placed.session)).json().agency.id).toBe(notAllowed.id);

    await admin.session.put("/api/admin/sign-in-providers/kreis/agencies", {
      agencyIds: [abh.id, ki.id],
    });
    expect((await new SignInBrowser(ctx.app).signIn("kreis", sub)).landedAt).toContain("no_agency");
  });
});
