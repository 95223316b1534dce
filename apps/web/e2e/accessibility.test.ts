import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  BUNDLE_REPORT_COMMAND,
  bundleTableDrift,
  ROOM_BUDGET_BYTES,
  readBundle,
} from "../scripts/bundle-table.ts";
import { manifestPath } from "../scripts/production-build.ts";
import {
  screenshot,
  signedInPage,
  type UserPage,
  upcomingConferenceId,
} from "./support/browser.ts";
import { DEMO_PASSWORD, distDir } from "./support/start-app.ts";
import { expectNoAxeViolations, startAppAndBrowser } from "./support/suite.ts";

const suite = startAppAndBrowser();

/** Waits until the page shows its content rather than a loading line. */
async function settled(page: Page) {
  await page.locator("h1").first().waitFor();
  await page.waitForFunction(() => document.querySelectorAll(".loading").length === 0);
}

const noIds: Ids = { caseId: "", conferenceId: "" };

/** Scans the page as it is now and captures it at desktop and phone width. */
async function check(page: Page, name: string) {
  await expectNoAxeViolations(page, name);
  await screenshot(page, `${name}-1280`);
  await page.setViewportSize({ width: 375, height: 800 });
  // The phone layout is scanned too: reflowed content must stay labelled and in contrast.
  await expectNoAxeViolations(page, `${name}-375`);
  await screenshot(page, `${name}-375`);
  await page.setViewportSize({ width: 1280, height: 900 });
}

interface Ids {
  caseId: string;
  conferenceId: string;
}

interface Step {
  name: string;
  path: string | ((ids: Ids) => string);
  prepare?: (page: Page) => Promise<void>;
}

async function visit(page: Page, step: Step, ids: Ids) {
  await page.goto(typeof step.path === "string" ? step.path : step.path(ids));
  await settled(page);
  await step.prepare?.(page);
  await check(page, step.name);
}

const coordinatorPages: Step[] = [
  { name: "inbox", path: "/?status=all" },
  { name: "cases", path: "/faelle" },
  { name: "case", path: ({ caseId }) => `/faelle/${caseId}` },
  {
    name: "case-forms",
    path: ({ caseId }) => `/faelle/${caseId}`,
    prepare: async (page) => {
      await page.getByRole("button", { name: "Anzeigen" }).click();
      await page.getByRole("button", { name: "Angaben ändern" }).click();
      await page.getByRole("button", { name: "Entbindung erfassen" }).click();
      await page.getByRole("button", { name: "Entbindung speichern" }).click();
      await page.getByText("Bitte eine Möglichkeit auswählen.").waitFor();
      await page.getByRole("button", { name: "Fall abschließen" }).click();
    },
  },
  { name: "new-case", path: "/faelle/neu" },
  { name: "upcoming", path: "/konferenzen" },
  {
    name: "conference-room",
    path: ({ conferenceId }) => `/konferenzen/${conferenceId}`,
    prepare: (page) => page.locator('[data-save-state="saved"]').waitFor(),
  },
  { name: "users", path: "/verwaltung/personen" },
  {
    name: "users-forms",
    path: "/verwaltung/personen",
    prepare: async (page) => {
      await page.getByRole("button", { name: "Verwalten: Fachkraft KIM" }).click();
      await page.getByRole("button", { name: "Person hinzufügen" }).click();
      await page.getByRole("button", { name: "Person anlegen" }).click();
      await page.locator(".field-error").first().waitFor();
    },
  },
  { name: "audit", path: "/verwaltung/protokoll" },
  {
    name: "account",
    path: "/konto/anmeldung",
    prepare: async (page) => {
      await page.getByRole("button", { name: "Zweite Anmeldestufe einrichten" }).click();
      await page.getByRole("img", { name: /QR-Code/ }).waitFor();
    },
  },
];

