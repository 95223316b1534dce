import { randomBytes } from "node:crypto";
import { Secret, TOTP } from "otpauth";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { freePort } from "../../server/test/cluster/redis-process.ts";
// Test harness only: the provider the server's own sign-in tests use, here for a real browser.
import { startOidcProvider, type TestOidcProvider } from "../../server/test/oidc-provider.ts";
import { launchBrowser, screenshot, signedInPage } from "./support/browser.ts";
import { type DemoAgency, type RunningApp, startApp } from "./support/start-app.ts";
import { expectNoAxeViolations } from "./support/suite.ts";

const PROVIDER = "Kreis-Anmeldung";
const KIM = "KIM-Case-Management";
const PASSWORD = "ein-langes-passwort-2026";

let provider: TestOidcProvider;
let app: RunningApp;
let browser: Browser;

const agencyId = (agencies: DemoAgency[], name: string) => {
  const found = agencies.find((agency) => agency.name === name);
  if (!found) throw new Error(`the demo agency ${name} is missing`);
  return found.id;
};

beforeAll(async () => {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  provider = await startOidcProvider({
    redirectUris: [`${origin}/api/auth/oidc/kreis/callback`],
    postLogoutRedirectUris: [`${origin}/anmelden`],
  });
  [app, browser] = await Promise.all([
    startApp({
      port,
      env: (agencies) => ({
        PUBLIC_URL: origin,
        // Coordinators who sign in with a password must set up a second factor first.
        SECOND_FACTOR_REQUIRED_FOR: "coordinator",
        OIDC_PROVIDERS: JSON.stringify([
          {
            id: "kreis",
            label: PROVIDER,
            issuer: provider.issuer,
            clientId: provider.clientId,
            clientSecret: provider.clientSecret,
            scopes: "openid email profile groups",
            agencies: {
              "kim-team": agencyId(agencies, KIM),
              "ki-team": agencyId(agencies, "Kommunales Integrationszentrum"),
            },
            roles: { "runder-tisch-koordination": "coordinator" },
            allowHttp: true,
          },
        ]),
      }),
    }),
    launchBrowser(),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await provider?.close();
});

const unique = () => randomBytes(3).toString("hex");

async function newPage(): Promise<Page> {
  const context = await browser.newContext({
    baseURL: app.baseUrl,
    viewport: { width: 1280, height: 900 },
    locale: "de-DE",
  });
  return context.newPage();
}

/** What the app's session says, asked from inside the page as the app itself would. */
const me = (page: Page) =>
  page.evaluate(async () => {
    const response = await fetch("/api/me");
    return {
      status: response.status,
      body: (await response.json()) as {
        user?: { role: string; email: string };
        agency?: { name: string };
        error?: { reason?: string };
      },
    };
  });

/** On the provider's own login page: its one field, then its button. */
async function signInAtProvider(page: Page, login: string) {
  await page.getByRole("link", { name: `Anmelden mit ${PROVIDER}` }).click();
  await page.waitForURL((url) => url.href.startsWith(provider.issuer));
  await page.getByLabel("Kennung").fill(login);
  await page.getByRole("button", { name: "Anmelden" }).click();
}

async function signInWithPassword(page: Page, email: string, password: string) {
  await page.goto("/anmelden");
  await page.getByLabel("E-Mail-Adresse").fill(email);
  await page.getByLabel("Passwort").fill(password);
  await page.getByRole("button", { name: "Anmelden", exact: true }).click();
}

const focusedLabel = (page: Page) =>
  page.evaluate(
    () => document.querySelector(`label[for="${document.activeElement?.id}"]`)?.textContent,
  );

/** The code an authenticator app shows for the secret; `ahead` steps of 30 seconds later. */
function appCode(secret: string, ahead = 0): string {
  const totp = new TOTP({ secret: Secret.fromBase32(secret.replace(/\s/g, "")) });
  return totp.generate({ timestamp: Date.now() + ahead * 30_000 });
}

/** A code of the right shape that the app does not show now (nor in the steps around now). */
function wrongCode(secret: string): string {
  const near = new Set([-1, 0, 1].map((ahead) => appCode(secret, ahead)));
  let code = "000000";
  for (let next = 0; near.has(code); next++) code = String(next).padStart(6, "0");
  return code;
}

/** A fresh person of KIM with a password, made by the demo platform admin. */
async function createPerson(role: "member" | "coordinator", displayName: string) {
  const admin = await signedInPage(browser, app.baseUrl, "admin@demo.test");
  const agencies = (await (await admin.context.request.get("/api/agencies")).json()) as {
    agencies: DemoAgency[];
  };
  const email = `${role}-${unique()}@kim.test`;
  const created = await admin.context.request.post("/api/users", {
    headers: { "x-csrf-token": admin.csrfToken },
    data: {
      agencyId: agencyId(agencies.agencies, KIM),
      email,
      displayName,
      role,
      password: PASSWORD,
    },
  });
  expect(created.status()).toBe(201);
  await admin.context.close();
  return email;
}

/** The set-up on the account page: the secret read off the page, the app's code typed in. */
async function setUpSecondFactor(page: Page, shot?: string): Promise<string> {
  await page.getByRole("button", { name: "Zweite Anmeldestufe einrichten" }).click();
  await page.getByRole("heading", { name: "So richten Sie die App ein" }).waitFor();
  const qrCode = page.getByRole("img", { name: /QR-Code für die Authenticator-App/ });
  await qrCode.waitFor();
  expect(await qrCode.getAttribute("src")).toMatch(/^data:image\/svg\+xml/);
  expect(await qrCode.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBeGreaterThan(0);
  const secret = ((await page.locator("code.secret").textContent()) ?? "").replace(/\s/g, "");
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  if (shot) {
    await expectNoAxeViolations(page, shot);
    await screenshot(page, shot);
  }
  const field = page.getByLabel("Code aus der App");
  await field.fill(wrongCode(secret));
  await page.getByRole("button", { name: "Einrichtung abschließen" }).click();
  await page.getByRole("alert").filter({ hasText: "Der Code stimmt nicht" }).waitFor();
  await field.fill(appCode(secret));
  await page.getByRole("button", { name: "Einrichtung abschließen" }).click();
  await page.getByRole("heading", { name: "Ihre Wiederherstellungscodes" }).waitFor();
  return secret;
}

async function recoveryCodesShown(page: Page): Promise<string[]> {
  const codes = await page.locator(".recovery-code-list code").allTextContents();
  expect(codes).toHaveLength(10);
  for (const code of codes) expect(code).toMatch(/^[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}$/);
  // Focus moves to the codes, so a screen reader says at once what appeared.
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.textContent))
    .toBe("Ihre Wiederherstellungscodes");
  return codes;
}

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Abmelden" }).click();
}

