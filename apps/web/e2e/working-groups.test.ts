import { expect, test } from "vitest";
import { notesText, screenshot, signedInPage, type UserPage } from "./support/browser.ts";
import { expectNoAxeViolations, startAppAndBrowser } from "./support/suite.ts";

/*
 * A member of the steering group founds the working group "Mobilität" and names people of
 * the Caritas and the KIM to it. The Caritas plans a meeting and writes its notes while the
 * KIM reads along live; a task given to the Jobcenter lands in the Jobcenter's inbox.
 */
const suite = startAppAndBrowser();

async function nameToSteeringGroup(admin: UserPage, person: string): Promise<void> {
  await admin.page.goto("/verwaltung/personen");
  const members = admin.page.getByRole("region", { name: "Lenkungsgruppe" });
  await members.getByLabel("Person").selectOption({ label: person });
  await members.getByRole("button", { name: "In die Lenkungsgruppe aufnehmen" }).click();
  await members.getByText(person).waitFor();
}

async function addMember(page: UserPage["page"], agency: string, person: string) {
  const members = page.getByRole("region", { name: "Mitglieder" });
  await members.getByLabel("Stelle", { exact: true }).selectOption({ label: agency });
  await members.getByLabel("Person").locator("option", { hasText: person }).waitFor({
    state: "attached",
  });
  await members.getByLabel("Person").selectOption({ label: person });
  await members.getByRole("button", { name: "In die Arbeitsgruppe aufnehmen" }).click();
  await members.getByRole("listitem").filter({ hasText: person }).waitFor();
}

