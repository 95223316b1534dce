import { randomBytes } from "node:crypto";
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { signedInPage } from "./support/browser.ts";
import { startAppAndBrowser } from "./support/suite.ts";

const suite = startAppAndBrowser();

/** Names unique to one test run, so tests never meet each other's data. */
const unique = () => randomBytes(3).toString("hex");
const NEW_PASSWORD = "ein-langes-passwort-2026";

async function logInThroughForm(page: Page, email: string, password: string) {
  await page.goto("/anmelden");
  await page.getByLabel("E-Mail-Adresse").fill(email);
  await page.getByLabel("Passwort").fill(password);
  await page.getByRole("button", { name: "Anmelden" }).click();
  await page.getByRole("heading", { name: "Eingang", level: 1 }).waitFor();
}

const navigation = (page: Page, name = "Hauptnavigation") => page.getByRole("navigation", { name });

describe("platform admin", () => {
  test("creates an agency and a coordinator for it, who can then sign in", async () => {
    const admin = await signedInPage(suite.browser, suite.app.baseUrl, "admin@demo.test");
    const { page } = admin;
    const agencyName = `Verein Ankommen ${unique()}`;
    await page.goto("/verwaltung/stellen");
    await page.getByRole("button", { name: "Neue Stelle anlegen" }).click();
    // Nothing filled in: the form says what is missing, beside the fields, in German.
    await page.getByRole("button", { name: "Stelle anlegen" }).click();
    const form = page.locator("form.form-card");
    await form.getByText("Bitte ausfüllen.").waitFor();
    await form.getByText("Bitte eine Möglichkeit auswählen.").waitFor();
    await page.getByLabel("Name der Stelle").fill(agencyName);
    await page.getByLabel("Art der Stelle").selectOption({ label: "Migrationsberatung" });
    await page.getByRole("button", { name: "Stelle anlegen" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: `Die Stelle „${agencyName}“ ist angelegt.` })
      .waitFor();
    const agencyItem = page.locator(".admin-item", { hasText: agencyName });
    await agencyItem.getByText("aktiv", { exact: true }).waitFor();

    const email = `koordination-${unique()}@ankommen.test`;
    await navigation(page).getByRole("link", { name: "Personen" }).click();
    await page.getByRole("button", { name: "Person hinzufügen" }).click();
    const create = page.locator("form.form-card");
    await create.getByLabel("Name", { exact: true }).fill("Dana Koordination");
    await create.getByLabel("E-Mail-Adresse").fill(email);
    await create.getByLabel("Stelle").selectOption({ label: agencyName });
    await create.getByLabel("Rolle").selectOption({ label: "Koordination" });
    await create.getByLabel("Erstes Passwort").fill(NEW_PASSWORD);
    await create.getByRole("button", { name: "Person anlegen" }).click();
    await page.getByRole("status").filter({ hasText: "Dana Koordination ist angelegt" }).waitFor();
    expect(admin.errors).toEqual([]);
    await admin.context.close();

    const context = await suite.browser.newContext({ baseURL: suite.app.baseUrl, locale: "de-DE" });
    const coordinator = await context.newPage();
    await logInThroughForm(coordinator, email, NEW_PASSWORD);
    await navigation(coordinator).getByRole("link", { name: "Personen" }).click();
    await coordinator.getByText(`Die Personen von ${agencyName}.`).waitFor();
    await context.close();
  });

  test("re-classifies an agency and switches it off", async () => {
    const admin = await signedInPage(suite.browser, suite.app.baseUrl, "admin@demo.test");
    const name = `Sprachkurs Nord ${unique()}`;
    const created = await admin.context.request.post("/api/agencies", {
      headers: { "x-csrf-token": admin.csrfToken },
      data: { name, kind: "sonstige" },
    });
    expect(created.status()).toBe(201);
    const { page } = admin;
    await page.goto("/verwaltung/stellen");
    const item = page.locator(".admin-item", { hasText: name });
    await item.getByRole("button", { name: `Bearbeiten: ${name}` }).click();
    await item.getByLabel("Art der Stelle").selectOption({ label: "Schule" });
    await item.getByLabel("Stelle ist aktiv").uncheck();
    await item.getByRole("button", { name: "Speichern" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: `Die Änderungen an „${name}“ sind gespeichert.` })
      .waitFor();
    await item.getByText("abgeschaltet").waitFor();
    await item.getByText("Schule ·").waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute("aria-label")))
      .toBe(`Bearbeiten: ${name}`);
    await admin.context.close();
  });

  test("pages back through a long audit trail", async () => {
    // A person of a fresh agency leaves 60 entries: more than one page of 50.
    const admin = await signedInPage(suite.browser, suite.app.baseUrl, "admin@demo.test");
    const agency = (await (
      await admin.context.request.post("/api/agencies", {
        headers: { "x-csrf-token": admin.csrfToken },
        data: { name: `Blätterstelle ${unique()}`, kind: "sonstige" },
      })
    ).json()) as { id: string };
    const email = `blaettern-${unique()}@test.test`;
    const person = await admin.context.request.post("/api/users", {
      headers: { "x-csrf-token": admin.csrfToken },
      data: {
        agencyId: agency.id,
        email,
        displayName: "Bea Blättern",
        role: "member",
        password: NEW_PASSWORD,
      },
    });
    expect(person.status()).toBe(201);
    const visitor = await suite.browser.newContext({ baseURL: suite.app.baseUrl });
    await visitor.request.post("/api/auth/login", { data: { email, password: NEW_PASSWORD } });
    for (let index = 0; index < 59; index++) await visitor.request.get("/api/cases");
    await visitor.close();

    const { page } = admin;
    await page.goto(`/verwaltung/protokoll?stelle=${agency.id}`);
    const rows = page.locator(".audit-table tbody tr");
    await expect.poll(() => rows.count()).toBe(50);
    await page.getByRole("button", { name: "Ältere Einträge laden" }).click();
    await expect.poll(() => rows.count()).toBe(60);
    await page.getByText("Es gibt keine älteren Einträge.").waitFor();
    const numbers = (await page.locator(".audit-table tbody th").allTextContents()).map(Number);
    expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
    expect(new Set(numbers).size).toBe(60);
    await admin.context.close();
  });

  test("verifies the audit chain and reads that it is intact", async () => {
    const admin = await signedInPage(suite.browser, suite.app.baseUrl, "admin@demo.test");
    await admin.page.goto("/verwaltung/protokoll");
    await admin.page.getByRole("button", { name: "Prüfkette verifizieren" }).click();
    await admin.page.getByRole("status").filter({ hasText: "Die Prüfkette ist intakt." }).waitFor();
    expect(admin.errors).toEqual([]);
    await admin.context.close();
  });
});