describe("signing in through the Kreis's identity provider", () => {
  test("only after the platform admin allows the agency; lands in the app as the groups say, and signs out at the provider too", async () => {
    const sub = `frida-${unique()}`;
    provider.accounts.set(sub, {
      sub,
      email: `${sub}@kreis.example`,
      name: "Frida Fallmanagement",
      groups: ["kim-team", "runder-tisch-koordination"],
    });

    // The sign-in page offers the provider and, after "oder", the password form.
    const first = await newPage();
    await first.goto("/anmelden");
    const providerLink = first.getByRole("link", { name: `Anmelden mit ${PROVIDER}` });
    await providerLink.waitFor();
    expect(await providerLink.getAttribute("href")).toBe("/api/auth/oidc/kreis/start?returnTo=%2F");
    await first.getByText("oder", { exact: true }).waitFor();
    await first.getByLabel("Passwort").waitFor();
    await expectNoAxeViolations(first, "sign-in-providers");
    await screenshot(first, "sign-in-providers");

    // No agency is allowed for the provider yet: the person comes back with a plain sentence.
    await signInAtProvider(first, sub);
    await first.waitForURL(
      (url) => url.pathname === "/anmelden" && url.search === "?fehler=no_agency",
    );
    await first
      .getByRole("alert")
      .filter({
        hasText: "Ihr Konto beim Anmeldedienst ist keiner freigegebenen Stelle zugeordnet.",
      })
      .waitFor();
    await expectNoAxeViolations(first, "sign-in-failure");
    await screenshot(first, "sign-in-failure");
    await first.context().close();

    // The platform admin allows KIM on the new administration page, then signs out.
    const admin = await signedInPage(browser, app.baseUrl, "admin@demo.test");
    await admin.page.goto("/");
    await admin.page
      .getByRole("navigation", { name: "Hauptnavigation" })
      .getByRole("link", { name: "Anmeldedienste" })
      .click();
    await admin.page.getByRole("heading", { name: "Anmeldedienste", level: 1 }).waitFor();
    const item = admin.page.locator(".admin-item", { hasText: PROVIDER });
    await item.getByText(provider.issuer).waitFor();
    const kim = item.locator(".provider-agency", { hasText: KIM });
    await kim.getByText("in der Gruppen-Zuordnung genannt").waitFor();
    await item
      .locator(".provider-agency", { hasText: "Jobcenter Beispielhausen" })
      .getByText("nicht in der Gruppen-Zuordnung")
      .waitFor();
    const save = item.getByRole("button", { name: `Freigaben für „${PROVIDER}“ speichern` });
    expect(await save.isDisabled()).toBe(true);
    await item.getByRole("checkbox", { name: KIM }).check();
    await save.click();
    await admin.page
      .getByRole("status")
      .filter({ hasText: `Gespeichert: „${PROVIDER}“ darf jetzt Personen einer Stelle anmelden.` })
      .waitFor();
    await expectNoAxeViolations(admin.page, "sign-in-providers-admin");
    await screenshot(admin.page, "sign-in-providers-admin");
    expect(admin.errors).toEqual([]);
    await signOut(admin.page);
    await admin.page.waitForURL((url) => url.pathname === "/anmelden");
    await admin.context.close();

    // Now the provider places the person in KIM as coordinator, on the page they asked for.
    const page = await newPage();
    await page.goto("/faelle");
    await page.waitForURL((url) => url.pathname === "/anmelden");
    expect(
      await page.getByRole("link", { name: `Anmelden mit ${PROVIDER}` }).getAttribute("href"),
    ).toBe("/api/auth/oidc/kreis/start?returnTo=%2Ffaelle");
    await signInAtProvider(page, sub);
    await page.waitForURL((url) => url.href === `${app.baseUrl}/faelle`);
    await page.getByRole("heading", { name: "Fälle", level: 1 }).waitFor();
    const userMenu = page.locator(".user-menu");
    await userMenu.getByText("Frida Fallmanagement").waitFor();
    await userMenu.getByText(KIM).waitFor();
    const session = await me(page);
    expect(session.status).toBe(200);
    expect(session.body).toMatchObject({
      user: { role: "coordinator", email: `${sub}@kreis.example` },
      agency: { name: KIM },
      // The provider runs its own second factor: coordinators from it are not held back.
      secondFactorSetupRequired: false,
    });
    await page
      .getByRole("navigation", { name: "Hauptnavigation" })
      .getByRole("link", { name: "Personen" })
      .waitFor();

    // The account page has nothing to set up for a person of the provider, and says so.
    await userMenu.getByRole("link", { name: "Konto" }).click();
    await page.getByRole("heading", { name: "Konto und Anmeldung", level: 1 }).waitFor();
    await page.getByText("Sie melden sich über den Anmeldedienst Ihrer Verwaltung an.").waitFor();
    expect(await page.getByRole("button", { name: "Zweite Anmeldestufe einrichten" }).count()).toBe(
      0,
    );

    // Signing out ends the provider's session on its own page, which leads back to /anmelden.
    await signOut(page);
    await page.waitForURL((url) => url.href.startsWith(provider.issuer));
    await page.getByRole("button", { name: "Yes, sign me out" }).click();
    await page.waitForURL((url) => url.href === `${app.baseUrl}/anmelden`);
    await page.getByRole("heading", { name: "Anmelden", level: 1 }).waitFor();
    expect((await me(page)).status).toBe(401);
    await page.context().close();
  });
});

