import { expect, test } from "vitest";
import { screenshot, signedInPage } from "./support/browser.ts";
import { expectNoAxeViolations, startAppAndBrowser } from "./support/suite.ts";

/*
 * The KIM coordinator opens the evaluation of the demo Kreis from the navigation: four
 * charts drawn as SVG images with names, each with its table, small counts written as
 * "weniger als 5", and a CSV of the same tables. A member of the same agency has no link.
 */
const suite = startAppAndBrowser();

const CHARTS = [
  "Konferenzen je Monat",
  "Fälle je Thema",
  "Maßnahmen je Stelle und Stand",
  "Fälle nach Zahl ihrer Konferenzen",
];

test("a coordinator reads the evaluation as accessible charts and tables and downloads it as CSV", async () => {
  const kim = await signedInPage(suite.browser, suite.app.baseUrl, "kim.koordination@demo.test");
  const { page } = kim;
  await page.goto("/");
  await page
    .getByRole("navigation", { name: "Hauptnavigation" })
    .getByRole("link", { name: "Auswertung" })
    .click();
  await page.getByRole("heading", { level: 1, name: "Auswertung" }).waitFor();

  for (const name of CHARTS) {
    const chart = page.getByRole("img", { name, exact: true });
    await chart.waitFor();
    await expect(chart.evaluate((element) => element.tagName.toLowerCase())).resolves.toBe("svg");
    await expect(chart.locator("desc").textContent()).resolves.toContain("Tabelle");
  }

  // The demo Kreis is small: its counts per theme are withheld and say so in the table.
  const themes = page.locator("section", {
    has: page.getByRole("heading", { name: "Fälle je Thema" }),
  });
  await themes.getByText("Tabelle anzeigen").click();
  const table = themes.getByRole("table", { name: "Fälle je Thema" });
  await table.waitFor();
  await expect(table.getByText("weniger als 5").count()).resolves.toBeGreaterThan(0);
  await page.getByText("Kleine Zahlen könnten auf einzelne Menschen hinweisen").waitFor();

  const href = await page
    .getByRole("link", { name: "Tabellen als CSV herunterladen" })
    .getAttribute("href");
  const csv = await kim.context.request.get(href ?? "");
  expect(csv.status()).toBe(200);
  expect((await csv.text()).split("\r\n")[0]).toBe("figure,row,column,value");

  await expectNoAxeViolations(page, "evaluation");
  await screenshot(page, "evaluation");
  expect(kim.errors).toEqual([]);

  const member = await signedInPage(suite.browser, suite.app.baseUrl, "kim@demo.test");
  await member.page.goto("/");
  await member.page.getByRole("link", { name: "Eingang" }).waitFor();
  await expect(member.page.getByRole("link", { name: "Auswertung" }).count()).resolves.toBe(0);
});