describe("coordinator", () => {
  test("adds a member who can then sign in, and is told about a taken address", async () => {
    const kim = await signedInPage(suite.browser, suite.app.baseUrl, "kim.koordination@demo.test");
    const { page } = kim;
    await page.goto("/verwaltung/personen");
    await page.getByRole("button", { name: "Person hinzufügen" }).click();
    const form = page.locator("form.form-card");
    await form.getByLabel("Name", { exact: true }).fill("Sam Neu");
    // The address belongs to someone else already: the server says so, shown beside the field.
    await form.getByLabel("E-Mail-Adresse").fill("kim@demo.test");
    await form.getByLabel("Erstes Passwort").fill("zu-kurz");
    await form.getByRole("button", { name: "Person anlegen" }).click();
    await form.getByText("Mindestens 12 Zeichen.", { exact: true }).waitFor();
    await form.getByLabel("Erstes Passwort").fill(NEW_PASSWORD);
    await form.getByRole("button", { name: "Person anlegen" }).click();
    await form.getByText("Diese E-Mail-Adresse ist schon vergeben.").waitFor();
    await expect(form.getByLabel("E-Mail-Adresse").getAttribute("aria-invalid")).resolves.toBe(
      "true",
    );

    const email = `sam-${unique()}@kim.test`;
    await form.getByLabel("E-Mail-Adresse").fill(email);
    await form.getByRole("button", { name: "Person anlegen" }).click();
    await page.getByRole("status").filter({ hasText: `Sam Neu ist angelegt` }).waitFor();
    const item = page.locator(".admin-item", { hasText: email });
    await item.getByText("Mitarbeiterin/Mitarbeiter").waitFor();
    expect(kim.errors).toEqual([]);
    await kim.context.close();

    const context = await suite.browser.newContext({ baseURL: suite.app.baseUrl, locale: "de-DE" });
    const member = await context.newPage();
    await logInThroughForm(member, email, NEW_PASSWORD);
    await member.getByText("KIM-Case-Management").first().waitFor();
    await context.close();
  });

  test("disables and enables a member, and sets a new password", async () => {
    const kim = await signedInPage(suite.browser, suite.app.baseUrl, "kim.koordination@demo.test");
    const email = `alex-${unique()}@kim.test`;
    const me = (await (await kim.context.request.get("/api/me")).json()) as {
      agency: { id: string };
    };
    const created = await kim.context.request.post("/api/users", {
      headers: { "x-csrf-token": kim.csrfToken },
      data: {
        agencyId: me.agency.id,
        email,
        displayName: "Alex Probe",
        role: "member",
        password: NEW_PASSWORD,
      },
    });
    expect(created.status()).toBe(201);
    const { page } = kim;
    await page.goto("/verwaltung/personen");
    const item = page.locator(".admin-item", { hasText: email });
    await item.getByRole("button", { name: "Verwalten: Alex Probe" }).click();
    await item.getByRole("button", { name: "Zugang deaktivieren" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: "Der Zugang von Alex Probe ist deaktiviert." })
      .waitFor();
    await item.getByText("deaktiviert", { exact: true }).waitFor();
    await item.getByRole("button", { name: "Zugang wieder freigeben" }).click();
    await item.getByText("aktiv", { exact: true }).waitFor();
    await item.getByLabel("Neues Passwort").fill("noch-ein-neues-passwort");
    await item.getByRole("button", { name: "Passwort setzen" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: "Das neue Passwort für Alex Probe ist gesetzt." })
      .waitFor();
    const login = await suite.browser.newContext({ baseURL: suite.app.baseUrl });
    const response = await login.request.post("/api/auth/login", {
      data: { email, password: "noch-ein-neues-passwort" },
    });
    expect(response.status()).toBe(200);
    await login.close();
    expect(kim.errors).toEqual([]);
    await kim.context.close();
  });

  test("reads only the own agency's audit trail, and can filter it", async () => {
    // Another agency leaves traces first: they must not show up for KIM.
    const abh = await signedInPage(suite.browser, suite.app.baseUrl, "abh@demo.test");
    await abh.context.request.get("/api/cases");
    await abh.context.close();

    const kim = await signedInPage(suite.browser, suite.app.baseUrl, "kim.koordination@demo.test");
    const { page } = kim;
    await page.goto("/verwaltung/protokoll");
    await page.locator(".audit-table tbody tr").first().waitFor();
    await expect(page.getByRole("combobox", { name: "Stelle" }).count()).resolves.toBe(0);
    await expect(
      page.getByRole("button", { name: "Prüfkette verifizieren" }).count(),
    ).resolves.toBe(0);
    const agencies = new Set(await page.locator(".audit-table td.audit-agency").allTextContents());
    expect([...agencies]).toEqual(["KIM-Case-Management"]);

    await page.getByRole("combobox", { name: "Tätigkeit" }).selectOption({ label: "Angemeldet" });
    await page.waitForURL((url) => url.searchParams.get("aktion") === "login");
    await page.locator(".audit-table tbody tr").first().waitFor();
    await page.waitForFunction(() =>
      [...document.querySelectorAll(".audit-table tbody tr td:nth-of-type(4)")].every(
        (cell) => cell.textContent === "Angemeldet",
      ),
    );
    expect(kim.errors).toEqual([]);
    await kim.context.close();

    const admin = await signedInPage(suite.browser, suite.app.baseUrl, "admin@demo.test");
    await admin.page.goto("/verwaltung/protokoll");
    await admin.page
      .locator(".audit-table td.audit-agency", { hasText: "Ausländerbehörde Kreis Beispielhausen" })
      .first()
      .waitFor();
    await admin.context.close();
  });
});

