import { expect, test } from "vitest";
import { signedInPage, upcomingConferenceId } from "./support/browser.ts";
import { expectNoAxeViolations, startAppAndBrowser } from "./support/suite.ts";

/*
 * The platform admin names a person of the Diakonie to the steering group; she finds the
 * group's page in her navigation, sees the obstacle themes only as "fewer than 5" (the
 * demo Kreis has recorded none), and takes up a topic with a decision.
 */
const suite = startAppAndBrowser();

test("a person named to the steering group finds its page, its themes below k, and records a topic", async () => {
  const admin = await signedInPage(suite.browser, suite.app.baseUrl, "admin@demo.test");
  await admin.page.goto("/verwaltung/personen");
  const members = admin.page.getByRole("region", { name: "Lenkungsgruppe" });
  await members.getByText("Noch niemand in der Lenkungsgruppe.").waitFor();
  await members
    .getByLabel("Person")
    .selectOption({ label: "Fachkraft DIAKONIE (Diakonie Flüchtlingsberatung)" });
  await members.getByRole("button", { name: "In die Lenkungsgruppe aufnehmen" }).click();
  await members.getByText("Fachkraft DIAKONIE (Diakonie Flüchtlingsberatung)").waitFor();
  expect(admin.errors).toEqual([]);
  await admin.context.close();

  const member = await signedInPage(suite.browser, suite.app.baseUrl, "diakonie@demo.test");
  const { page } = member;
  await page.goto("/");
  await page
    .getByRole("navigation", { name: "Hauptnavigation" })
    .getByRole("link", { name: "Lenkungsgruppe" })
    .click();
  await page.getByRole("heading", { level: 1, name: "Lenkungsgruppe" }).waitFor();
  const mobility = page.getByRole("row", { name: /Mobilität/ });
  await mobility.getByText("weniger als 5 Fälle").waitFor();
  await expectNoAxeViolations(page, "steering group page");

  await page.getByLabel("Titel").fill("Abendbusse zu Sprachkursen");
  await page.getByLabel("Thema", { exact: true }).selectOption({ label: "Mobilität" });
  await page.getByRole("button", { name: "Thema aufnehmen" }).click();
  const topic = page.locator("li", { hasText: "Abendbusse zu Sprachkursen" });
  await topic.locator("strong", { hasText: "offen" }).waitFor();
  await topic
    .getByLabel("Beschluss zu „Abendbusse zu Sprachkursen“ (ohne Namen)")
    .fill("Der Kreis fragt beim Verkehrsverbund einen Abendbus an.");
  await topic.getByRole("button", { name: "Beschluss festhalten" }).click();
  await topic.getByText("Der Kreis fragt beim Verkehrsverbund einen Abendbus an.").waitFor();
  expect(member.errors).toEqual([]);

  // Someone outside the group has no link and no page.
  const other = await signedInPage(suite.browser, suite.app.baseUrl, "caritas@demo.test");
  await other.page.goto("/lenkungsgruppe");
  await other.page
    .getByText("Diese Seite ist für die Mitglieder der Lenkungsgruppe.", { exact: false })
    .waitFor();
  const link = other.page
    .getByRole("navigation", { name: "Hauptnavigation" })
    .getByRole("link", { name: "Lenkungsgruppe" });
  await expect(link.count()).resolves.toBe(0);
});

test("the room records an obstacle without names, and holds one with a name back", async () => {
  const kim = await signedInPage(suite.browser, suite.app.baseUrl, "kim@demo.test");
  const abh = await signedInPage(suite.browser, suite.app.baseUrl, "abh@demo.test");
  const conferenceId = await upcomingConferenceId(kim, "RT-2026-0007");
  for (const user of [kim, abh]) {
    await user.page.goto(`/konferenzen/${conferenceId}`);
    await user.page.locator('[data-save-state="saved"]').waitFor();
  }
  const panel = kim.page.getByRole("region", { name: "Hindernisse" });
  await panel.getByText("Noch keine Hindernisse festgehalten.").waitFor();
  await panel.getByLabel("Thema").selectOption({ label: "Mobilität" });
  await panel.getByLabel("Hindernis (ohne Namen)").fill("Kein Bus nach dem Abendkurs");
  await panel.getByLabel("Vorschlag zur Abhilfe (freiwillig)").fill("Rufbus ab 19 Uhr");
  await panel.getByRole("button", { name: "Hindernis festhalten" }).click();
  // The other agency sees it at once.
  const there = abh.page.getByRole("region", { name: "Hindernisse" });
  await there.getByText("Kein Bus nach dem Abendkurs").waitFor();
  await there.getByText("Vorschlag: Rufbus ab 19 Uhr").waitFor();

  // A name is held back with the guard's findings, and nothing reaches the document.
  await panel.getByLabel("Thema").selectOption({ label: "Finanzen" });
  await panel.getByLabel("Hindernis (ohne Namen)").fill("Herr Mamadou Camara hat kein Konto");
  await panel.getByRole("button", { name: "Hindernis festhalten" }).click();
  await panel.getByText("Mamadou Camara", { exact: false }).first().waitFor();
  await expect(there.getByText("hat kein Konto").count()).resolves.toBe(0);
  expect([...kim.errors, ...abh.errors]).toEqual([]);
  await Promise.all([kim.context.close(), abh.context.close()]);
});