const adminPages: Step[] = [
  { name: "agencies", path: "/verwaltung/stellen" },
  {
    name: "agencies-form",
    path: "/verwaltung/stellen",
    prepare: async (page) => {
      await page.getByRole("button", { name: "Neue Stelle anlegen" }).click();
      await page.getByRole("button", { name: "Stelle anlegen" }).click();
      await page.locator(".field-error").first().waitFor();
    },
  },
  { name: "admin-users", path: "/verwaltung/personen" },
  // Without OIDC_PROVIDERS: the page says that none is set up.
  { name: "admin-sign-in-providers", path: "/verwaltung/anmeldedienste" },
  {
    name: "admin-themes",
    path: "/verwaltung/themen",
    prepare: async (page) => {
      await page.getByRole("button", { name: "Mobilität umbenennen" }).click();
      await page.getByLabel("Name (Deutsch)").first().waitFor();
    },
  },
  {
    name: "admin-audit",
    path: "/verwaltung/protokoll",
    prepare: async (page) => {
      await page.getByRole("button", { name: "Prüfkette verifizieren" }).click();
      await page.getByText("Die Prüfkette ist intakt.").waitFor();
    },
  },
  {
    name: "admin-audit-en",
    path: "/verwaltung/protokoll",
    prepare: async (page) => {
      await page.getByRole("button", { name: "English" }).click();
      await page.getByRole("heading", { name: "Audit trail", level: 1 }).waitFor();
    },
  },
];

/** The demo case the coordinator's pages show, and its next conference. */
async function demoCaseIds(user: UserPage): Promise<Ids> {
  const response = await user.context.request.get("/api/cases");
  const { cases } = (await response.json()) as { cases: { id: string; code: string }[] };
  const caseId = cases.find((entry) => entry.code === "RT-2026-0007")?.id;
  if (!caseId) throw new Error("the demo case RT-2026-0007 is missing");
  return { caseId, conferenceId: await upcomingConferenceId(user, "RT-2026-0007") };
}

/**
 * One signed-in person walks through their pages, one test per page: a slow page then
 * fails alone and by name, and no test carries the time of ten scans at both widths.
 */
function pagesOf(email: string, steps: Step[], loadIds?: (user: UserPage) => Promise<Ids>) {
  let user: UserPage | undefined;
  let ids: Ids | undefined;
  beforeAll(async () => {
    user = await signedInPage(suite.browser, suite.app.baseUrl, email);
    ids = loadIds ? await loadIds(user) : noIds;
  });
  afterAll(async () => {
    await user?.context.close();
  });
  for (const step of steps) {
    test(step.name, async () => {
      if (!user || !ids) throw new Error("signed in in beforeAll");
      await visit(user.page, step, ids);
    });
  }
  test("no script error on any of them", () => {
    expect(user?.errors).toEqual([]);
  });
}

// Per person, as they sign in; scanning every page at two widths is the slow part.
describe("every page has no axe violations and is captured at 1280 px and 375 px", () => {
  test("signing in", async () => {
    const loginContext = await suite.browser.newContext({ baseURL: suite.app.baseUrl });
    const login = await loginContext.newPage();
    await login.goto("/anmelden");
    await settled(login);
    await expectNoAxeViolations(login, "login");
    await screenshot(login, "login");
    await loginContext.close();
  });

  describe("a coordinator's pages and forms", () => {
    pagesOf("kim.koordination@demo.test", coordinatorPages, demoCaseIds);
  });

  describe("the platform admin's pages and forms", () => {
    pagesOf("admin@demo.test", adminPages);
  });

  test("a member who opens the administration", async () => {
    const member = await signedInPage(suite.browser, suite.app.baseUrl, "kim@demo.test");
    await visit(member.page, { name: "no-access", path: "/verwaltung/personen" }, noIds);
    expect(member.errors).toEqual([]);
    await member.context.close();
  });

  test("wrong password gives a plain German message", async () => {
    const page = await suite.browser.newPage({ baseURL: suite.app.baseUrl });
    await page.goto("/anmelden");
    await page.getByLabel("E-Mail-Adresse").fill("abh@demo.test");
    await page.getByLabel("Passwort").fill("falsch-falsch-falsch");
    await page.getByRole("button", { name: "Anmelden" }).click();
    await page
      .getByRole("alert")
      .filter({ hasText: "E-Mail-Adresse oder Passwort stimmt nicht." })
      .waitFor();
    await page.close();
  });
});

/** Presses Tab until the focused element matches, like a keyboard user would. */
async function tabTo(
  page: Page,
  matches: (element: Element) => boolean,
  key: "Tab" | "Shift+Tab" = "Tab",
  limit = 80,
) {
  for (let presses = 0; presses < limit; presses++) {
    await page.keyboard.press(key);
    const found = await page.evaluate((source) => {
      const active = document.activeElement;
      // biome-ignore lint/security/noGlobalEval: the predicate is test code passed as text
      return active ? (eval(source) as (element: Element) => boolean)(active) : false;
    }, `(${matches.toString()})`);
    if (found) return;
  }
  throw new Error(`focus never reached the target: ${matches.toString()}`);
}

