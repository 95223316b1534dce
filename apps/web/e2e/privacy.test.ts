import { describe, expect, test } from "vitest";
import {
  notesText,
  screenshot,
  signedInPage,
  type UserPage,
  upcomingConferenceId,
} from "./support/browser.ts";
import { expectNoAxeViolations, startAppAndBrowser } from "./support/suite.ts";

// RT-2026-0007 is owned by KIM; kim.koordination is KIM's coordinator, ABH is invited.
const CASE = "RT-2026-0007";
const suite = startAppAndBrowser();

async function openRoom(user: UserPage, conferenceId: string) {
  await user.page.goto(`/konferenzen/${conferenceId}`);
  await user.page.locator(".notes-editor").waitFor();
  await user.page.locator('[data-save-state="saved"]').waitFor();
}

async function typeIntoNotes(user: UserPage, text: string) {
  await user.page.locator(".notes-editor").click();
  await user.page.keyboard.press("Control+End");
  await user.page.keyboard.press("Enter");
  await user.page.keyboard.insertText(text);
}

describe("data protection in the conference", () => {
  test("a name in the notes is highlighted and replaced with one click; a colleague's name is dismissed for the room", async () => {
    const kim = await signedInPage(suite.browser, suite.app.baseUrl, "kim@demo.test");
    const abh = await signedInPage(suite.browser, suite.app.baseUrl, "abh@demo.test");
    const conferenceId = await upcomingConferenceId(kim, CASE);
    await Promise.all([openRoom(kim, conferenceId), openRoom(abh, conferenceId)]);

    await typeIntoNotes(kim, "Der Klient kam mit Herr Camara zum Termin.");
    const mark = kim.page.locator(".notes-editor mark.pii-mark", { hasText: "Herr Camara" });
    await mark.waitFor();
    await expect(mark.getAttribute("data-pii-kind")).resolves.toBe("person_name");
    const panel = kim.page.getByRole("region", { name: "Hinweise zum Datenschutz" });
    await panel.getByRole("status").filter({ hasText: "1 Hinweis" }).waitFor();
    await expect(panel.textContent()).resolves.toContain("Ein Name macht die Person");
    // The other participant sees the mark too: the check runs in every browser.
    await abh.page.locator(".notes-editor mark.pii-mark", { hasText: "Herr Camara" }).waitFor();

    await kim.page.locator('[data-save-state="saved"]').waitFor();
    await expectNoAxeViolations(kim.page, "room-with-finding");
    await screenshot(kim.page, "conference-room-pii");

    // The replacement fits the sentence: after "mit" the client is in the dative.
    await panel.getByRole("button", { name: "„Herr Camara“ ersetzen durch dem Klienten" }).click();
    await kim.page.locator(".notes-editor mark.pii-mark").waitFor({ state: "detached" });
    await panel.getByRole("status").filter({ hasText: "Keine Hinweise" }).waitFor();
    expect(await notesText(kim.page)).toContain("Der Klient kam mit dem Klienten zum Termin.");
    await abh.page.waitForFunction(() =>
      document.querySelector(".notes-editor")?.textContent?.includes("mit dem Klienten zum"),
    );
    expect(await notesText(abh.page)).not.toContain("Camara");

    // A colleague's name is not the client's: dismissed with a reason, for everyone in the room.
    await typeIntoNotes(kim, "Frau Becker vom Jobcenter prüft die Förderung.");
    await abh.page.locator(".notes-editor mark.pii-mark", { hasText: "Frau Becker" }).waitFor();
    await panel.getByRole("button", { name: "„Frau Becker“ ist keine persönliche Angabe" }).click();
    await panel
      .getByLabel(/Warum ist „Frau Becker“ keine persönliche Angabe/)
      .fill("Sachbearbeiterin im Jobcenter");
    await screenshot(kim.page, "conference-room-pii-dismiss");
    await panel.getByRole("button", { name: "Hinweis für alle ausblenden" }).click();
    await kim.page.locator(".notes-editor mark.pii-mark").waitFor({ state: "detached" });
    await abh.page.locator(".notes-editor mark.pii-mark").waitFor({ state: "detached" });

    // A goal with a name is held back until it reads without one.
    const goals = kim.page.getByRole("region", { name: "Ziele" });
    await goals.getByLabel("Neues Ziel").fill("Frau Ayşe Yılmaz findet eine Wohnung");
    await goals.getByRole("button", { name: "Hinzufügen" }).click();
    await goals
      .getByRole("button", { name: "„Frau Ayşe Yılmaz“ ersetzen durch Die Klientin" })
      .click();
    await goals.getByRole("button", { name: "Hinzufügen" }).click();
    await abh.page
      .getByRole("region", { name: "Ziele" })
      .getByText("Die Klientin findet eine Wohnung")
      .waitFor();

    // So is an action agreed in the room, before it reaches another agency's inbox.
    const newAction = kim.page.locator("form.new-action");
    await newAction
      .getByLabel("Was ist zu tun?")
      .fill("Herrn Mamadou Camara zum Sprachkurs anmelden");
    await newAction.getByLabel("Zuständige Stelle").selectOption({ index: 1 });
    await newAction.getByRole("button", { name: "Maßnahme anlegen" }).click();
    await newAction
      .getByRole("button", { name: "„Herrn Mamadou Camara“ ersetzen durch Den Klienten" })
      .click();
    await newAction.getByRole("button", { name: "Maßnahme anlegen" }).click();
    await abh.page
      .locator(".room-action", { hasText: "Den Klienten zum Sprachkurs anmelden" })
      .waitFor();
    expect([...kim.errors, ...abh.errors]).toEqual([]);
    await Promise.all([kim.context.close(), abh.context.close()]);
  });

  test("finalising with a finding needs a reason, then the PDF can be downloaded", async () => {
    const coordinator = await signedInPage(
      suite.browser,
      suite.app.baseUrl,
      "kim.koordination@demo.test",
    );
    const { page } = coordinator;
    const conferenceId = await upcomingConferenceId(coordinator, CASE);
    const started = await coordinator.context.request.post(
      `/api/conferences/${conferenceId}/status`,
      { data: { status: "live" }, headers: { "x-csrf-token": coordinator.csrfToken } },
    );
    expect(started.ok()).toBe(true);
    await openRoom(coordinator, conferenceId);
    await typeIntoNotes(coordinator, "Rückfragen bitte an Frau Yılmaz, Telefon 0176 12345678.");
    await page.locator(".notes-editor mark.pii-mark").first().waitFor();
    await page.locator('[data-save-state="saved"]').waitFor();

    await page.getByRole("button", { name: "Konferenz beenden" }).click();
    await page.getByRole("button", { name: "Protokoll abschließen" }).click();
    const dialog = page.getByRole("region", { name: "Protokoll abschließen" });
    const reviewOn = new Date(Date.now() + 42 * 86_400_000).toISOString().slice(0, 10);
    await dialog.getByLabel("Wiedervorlage am (freiwillig)").fill(reviewOn);
    await dialog.getByRole("button", { name: "Jetzt abschließen" }).click();

    const findings = dialog.getByRole("alert").filter({ hasText: "persönliche Daten" });
    await findings.waitFor();
    await expect(findings.textContent()).resolves.toContain("Telefonnummer im Protokoll");
    await dialog.getByRole("button", { name: "Trotzdem abschließen" }).click();
    await dialog
      .getByText("Bitte schreiben Sie, warum das Protokoll trotzdem abgeschlossen werden soll.")
      .waitFor();
    await expectNoAxeViolations(page, "finalise-dialog");
    await screenshot(page, "finalise-dialog");

    await dialog
      .getByLabel("Trotzdem abschließen, weil …")
      .fill("Die Nummer ist die Dienstnummer der Dolmetscherin.");
    await dialog.getByRole("button", { name: "Trotzdem abschließen" }).click();

    const minutes = page.getByRole("region", { name: "Abgeschlossene Protokolle" });
    await minutes.getByRole("status").filter({ hasText: "Fassung 1" }).waitFor();
    await expect(minutes.locator(".minutes-hash code").textContent()).resolves.toMatch(
      /^[0-9a-f]{64}$/,
    );
    // The Wiedervorlage was planned with the minutes, and the room leads to it.
    await minutes.getByText("Wiedervorlage geplant").waitFor();
    await minutes.getByRole("link", { name: "Zur Wiedervorlage" }).waitFor();
    const pdfLink = minutes.getByRole("link", { name: "Fassung 1 als PDF herunterladen" });
    const href = await pdfLink.getAttribute("href");
    expect(href).toMatch(/\.pdf$/);
    const pdf = await coordinator.context.request.get(href ?? "");
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toContain("application/pdf");
    const markdown = await coordinator.context.request.get(
      (await minutes.getByRole("link", { name: /Markdown/ }).getAttribute("href")) ?? "",
    );
    expect(markdown.status()).toBe(200);
    // Finalised: the notes are read-only and nobody can replace anything any more.
    await page.locator('.notes-editor[contenteditable="false"]').waitFor();
    await expect(page.getByRole("button", { name: /ersetzen durch/ }).count()).resolves.toBe(0);
    await screenshot(page, "conference-room-finalised");

    // A basis revoked after finalising leaves the minutes as they are, but marks them.
    const conference = (await (
      await coordinator.context.request.get(`/api/conferences/${conferenceId}`)
    ).json()) as { caseId: string };
    const bases = (await (
      await coordinator.context.request.get(`/api/cases/${conference.caseId}/sharing-bases`)
    ).json()) as { sharingBases: { id: string; agency: { name: string } }[] };
    const jobcenter = bases.sharingBases.find((basis) => basis.agency.name.includes("Jobcenter"));
    const revoked = await coordinator.context.request.post(
      `/api/cases/${conference.caseId}/sharing-bases/${jobcenter?.id}/revoke`,
      { data: {}, headers: { "x-csrf-token": coordinator.csrfToken } },
    );
    expect(revoked.ok()).toBe(true);
    await page.reload();
    await minutes
      .locator(".minutes-mark", { hasText: "Nachträglich widerrufen" })
      .filter({ hasText: "Jobcenter" })
      .waitFor();
    expect(coordinator.errors).toEqual([]);
    await coordinator.context.close();
  });

  test("a comment with a name and a birth date is held back, and one click makes it read naturally", async () => {
    const caritas = await signedInPage(suite.browser, suite.app.baseUrl, "caritas@demo.test");
    await caritas.page.goto("/");
    const card = caritas.page.getByRole("article", {
      name: "Termin bei der Botschaft zur Passbeschaffung begleiten",
    });
    await card.getByRole("button", { name: /^Kommentare/ }).click();
    await card
      .getByLabel("Neuer Kommentar")
      .fill("Herr Mamadou Camara, geboren am 14.03.1999, hat den Termin bestätigt.");
    await card.getByRole("button", { name: "Kommentar senden" }).click();
    const check = card.getByRole("group", { name: /Bitte prüfen Sie diese Stellen/ });
    await check.getByText("„Herr Mamadou Camara“").waitFor();
    await screenshot(caritas.page, "personal-data-findings");
    await check
      .getByRole("button", { name: "„Herr Mamadou Camara“ ersetzen durch Herr C." })
      .click();
    await check
      .getByRole("button", { name: /„14\.03\.1999“ ersetzen durch \d+ Jahre alt/ })
      .click();
    await check
      .getByText("Erledigt: In diesem Feld findet der Datenschutz-Check nichts mehr.")
      .waitFor();
    await expect(card.getByLabel("Neuer Kommentar").inputValue()).resolves.toMatch(
      /^Herr C\., \d+ Jahre alt, hat den Termin bestätigt\.$/,
    );
    await expectNoAxeViolations(caritas.page, "personal-data-check");
    await screenshot(caritas.page, "personal-data-check");
    await card.getByRole("button", { name: "Kommentar senden" }).click();
    await card.getByText(/Herr C\., \d+ Jahre alt, hat den Termin bestätigt\./).waitFor();
    expect(caritas.errors).toEqual([]);
    await caritas.context.close();
  });

  test("the owning agency downloads the subject access file and marks the case disputed", async () => {
    const coordinator = await signedInPage(
      suite.browser,
      suite.app.baseUrl,
      "kim.koordination@demo.test",
    );
    const { page } = coordinator;
    await page.goto("/faelle");
    await page.getByRole("link", { name: CASE }).click();
    const access = page.getByRole("region", { name: "Auskunft nach Art. 15 DSGVO" });
    const jsonHref = await access
      .getByRole("link", { name: "Als Datei (JSON) herunterladen" })
      .getAttribute("href");
    const json = await coordinator.context.request.get(jsonHref ?? "");
    expect(json.status()).toBe(200);
    expect(((await json.json()) as { case: { code: string } }).case.code).toBe(CASE);
    const htmlHref = await access
      .getByRole("link", { name: "Als lesbare Seite herunterladen" })
      .getAttribute("href");
    const html = await coordinator.context.request.get(htmlHref ?? "");
    expect(html.headers()["content-type"]).toContain("text/html");

    const disputes = page.getByRole("region", { name: "Bestrittene Angaben" });
    await disputes.getByRole("button", { name: "Als bestritten markieren" }).click();
    await disputes
      .getByLabel("Was bestreitet die Person?")
      .fill("Die Angaben zur Arbeit stimmen nicht.");
    await disputes.getByRole("button", { name: "Markierung setzen" }).click();
    await page
      .locator("#case-summary-heading .badge-disputed", { hasText: "Bestritten" })
      .waitFor();
    await disputes.getByText("Die Angaben zur Arbeit stimmen nicht.").waitFor();
    await expectNoAxeViolations(page, "case-disputed");
    await screenshot(page, "case-disputed");

    await disputes.getByRole("button", { name: "Markierung aufheben" }).click();
    await disputes.getByRole("button", { name: "Jetzt aufheben" }).click();
    await disputes.getByRole("status").filter({ hasText: "aufgehoben" }).waitFor();
    await disputes.getByText("Die Person bestreitet derzeit nichts.").waitFor();
    await expect(page.locator(".badge-disputed").count()).resolves.toBe(0);
    expect(coordinator.errors).toEqual([]);
    await coordinator.context.close();
  });
});