describe("member", () => {
  test("does not see the administration, and gets a plain sentence if they go there", async () => {
    const member = await signedInPage(suite.browser, suite.app.baseUrl, "kim@demo.test");
    const { page } = member;
    await page.goto("/");
    await navigation(page).getByRole("link", { name: "Fälle" }).waitFor();
    for (const name of ["Stellen", "Personen", "Protokoll"]) {
      await expect(navigation(page).getByRole("link", { name }).count()).resolves.toBe(0);
    }
    await page.goto("/verwaltung/personen");
    await page.getByRole("heading", { name: "Kein Zugriff", level: 1 }).waitFor();
    expect(member.errors).toEqual([]);
    await member.context.close();
  });
});

test("the administration speaks English after switching", async () => {
  const kim = await signedInPage(suite.browser, suite.app.baseUrl, "kim.koordination@demo.test");
  const { page } = kim;
  await page.goto("/verwaltung/personen");
  await page.getByRole("button", { name: "English" }).click();
  await page.getByRole("heading", { name: "People", level: 1 }).waitFor();
  await navigation(page, "Main navigation").getByRole("link", { name: "Audit trail" }).click();
  await page.getByRole("heading", { name: "Audit trail", level: 1 }).waitFor();
  await page.getByRole("columnheader", { name: "Activity" }).waitFor();
  await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe("en");
  await kim.context.close();
});

test("keyboard only: a coordinator adds a member and focus comes back to the button", async () => {
  const kim = await signedInPage(suite.browser, suite.app.baseUrl, "kim.koordination@demo.test");
  const { page } = kim;
  await page.goto("/verwaltung/personen");
  const add = page.getByRole("button", { name: "Person hinzufügen" });
  await add.focus();
  await page.keyboard.press("Enter");
  // The form opens with focus in its first field, so typing can start at once.
  const focusedLabel = () =>
    page.evaluate(
      () => document.querySelector(`label[for="${document.activeElement?.id}"]`)?.textContent,
    );
  await expect.poll(focusedLabel).toBe("Name");
  await page.keyboard.type("Kai Tastatur");
  await page.keyboard.press("Tab");
  await expect.poll(focusedLabel).toBe("E-Mail-Adresse");
  await page.keyboard.type(`kai-${unique()}@kim.test`);
  await page.keyboard.press("Tab");
  await expect.poll(focusedLabel).toBe("Erstes Passwort");
  await page.keyboard.type(NEW_PASSWORD);
  await page.keyboard.press("Enter");
  await page.getByRole("status").filter({ hasText: "Kai Tastatur ist angelegt" }).waitFor();
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.textContent))
    .toBe("Person hinzufügen");
  await kim.context.close();
});
