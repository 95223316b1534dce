import { describe, expect, test } from "vitest";
import {
  conferenceParticipants,
  notesText,
  participantAgencyId,
  screenshot,
  signedInPage,
  unreadCount,
  upcomingConferenceId,
} from "./support/browser.ts";
import { expectNoAxeViolations, startAppAndBrowser } from "./support/suite.ts";

/*
 * "Reaching people outside the app": the Caritas member asks KIM's caseworker about an
 * action by mentioning her (@) in a comment; her bell counts up without a reload.
 */
const CASE = "RT-2026-0007";
const suite = startAppAndBrowser();

describe("mentions", () => {
  test("mentioning a person of the owning agency in a comment rings her bell", async () => {
    const coordinator = await signedInPage(
      suite.browser,
      suite.app.baseUrl,
      "kim.koordination@demo.test",
    );
    const kim = await signedInPage(suite.browser, suite.app.baseUrl, "kim@demo.test");
    const caritas = await signedInPage(suite.browser, suite.app.baseUrl, "caritas@demo.test");
    const conferenceId = await upcomingConferenceId(coordinator, CASE);
    const conference = await conferenceParticipants(coordinator, conferenceId);
    const caritasAgency = participantAgencyId(conference, "Caritas");
    const title = "Wohnsitzauflage klären";
    const created = await coordinator.context.request.post(
      `/api/cases/${conference.caseId}/actions`,
      {
        headers: { "x-csrf-token": coordinator.csrfToken },
        data: { title, responsibleAgencyId: caritasAgency },
      },
    );
    expect(created.status()).toBe(201);

    const before = await unreadCount(kim);
    await kim.page.goto("/");
    const bell = kim.page.getByRole("link", { name: /^Benachrichtigungen, \d+ ungelesen$/ });
    await expect
      .poll(() => bell.getAttribute("aria-label"))
      .toBe(`Benachrichtigungen, ${before} ungelesen`);
    await kim.page.waitForFunction(() => document.readyState === "complete");

    await caritas.page.goto("/");
    const card = caritas.page.getByRole("article", { name: title });
    await card.getByRole("button", { name: /^Kommentare/ }).click();
    await card.getByLabel("Neuer Kommentar").fill("Bitte die Auflage bis Freitag prüfen.");
    const picker = card.getByLabel("Erwähnen");
    await expect.poll(() => picker.locator("option", { hasText: "Fachkraft KIM" }).count()).toBe(1);
    await picker.selectOption({ label: "Fachkraft KIM" });
    await card.getByRole("button", { name: "Hinzufügen" }).click();
    const chips = card.getByRole("list", { name: "Erwähnt (werden benachrichtigt)" });
    await chips.getByText("@Fachkraft KIM").waitFor();
    await expectNoAxeViolations(caritas.page, "comment-mention");
    await card.getByRole("button", { name: "Kommentar senden" }).click();
    await card.getByText("Bitte die Auflage bis Freitag prüfen.").waitFor();
    await expect.poll(() => chips.count()).toBe(0);

    await expect
      .poll(() => bell.getAttribute("aria-label"), { timeout: 10_000 })
      .toBe(`Benachrichtigungen, ${before + 1} ungelesen`);
    expect(caritas.errors).toEqual([]);
    expect(kim.errors).toEqual([]);
    for (const user of [coordinator, kim, caritas]) await user.context.close();
  });

  test("mentioning a person in the conference notes rings her bell", async () => {
    const kim = await signedInPage(suite.browser, suite.app.baseUrl, "kim@demo.test");
    const abh = await signedInPage(suite.browser, suite.app.baseUrl, "abh@demo.test");
    const conferenceId = await upcomingConferenceId(kim, CASE);
    const before = await unreadCount(abh);
    await abh.page.goto("/");
    const bell = abh.page.getByRole("link", { name: /^Benachrichtigungen, \d+ ungelesen$/ });
    await expect
      .poll(() => bell.getAttribute("aria-label"))
      .toBe(`Benachrichtigungen, ${before} ungelesen`);

    await kim.page.goto(`/konferenzen/${conferenceId}`);
    await kim.page.locator('[data-save-state="saved"]').waitFor();
    await kim.page.locator(".notes-editor").click();
    await kim.page.keyboard.press("Control+End");
    await kim.page.keyboard.press("Enter");
    await kim.page.keyboard.insertText("Aufenthaltsfrage klärt ");
    await kim.page.getByRole("button", { name: "@ Person erwähnen" }).click();
    const who = kim.page.getByLabel("Wen erwähnen?");
    await expect.poll(() => who.locator("option", { hasText: "Fachkraft ABH" }).count()).toBe(1);
    await who.selectOption({ label: "Fachkraft ABH" });
    await expectNoAxeViolations(kim.page, "notes-mention");
    await kim.page.getByRole("button", { name: "Einfügen", exact: true }).click();
    await kim.page.keyboard.insertText("bis zur nächsten Sitzung.");
    await kim.page.locator('[data-save-state="saved"]').waitFor();
    expect(await notesText(kim.page)).toContain(
      "Aufenthaltsfrage klärt @Fachkraft ABH bis zur nächsten Sitzung.",
    );
    await screenshot(kim.page, "notes-mention");

    await expect
      .poll(() => bell.getAttribute("aria-label"), { timeout: 10_000 })
      .toBe(`Benachrichtigungen, ${before + 1} ungelesen`);
    await bell.click();
    await abh.page
      .getByText(/Sie wurden erwähnt/)
      .first()
      .waitFor();
    expect([...kim.errors, ...abh.errors]).toEqual([]);
    for (const user of [kim, abh]) await user.context.close();
  });
});