test("keyboard only: from the login page to a new action in the conference", async () => {
  const context = await suite.browser.newContext({
    baseURL: suite.app.baseUrl,
    viewport: { width: 1280, height: 900 },
  });
  const page = await context.newPage();
  await page.goto("/anmelden");
  await tabTo(page, (element) => element.getAttribute("type") === "email");
  await page.keyboard.type("kim@demo.test");
  await page.keyboard.press("Tab");
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press("Enter");
  await page.getByRole("heading", { name: "Eingang", level: 1 }).waitFor();

  // After signing in, focus is on the page heading; the skip link sits before the navigation.
  await expect(page.evaluate(() => document.activeElement?.tagName)).resolves.toBe("H1");
  await tabTo(page, (element) => element.textContent === "Zum Inhalt springen", "Shift+Tab");
  await page.keyboard.press("Enter");
  await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("inhalt");

  await tabTo(
    page,
    (element) => element.textContent === "Konferenzen" && element.tagName === "A",
    "Shift+Tab",
  );
  await page.keyboard.press("Enter");
  await page.getByRole("heading", { name: "Anstehende Konferenzen", level: 1 }).waitFor();
  await tabTo(
    page,
    (element) =>
      element.classList.contains("conference-link") &&
      element.closest("li")?.textContent?.includes("RT-2026-0007") === true,
  );
  await page.keyboard.press("Enter");
  await page.locator('[data-save-state="saved"]').waitFor();

  await tabTo(
    page,
    (element) =>
      element.id !== "" &&
      document.querySelector(`label[for="${element.id}"]`)?.textContent === "Was ist zu tun?",
  );
  await page.keyboard.type("Arbeitgeber zur Ausbildung ansprechen");
  await tabTo(
    page,
    (element) =>
      element.tagName === "SELECT" &&
      document.querySelector(`label[for="${element.id}"]`)?.textContent === "Zuständige Stelle",
  );
  await page.keyboard.type("KIM");
  await tabTo(page, (element) => element.textContent === "Maßnahme anlegen");
  await page.keyboard.press("Enter");
  await page
    .locator(".room-action", { hasText: "Arbeitgeber zur Ausbildung ansprechen" })
    .waitFor();
  await context.close();
});

test("the conference room loads no more gzipped JavaScript than its budget, as documented", async () => {
  const kim = await signedInPage(suite.browser, suite.app.baseUrl, "kim@demo.test");
  const conferenceId = await upcomingConferenceId(kim, "RT-2026-0007");
  const scripts = new Set<string>();
  kim.page.on("response", (response) => {
    const path = new URL(response.url()).pathname;
    if (path.endsWith(".js")) scripts.add(path);
  });
  await kim.page.goto(`/konferenzen/${conferenceId}`);
  await kim.page.locator(".notes-editor").waitFor();
  const sizes = [...scripts].map((path) => ({
    path,
    gzip: gzipSync(readFileSync(join(distDir, path))).length,
  }));
  const total = sizes.reduce((sum, entry) => sum + entry.gzip, 0);
  console.info(
    `conference room JS: ${(total / 1024).toFixed(1)} kB gzip`,
    sizes.map((entry) => `${entry.path} ${(entry.gzip / 1024).toFixed(1)}`),
  );
  expect(sizes.some((entry) => entry.path.includes("notes-editor"))).toBe(true);
  expect(total).toBeLessThanOrEqual(ROOM_BUDGET_BYTES);

  // The documented table must describe this build, and its room total what the browser loaded.
  const bundle = readBundle(distDir, manifestPath);
  expect(total, "the room loads other chunks than the Vite manifest names").toBe(bundle.roomGzip);
  const benchmarks = fileURLToPath(new URL("../../../docs/benchmarks.md", import.meta.url));
  const drift = bundleTableDrift(readFileSync(benchmarks, "utf8"), bundle);
  expect(
    drift,
    `docs/benchmarks.md is stale; regenerate it with: ${BUNDLE_REPORT_COMMAND}`,
  ).toEqual([]);
  await kim.context.close();
});