describe("the second factor for password sign-in", () => {
  test("a member sets it up on the account page, then signs in with password and a code", async () => {
    const email = await createPerson("member", "Toni Zweitfaktor");
    const page = await newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await signInWithPassword(page, email, PASSWORD);
    await page.getByRole("heading", { name: "Eingang", level: 1 }).waitFor();

    await page.locator(".user-menu").getByRole("link", { name: "Konto" }).click();
    await page.getByRole("heading", { name: "Konto und Anmeldung", level: 1 }).waitFor();
    await page.locator(".badge", { hasText: "ausgeschaltet" }).waitFor();
    const secret = await setUpSecondFactor(page, "second-factor-setup");
    await recoveryCodesShown(page);
    await page.getByRole("status").filter({ hasText: "eingeschaltet" }).waitFor();
    await expectNoAxeViolations(page, "recovery-codes");
    await screenshot(page, "recovery-codes");
    await page.getByRole("button", { name: "Ich habe die Codes aufbewahrt" }).click();
    await page.locator(".badge", { hasText: "eingeschaltet" }).waitFor();
    await page.getByRole("button", { name: "Neue Wiederherstellungscodes erstellen" }).waitFor();
    await page.getByRole("button", { name: "Zweite Anmeldestufe abschalten" }).waitFor();
    expect((await me(page)).body).toMatchObject({ secondFactor: true });

    await signOut(page);
    await page.waitForURL((url) => url.pathname === "/anmelden");
    await signInWithPassword(page, email, PASSWORD);
    // The password was right: the form asks for the code, with focus in its field.
    const code = page.getByLabel("Code aus der Authenticator-App oder Wiederherstellungscode");
    await code.waitFor();
    await expect
      .poll(() => focusedLabel(page))
      .toBe("Code aus der Authenticator-App oder Wiederherstellungscode");
    expect(await code.getAttribute("autocomplete")).toBe("one-time-code");
    expect(await code.getAttribute("inputmode")).toBe("numeric");
    await code.fill(wrongCode(secret));
    await page.getByRole("button", { name: "Code bestätigen" }).click();
    await page.getByText("Der Code stimmt nicht oder wurde schon verwendet.").waitFor();
    expect(await code.getAttribute("aria-invalid")).toBe("true");
    await expectNoAxeViolations(page, "sign-in-code");
    await screenshot(page, "sign-in-code");
    // The set-up used this step's code; a code is good once, so the app's next one is taken.
    await code.fill(appCode(secret, 1));
    await page.getByRole("button", { name: "Code bestätigen" }).click();
    await page.getByRole("heading", { name: "Eingang", level: 1 }).waitFor();
    expect((await me(page)).body).toMatchObject({ user: { email } });

    // Switching it off takes the password again.
    await page.locator(".user-menu").getByRole("link", { name: "Konto" }).click();
    await page.getByRole("button", { name: "Zweite Anmeldestufe abschalten" }).click();
    const password = page.getByLabel("Ihr Passwort");
    await expect.poll(() => focusedLabel(page)).toBe("Ihr Passwort");
    await password.fill("nicht-das-passwort");
    await page.getByRole("button", { name: "Jetzt abschalten" }).click();
    await page.getByText("Das Passwort stimmt nicht.").waitFor();
    await expectNoAxeViolations(page, "second-factor-off");
    await screenshot(page, "second-factor-off");
    await password.fill(PASSWORD);
    await page.getByRole("button", { name: "Jetzt abschalten" }).click();
    await page.getByRole("status").filter({ hasText: "ist abgeschaltet" }).waitFor();
    await page.locator(".badge", { hasText: "ausgeschaltet" }).waitFor();
    expect((await me(page)).body).toMatchObject({ secondFactor: false });
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test("a coordinator whose role requires it sees only the set-up until it is done, then works as usual", async () => {
    const email = await createPerson("coordinator", "Kai Pflichtfaktor");
    const page = await newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await signInWithPassword(page, email, PASSWORD);
    await page.getByRole("heading", { name: "Konto und Anmeldung", level: 1 }).waitFor();
    await page.getByText("Ihre Rolle braucht eine zweite Anmeldestufe.").waitFor();
    await expect(page.getByRole("navigation", { name: "Hauptnavigation" }).count()).resolves.toBe(
      0,
    );
    await page.getByRole("button", { name: "Abmelden" }).waitFor();
    // The server holds everything else back, whatever the page shows.
    const cases = await page.evaluate(async () => {
      const response = await fetch("/api/cases");
      return { status: response.status, body: (await response.json()) as unknown };
    });
    expect(cases).toMatchObject({
      status: 403,
      body: { error: { reason: "second_factor_setup_required" } },
    });
    await expectNoAxeViolations(page, "second-factor-required");
    await screenshot(page, "second-factor-required");

    await setUpSecondFactor(page);
    const [recoveryCode] = await recoveryCodesShown(page);
    await page
      .getByRole("button", { name: "Ich habe die Codes aufbewahrt – weiter zur Arbeit" })
      .click();
    await page.getByRole("heading", { name: "Eingang", level: 1 }).waitFor();
    await page
      .getByRole("navigation", { name: "Hauptnavigation" })
      .getByRole("link", { name: "Personen" })
      .waitFor();

    // Required for the role: the account page offers new codes, but not switching it off.
    await page.locator(".user-menu").getByRole("link", { name: "Konto" }).click();
    await page.getByRole("button", { name: "Neue Wiederherstellungscodes erstellen" }).waitFor();
    await page.getByText("Für Ihre Rolle ist die zweite Anmeldestufe vorgeschrieben.").waitFor();
    await expect(
      page.getByRole("button", { name: "Zweite Anmeldestufe abschalten" }).count(),
    ).resolves.toBe(0);

    // Without the app at hand, a recovery code signs in once.
    await signOut(page);
    await page.waitForURL((url) => url.pathname === "/anmelden");
    await signInWithPassword(page, email, PASSWORD);
    const code = page.getByLabel("Code aus der Authenticator-App oder Wiederherstellungscode");
    await page
      .getByRole("button", { name: "App nicht zur Hand? Wiederherstellungscode eingeben" })
      .click();
    expect(await code.getAttribute("inputmode")).toBe("text");
    await expect
      .poll(() => focusedLabel(page))
      .toBe("Code aus der Authenticator-App oder Wiederherstellungscode");
    await code.fill(recoveryCode ?? "");
    await page.getByRole("button", { name: "Code bestätigen" }).click();
    await page.getByRole("heading", { name: "Eingang", level: 1 }).waitFor();
    expect((await me(page)).body).toMatchObject({
      user: { email, role: "coordinator" },
      secondFactor: true,
      secondFactorSetupRequired: false,
    });
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
