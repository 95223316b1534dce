import { expect, test } from "vitest";
import { signedInPage, upcomingConferenceId } from "./support/browser.ts";
import { expectNoAxeViolations, startAppAndBrowser } from "./support/suite.ts";

/*
 * The immigration office checks § 104c for RT-2026-0007 during the case conference planned
 * in the demo data: four prerequisites met, one not, which becomes an action; the case then
 * shows in the office's overview as "4 von 5 erfüllt".
 */
const CASE = "RT-2026-0007";
const ABH = "Ausländerbehörde Kreis Beispielhausen";
const suite = startAppAndBrowser();

test("the ABH fills the § 104c checklist in the room, turns a gap into an action and finds the case in its overview", async () => {
  const abh = await signedInPage(suite.browser, suite.app.baseUrl, "abh@demo.test");
  const { page } = abh;
  const conferenceId = await upcomingConferenceId(abh, CASE);
  await page.goto(`/konferenzen/${conferenceId}`);

  // The panel loads only when opened.
  await page.getByRole("button", { name: "Aufenthaltswege zeigen" }).click();
  const panel = page.getByRole("region", { name: "Aufenthaltswege" });
  await panel.getByText("Arbeitshilfe, keine rechtliche Entscheidung").waitFor();
  await panel.getByText("Für diesen Fall gibt es noch keine Checkliste.").waitFor();
  await panel
    .getByLabel("Aufenthaltsweg")
    .selectOption({ label: "§ 104c AufenthG – Chancen-Aufenthaltsrecht" });
  await panel.getByRole("button", { name: "Checkliste beginnen" }).click();
  const checklist = panel.locator("article", { hasText: "§ 104c AufenthG" });
  await checklist.getByText("0 von 5 erfüllt").waitFor();

  const items = checklist.locator(".pathway-item");
  await expect(items.count()).resolves.toBe(5);
  for (const index of [0, 1, 2, 3]) {
    await items.nth(index).getByLabel("Stand").selectOption({ label: "erfüllt" });
    await checklist.getByText(`${index + 1} von 5 erfüllt`).waitFor();
  }
  const gap = items.nth(4);
  await gap.getByLabel("Stand").selectOption({ label: "nicht erfüllt" });

  // The unmet prerequisite becomes an action agreed at this conference.
  await gap.getByRole("button", { name: "Aufgabe anlegen" }).click();
  await expect(gap.getByLabel("Titel der Aufgabe").inputValue()).resolves.toBe(
    "Identitätsnachweis beschaffen",
  );
  await gap.getByLabel("Zuständige Stelle").selectOption({ label: ABH });
  await gap.getByRole("button", { name: "Aufgabe anlegen" }).click();
  await gap.getByText("Aufgabe: Identitätsnachweis beschaffen").waitFor();
  const conference = (await (
    await abh.context.request.get(`/api/conferences/${conferenceId}`)
  ).json()) as { caseId: string };
  const actions = (await (
    await abh.context.request.get(`/api/cases/${conference.caseId}/actions`)
  ).json()) as { actions: { title: string; conferenceId: string | null }[] };
  expect(actions.actions).toContainEqual(
    expect.objectContaining({ title: "Identitätsnachweis beschaffen", conferenceId }),
  );

  // The overview, from the navigation, filtered to § 104c with at least three met.
  await page
    .getByRole("navigation", { name: "Hauptnavigation" })
    .getByRole("link", {
      name: "Aufenthaltswege",
    })
    .click();
  await page.getByRole("heading", { level: 1, name: "Aufenthaltswege: Übersicht" }).waitFor();
  await page
    .getByLabel("Aufenthaltsweg")
    .selectOption({ label: "§ 104c AufenthG – Chancen-Aufenthaltsrecht" });
  await page.getByLabel("Mindestens erfüllt").fill("3");
  await page.getByRole("button", { name: "Anzeigen" }).click();
  const row = page.getByRole("row", { name: new RegExp(CASE) });
  await row.getByText("4 von 5 erfüllt").waitFor();
  await expectNoAxeViolations(page, "pathway overview");

  // Another agency of the case reads the checklist but has no overview in its navigation.
  const caritas = await signedInPage(suite.browser, suite.app.baseUrl, "caritas@demo.test");
  await caritas.page.goto(`/faelle/${conference.caseId}`);
  const readOnly = caritas.page.getByRole("region", { name: "Aufenthaltswege" });
  await readOnly.getByText("4 von 5 erfüllt").waitFor();
  await expect(readOnly.getByRole("combobox").count()).resolves.toBe(0);
  await expect(
    caritas.page
      .getByRole("navigation", { name: "Hauptnavigation" })
      .getByRole("link", {
        name: "Aufenthaltswege",
      })
      .count(),
  ).resolves.toBe(0);
  expect([...abh.errors, ...caritas.errors]).toEqual([]);
});

test("an ABH coordinator saves a new template version; a checklist already started keeps its own", async () => {
  const coordinator = await signedInPage(
    suite.browser,
    suite.app.baseUrl,
    "abh.koordination@demo.test",
  );
  const { page, context, csrfToken } = coordinator;
  const cases = (await (await context.request.get("/api/cases")).json()) as {
    cases: { id: string; code: string }[];
  };
  const caseId = cases.cases.find((entry) => entry.code === "RT-2026-0012")?.id ?? "";
  const started = await context.request.post(`/api/cases/${caseId}/pathways`, {
    headers: { "x-csrf-token": csrfToken },
    data: { pathwayKey: "aufenthg-25b" },
  });
  expect(started.status()).toBe(201);

  await page.goto("/aufenthaltswege/vorlagen");
  await page.getByRole("heading", { level: 1, name: "Vorlagen der Aufenthaltswege" }).waitFor();
  await page
    .getByLabel("Aufenthaltsweg")
    .selectOption({ label: "§ 25b AufenthG – Aufenthalt bei nachhaltiger Integration" });
  const first = page.getByRole("group", { name: "Voraussetzung 1" });
  const wording = "Seit 6 Jahren in Deutschland (mit Kind: 4 Jahre), neu formuliert";
  await first.getByLabel("Text (Deutsch)").fill(wording);
  await page.getByRole("button", { name: "Als neue Version speichern" }).click();
  await page.getByRole("status").filter({ hasText: "Version 2 gespeichert." }).waitFor();
  await expectNoAxeViolations(page, "pathway templates");

  await page.goto(`/faelle/${caseId}`);
  const checklist = page
    .getByRole("region", { name: "Aufenthaltswege" })
    .locator("article", { hasText: "§ 25b AufenthG" });
  await checklist.getByText("Vorlage Version 1").waitFor();
  await expect(checklist.getByText(wording).count()).resolves.toBe(0);
  expect(coordinator.errors).toEqual([]);
});