test("a working group meets, writes notes together live, and gives an agency a task", async () => {
  const admin = await signedInPage(suite.browser, suite.app.baseUrl, "admin@demo.test");
  await nameToSteeringGroup(admin, "Fachkraft DIAKONIE (Diakonie Flüchtlingsberatung)");
  await admin.context.close();

  // The steering member founds the group from the navigation, names two members and gives
  // it a topic of the steering group.
  const steering = await signedInPage(suite.browser, suite.app.baseUrl, "diakonie@demo.test");
  const topic = await steering.context.request.post("/api/steering/topics", {
    headers: { "x-csrf-token": steering.csrfToken },
    data: { title: "Abendbusse zu Sprachkursen", theme: "mobility", description: "" },
  });
  expect(topic.status()).toBe(201);
  await steering.page.goto("/");
  await steering.page
    .getByRole("navigation", { name: "Hauptnavigation" })
    .getByRole("link", { name: "Arbeitsgruppen" })
    .click();
  await steering.page.getByRole("heading", { level: 1, name: "Arbeitsgruppen" }).waitFor();
  await steering.page.getByLabel("Name", { exact: true }).fill("Mobilität");
  await steering.page
    .getByLabel("Auftrag (ohne Namen)")
    .fill("Wege zu Sprachkursen und Terminen im ländlichen Kreis verbessern.");
  await steering.page.getByRole("button", { name: "Arbeitsgruppe gründen" }).click();
  await steering.page.getByRole("heading", { level: 1, name: "Mobilität" }).waitFor();
  const groupUrl = steering.page.url();
  await addMember(steering.page, "Caritas Migrationsberatung", "Fachkraft CARITAS");
  await addMember(steering.page, "KIM-Case-Management", "Fachkraft KIM");
  await steering.page
    .getByLabel("Thema der Lenkungsgruppe")
    .selectOption({ label: "Abendbusse zu Sprachkursen" });
  await steering.page.getByRole("button", { name: "Thema an diese Arbeitsgruppe geben" }).click();
  await steering.page
    .getByRole("heading", { level: 3, name: "Abendbusse zu Sprachkursen" })
    .waitFor();
  await expectNoAxeViolations(steering.page, "working group page (steering)");
  expect(steering.errors).toEqual([]);
  await steering.context.close();

  // A named member finds the group in her navigation and plans a meeting.
  const caritas = await signedInPage(suite.browser, suite.app.baseUrl, "caritas@demo.test");
  await caritas.page.goto("/");
  await caritas.page
    .getByRole("navigation", { name: "Hauptnavigation" })
    .getByRole("link", { name: "Arbeitsgruppen" })
    .click();
  await caritas.page.getByRole("link", { name: "Mobilität" }).click();
  await caritas.page.getByRole("heading", { level: 1, name: "Mobilität" }).waitFor();
  await caritas.page
    .getByLabel("Stand der Arbeit an „Abendbusse zu Sprachkursen“")
    .selectOption({ label: "in Arbeit" });
  await caritas.page
    .getByLabel("Ergebnis zu „Abendbusse zu Sprachkursen“ (ohne Namen)")
    .fill("Der Verkehrsverbund prüft einen Rufbus.");
  await caritas.page.getByRole("button", { name: "Stand speichern" }).click();
  await caritas.page.getByText("bei einer Arbeitsgruppe · in Arbeit").waitFor();
  await caritas.page.getByLabel("Titel des Treffens").fill("Auftakt");
  await caritas.page.getByLabel("Datum und Uhrzeit").fill("2027-01-14T10:00");
  await caritas.page.getByRole("button", { name: "Treffen planen" }).click();
  await caritas.page.getByRole("link", { name: "Auftakt" }).click();
  await caritas.page.getByRole("heading", { level: 1, name: "Mobilität: Auftakt" }).waitFor();
  const roomUrl = caritas.page.url();

  // The second member opens the same room and sees the notes as they are typed.
  const kim = await signedInPage(suite.browser, suite.app.baseUrl, "kim@demo.test");
  await kim.page.goto(roomUrl);
  for (const user of [caritas, kim]) {
    await user.page.locator('[data-save-state="saved"]').waitFor();
    await user.page.locator(".notes-editor").waitFor();
  }
  await caritas.page.locator(".notes-editor").click();
  await caritas.page.keyboard.type("Rufbus ab 19 Uhr beim Verkehrsverbund anfragen.");
  await expect
    .poll(() => notesText(kim.page), { timeout: 10_000 })
    .toContain("Rufbus ab 19 Uhr beim Verkehrsverbund anfragen.");
  await kim.page.getByRole("region", { name: "Anwesend (2)" }).waitFor();
  await caritas.page.locator('[data-save-state="saved"]').waitFor();
  await expectNoAxeViolations(caritas.page, "working group meeting room");
  await screenshot(caritas.page, "working-group-room");

  // A name in the notes holds the closing back; without it the notes are kept, read-only.
  await caritas.page.keyboard.type(" Herr Mamadou Camara fährt mit.");
  await caritas.page.locator('[data-save-state="saved"]').waitFor();
  await caritas.page.getByRole("button", { name: "Treffen abschließen" }).click();
  await caritas.page.getByRole("button", { name: "Ja, Treffen abschließen" }).click();
  await caritas.page.getByRole("alert").getByText("Mamadou Camara", { exact: false }).waitFor();
  await screenshot(caritas.page, "working-group-room-refused");
  await caritas.page.locator(".notes-editor").click();
  await caritas.page.keyboard.press("Control+A");
  await caritas.page.keyboard.type("Rufbus ab 19 Uhr beim Verkehrsverbund anfragen.");
  await caritas.page.locator('[data-save-state="saved"]').waitFor();
  await caritas.page.getByRole("button", { name: "Treffen abschließen" }).click();
  await caritas.page.getByRole("button", { name: "Ja, Treffen abschließen" }).click();
  const kept = caritas.page.getByRole("region", { name: "Aufbewahrtes Protokoll" });
  await kept.getByText("Rufbus ab 19 Uhr beim Verkehrsverbund anfragen.").waitFor();
  // The other member's room turns to the kept notes as well.
  await kim.page
    .getByRole("region", { name: "Aufbewahrtes Protokoll" })
    .getByText("Rufbus ab 19 Uhr beim Verkehrsverbund anfragen.")
    .waitFor();

  // The member gives the Jobcenter a task.
  await caritas.page.goto(groupUrl);
  await caritas.page
    .getByLabel("Aufgabe (ohne Namen)")
    .fill("Fahrtkosten zu Sprachkursen übernehmen");
  await caritas.page
    .getByLabel("Zuständige Stelle")
    .selectOption({ label: "Jobcenter Beispielhausen" });
  await caritas.page.getByLabel("Fällig am (freiwillig)").fill("2027-02-01");
  await caritas.page.getByRole("button", { name: "Aufgabe vergeben" }).click();
  await caritas.page.getByRole("row", { name: /Fahrtkosten zu Sprachkursen übernehmen/ }).waitFor();
  await expectNoAxeViolations(caritas.page, "working group page (member)");
  await screenshot(caritas.page, "working-group-page");
  expect([...caritas.errors, ...kim.errors]).toEqual([]);
  await Promise.all([caritas.context.close(), kim.context.close()]);

  // The task is in the Jobcenter's inbox, with the group it came from.
  const jobcenter = await signedInPage(suite.browser, suite.app.baseUrl, "jc@demo.test");
  await jobcenter.page.goto("/");
  const tasks = jobcenter.page.getByRole("region", { name: "Aufgaben aus Arbeitsgruppen" });
  const row = tasks.getByRole("row", { name: /Fahrtkosten zu Sprachkursen übernehmen/ });
  await row.getByText("Mobilität").waitFor();
  await row.getByLabel("Stand von „Fahrtkosten zu Sprachkursen übernehmen“").selectOption({
    label: "In Arbeit",
  });
  await row.getByRole("button", { name: "Stand speichern" }).click();
  await row.getByRole("button", { name: "Stand speichern" }).waitFor({ state: "detached" });
  // Owning a task does not make the Jobcenter a member: no link, and the group stays closed.
  const link = jobcenter.page
    .getByRole("navigation", { name: "Hauptnavigation" })
    .getByRole("link", { name: "Arbeitsgruppen" });
  await expect(link.count()).resolves.toBe(0);
  await jobcenter.page.goto(groupUrl);
  await jobcenter.page.getByRole("alert").waitFor();
  await expect(jobcenter.page.getByText("Fachkraft CARITAS").count()).resolves.toBe(0);
  expect(jobcenter.errors).toEqual([]);
  await jobcenter.context.close();
});
