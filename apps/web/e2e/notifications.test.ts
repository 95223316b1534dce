import { describe, expect, test } from "vitest";
import {
  conferenceParticipants,
  participantAgencyId,
  screenshot,
  signedInPage,
  unreadCount,
  upcomingConferenceId,
} from "./support/browser.ts";
import { expectNoAxeViolations, startAppAndBrowser } from "./support/suite.ts";

/*
 * DOMAIN.md, step 3: KIM case management gives the ABH an action for RT-2026-0007. The ABH
 * member has the inbox open; the bell counts up without a reload, the notification names
 * the action, and its link opens the case.
 */
const CASE = "RT-2026-0007";
const suite = startAppAndBrowser();

describe("notifications", () => {
  test("a new action for the ABH rings its bell live and leads to the case", async () => {
    const kim = await signedInPage(suite.browser, suite.app.baseUrl, "kim.koordination@demo.test");
    const abh = await signedInPage(suite.browser, suite.app.baseUrl, "abh@demo.test");
    const conferenceId = await upcomingConferenceId(kim, CASE);
    const conference = await conferenceParticipants(kim, conferenceId);
    const abhAgency = participantAgencyId(conference, "Ausländerbehörde");

    const before = await unreadCount(abh);
    await abh.page.goto("/");
    const bell = abh.page.getByRole("link", { name: /^Benachrichtigungen, \d+ ungelesen$/ });
    await expect
      .poll(() => bell.getAttribute("aria-label"))
      .toBe(`Benachrichtigungen, ${before} ungelesen`);
    // The page is open and live before the action exists, so only the event stream can tell it.
    await abh.page.waitForFunction(() => document.readyState === "complete");

    const title = "Identitätsklärung: Termin bei der Botschaft vorbereiten";
    const created = await kim.context.request.post(`/api/cases/${conference.caseId}/actions`, {
      headers: { "x-csrf-token": kim.csrfToken },
      data: { title, responsibleAgencyId: abhAgency },
    });
    expect(created.status()).toBe(201);

    await expect
      .poll(() => bell.getAttribute("aria-label"), { timeout: 10_000 })
      .toBe(`Benachrichtigungen, ${before + 1} ungelesen`);

    await bell.click();
    await abh.page.getByRole("heading", { name: "Benachrichtigungen", level: 1 }).waitFor();
    const link = abh.page.getByRole("link", { name: `Neue Aufgabe für Sie: ${title}` });
    await link.waitFor();
    await expect
      .poll(() => abh.page.locator(".notification-unread").count())
      .toBeGreaterThanOrEqual(1);
    await expectNoAxeViolations(abh.page, "notifications");
    await screenshot(abh.page, "notifications");

    await link.click();
    await abh.page.getByRole("heading", { name: new RegExp(CASE), level: 1 }).waitFor();
    expect(abh.page.url()).toContain(`/faelle/${conference.caseId}`);
    // Following the link read it: the bell counts one fewer.
    await expect
      .poll(() => bell.getAttribute("aria-label"))
      .toBe(`Benachrichtigungen, ${before} ungelesen`);
    expect(abh.errors).toEqual([]);
  });
});
