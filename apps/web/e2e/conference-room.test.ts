import { describe, expect, test } from "vitest";
import {
  notesText,
  screenshot,
  signedInPage,
  type UserPage,
  upcomingConferenceId,
} from "./support/browser.ts";
import { expectNoAxeViolations, startAppAndBrowser } from "./support/suite.ts";

// RT-2026-0007 is owned by KIM case management; ABH, Jobcenter and Caritas are invited.
const CASE = "RT-2026-0007";
const suite = startAppAndBrowser();

async function openRoom(user: UserPage, conferenceId: string) {
  await user.page.goto(`/konferenzen/${conferenceId}`);
  await user.page.locator(".notes-editor").waitFor();
  await user.page.locator('[data-save-state="saved"]').waitFor();
}

describe("conference room", () => {
  test("two agencies co-edit the notes and see each other's text and carets", async () => {
    const kim = await signedInPage(suite.browser, suite.app.baseUrl, "kim@demo.test");
    const abh = await signedInPage(suite.browser, suite.app.baseUrl, "abh@demo.test");
    const conferenceId = await upcomingConferenceId(kim, CASE);
    await Promise.all([openRoom(kim, conferenceId), openRoom(abh, conferenceId)]);

    await kim.page.locator(".notes-editor").click();
    await kim.page.keyboard.insertText("Der Klient arbeitet in Teilzeit im Lager.");
    await abh.page.waitForFunction(
      () => document.querySelector(".notes-editor")?.textContent?.includes("Teilzeit im Lager"),
      undefined,
      { timeout: 1_000 },
    );
    await abh.page
      .locator(".collaboration-carets__label", { hasText: "KIM" })
      .waitFor({ timeout: 1_000 });

    await abh.page.locator(".notes-editor").click();
    await abh.page.keyboard.press("Control+End");
    await abh.page.keyboard.press("Enter");
    await abh.page.keyboard.insertText("ABH: §104c wäre zu prüfen.");
    await kim.page.waitForFunction(
      () => document.querySelector(".notes-editor")?.textContent?.includes("§104c"),
      undefined,
      { timeout: 1_000 },
    );
    await kim.page
      .locator(".collaboration-carets__label", { hasText: "ABH" })
      .waitFor({ timeout: 1_000 });
    expect(await notesText(kim.page)).toContain("Der Klient arbeitet in Teilzeit im Lager.");

    // Both see each other in the list of who is present, and everything is saved.
    await kim.page.getByRole("heading", { name: "Anwesend (2)" }).waitFor();
    await kim.page.locator('[data-save-state="saved"]').waitFor();
    await expect(
      kim.page.getByRole("status").filter({ hasText: "Gespeichert" }).count(),
    ).resolves.toBe(1);
    await screenshot(kim.page, "conference-room");
    expect([...kim.errors, ...abh.errors]).toEqual([]);
    await Promise.all([kim.context.close(), abh.context.close()]);
  });

  test("an action agreed in the conference reaches the inbox live, and done comes back", async () => {
    const kim = await signedInPage(suite.browser, suite.app.baseUrl, "kim@demo.test");
    const caritas = await signedInPage(suite.browser, suite.app.baseUrl, "caritas@demo.test");
    const conferenceId = await upcomingConferenceId(kim, CASE);
    await caritas.page.goto("/");
    await caritas.page.getByRole("heading", { name: "Eingang", level: 1 }).waitFor();
    await openRoom(kim, conferenceId);

    const title = "Botschaftstermin zur Passbeschaffung begleiten";
    const form = kim.page.locator("form.new-action");
    await form.getByLabel("Was ist zu tun?").fill(title);
    await form
      .getByLabel("Zuständige Stelle")
      .selectOption({ label: "Caritas Migrationsberatung" });
    await form.getByLabel("Fällig bis").fill("2030-01-15");
    await form.getByRole("button", { name: "Maßnahme anlegen" }).click();
    await kim.page.locator(".room-action", { hasText: title }).waitFor();

    // No reload: the inbox learns about it from the event channel.
    const card = caritas.page.getByRole("article", { name: title });
    await card.waitFor({ timeout: 10_000 });
    // Choosing a status only chooses it; the button saves, and the toast offers undo.
    await card.getByLabel(`Stand von „${title}“`).selectOption("done");
    await expect(card.locator(".badge", { hasText: "Offen" }).count()).resolves.toBe(1);
    await card.getByRole("button", { name: "Stand speichern" }).click();
    const undo = caritas.page.getByRole("button", { name: "Rückgängig" });
    await undo.waitFor();
    await expect(undo.evaluate((button) => button === document.activeElement)).resolves.toBe(true);

    const roomBadge = (status: string) =>
      kim.page
        .locator(".room-action", { hasText: title })
        .locator(".badge", { hasText: status })
        .waitFor({ timeout: 10_000 });
    await roomBadge("Erledigt");
    await undo.click();
    await roomBadge("Offen");

    // In the room too, an arrow key only chooses; the button writes it for everyone.
    const inRoom = kim.page.locator(".room-action", { hasText: title });
    const roomStatus = inRoom.getByLabel(`Stand von „${title}“`);
    await roomStatus.focus();
    await kim.page.keyboard.press("ArrowDown");
    await expect(inRoom.locator(".badge").textContent()).resolves.toBe("Offen");
    await inRoom.getByRole("button", { name: "Stand speichern" }).click();
    await roomBadge("In Arbeit");
    await expect(
      roomStatus.evaluate((element) => element === document.activeElement),
    ).resolves.toBe(true);
    await card.waitFor();
    expect([...kim.errors, ...caritas.errors]).toEqual([]);
    await Promise.all([kim.context.close(), caritas.context.close()]);
  });

  test("revoking an agency's basis closes its conference room with an explanation", async () => {
    const kim = await signedInPage(suite.browser, suite.app.baseUrl, "kim@demo.test");
    const jc = await signedInPage(suite.browser, suite.app.baseUrl, "jc@demo.test");
    const conferenceId = await upcomingConferenceId(kim, CASE);
    await openRoom(jc, conferenceId);

    await kim.page.goto("/faelle");
    await kim.page.getByRole("link", { name: CASE }).click();
    await kim.page
      .getByRole("button", { name: "Freigabe für Jobcenter Beispielhausen widerrufen" })
      .click();
    await kim.page.getByLabel("Notiz zum Widerruf (freiwillig)").fill("Einwilligung zurückgezogen");
    await kim.page.getByRole("button", { name: "Jetzt widerrufen" }).click();

    const closed = jc.page
      .getByRole("alert")
      .filter({ hasText: "Der Konferenzraum ist geschlossen" });
    await closed.waitFor({ timeout: 10_000 });
    await expect(closed.textContent()).resolves.toContain("Freigabe wurde widerrufen");
    await expect(jc.page.locator(".notes-editor").count()).resolves.toBe(0);
    await screenshot(jc.page, "conference-room-revoked");
    await Promise.all([kim.context.close(), jc.context.close()]);
  });

  test("the owning agency calls a planned conference off after asking once more", async () => {
    // RT-2026-0012 is owned by the ABH; its planned conference is used by no other test here.
    const abh = await signedInPage(suite.browser, suite.app.baseUrl, "abh@demo.test");
    const conferenceId = await upcomingConferenceId(abh, "RT-2026-0012");
    await openRoom(abh, conferenceId);

    await abh.page.getByRole("button", { name: "Konferenz absagen" }).click();
    const confirm = abh.page.getByRole("group", { name: "Konferenz absagen?" });
    await confirm.waitFor();
    await expectNoAxeViolations(abh.page, "conference-cancel-confirm");
    await confirm.getByRole("button", { name: "Ja, Konferenz absagen" }).click();

    const notice = abh.page.getByRole("status").filter({ hasText: "wurde abgesagt" });
    await notice.waitFor({ timeout: 5_000 });
    await expect(abh.page.locator(".notes-editor").count()).resolves.toBe(0);
    await expectNoAxeViolations(abh.page, "conference-cancelled");
    await expect(
      abh.context.request.get("/api/conferences/upcoming").then((r) => r.json()),
    ).resolves.toMatchObject({
      conferences: expect.not.arrayContaining([expect.objectContaining({ id: conferenceId })]),
    });
    expect(abh.errors).toEqual([]);
    await abh.context.close();
  });
});
