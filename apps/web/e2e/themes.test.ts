import { randomBytes } from "node:crypto";
import { expect, test } from "vitest";
import { signedInPage } from "./support/browser.ts";
import { startAppAndBrowser } from "./support/suite.ts";

const suite = startAppAndBrowser();

test("the platform admin adds, renames and switches off a theme; case forms follow", async () => {
  const admin = await signedInPage(suite.browser, suite.app.baseUrl, "admin@demo.test");
  const name = `Ehrenamt ${randomBytes(3).toString("hex")}`;
  await admin.page.goto("/");
  await admin.page
    .getByRole("navigation", { name: "Hauptnavigation" })
    .getByRole("link", { name: "Themen" })
    .click();
  await admin.page.getByRole("heading", { name: "Themen", level: 1 }).waitFor();
  const add = admin.page.locator("form.form-card", { hasText: "Eigenes Thema hinzufügen" });
  await add.getByLabel("Name (Deutsch)").fill(name);
  await add.getByLabel("Name (Englisch)").fill("Volunteering");
  await add.getByRole("button", { name: "Thema hinzufügen" }).click();
  await admin.page
    .getByRole("status")
    .filter({ hasText: `${name} wird ab jetzt angeboten.` })
    .waitFor();

  const renamed = `${name} und Patenschaft`;
  await admin.page.getByRole("button", { name: `${name} umbenennen` }).click();
  const rename = admin.page.locator("li", { hasText: name }).locator("form");
  await rename.getByLabel("Name (Deutsch)").fill(renamed);
  await rename.getByRole("button", { name: "Namen speichern" }).click();
  await admin.page.getByRole("button", { name: `${renamed} abschalten` }).waitFor();

  const kim = await signedInPage(suite.browser, suite.app.baseUrl, "kim@demo.test");
  await kim.page.goto("/faelle/neu");
  await kim.page.getByRole("checkbox", { name: renamed }).waitFor();

  await admin.page.getByRole("button", { name: `${renamed} abschalten` }).click();
  await admin.page.getByRole("status").filter({ hasText: "wird nicht mehr angeboten" }).waitFor();

  await kim.page.reload();
  await kim.page.getByRole("checkbox", { name: "Arbeit" }).waitFor();
  expect(await kim.page.getByRole("checkbox", { name: renamed }).count()).toBe(0);
  // The filter of the case list still names it: cases may carry it.
  await kim.page.goto("/faelle");
  await kim.page.locator("option", { hasText: renamed }).waitFor({ state: "attached" });
  expect([...admin.errors, ...kim.errors]).toEqual([]);
  await admin.context.close();
  await kim.context.close();
});
