import { expect, test } from "vitest";
import { notesText, signedInPage, upcomingConferenceId } from "./support/browser.ts";
import { startAppAndBrowser } from "./support/suite.ts";

const suite = startAppAndBrowser();

test("notes typed offline are kept on the device and saved after reconnecting", async () => {
  const abh = await signedInPage(suite.browser, suite.app.baseUrl, "abh@demo.test");
  const conferenceId = await upcomingConferenceId(abh, "RT-2026-0007");
  await abh.page.goto(`/konferenzen/${conferenceId}`);
  await abh.page.locator('[data-save-state="saved"]').waitFor();

  await abh.context.setOffline(true);
  await abh.page.locator('[data-save-state="offline"]').waitFor({ timeout: 15_000 });
  await abh.page.locator(".notes-editor").click();
  await abh.page.keyboard.insertText("Offline notiert: Pass fehlt weiterhin.");
  await expect(
    abh.page.getByRole("status").filter({ hasText: "Keine Verbindung" }).count(),
  ).resolves.toBe(1);

  await abh.context.setOffline(false);
  await abh.page.locator('[data-save-state="saved"]').waitFor({ timeout: 20_000 });

  await abh.page.reload();
  await abh.page.locator('[data-save-state="saved"]').waitFor();
  await expect(notesText(abh.page)).resolves.toContain("Offline notiert: Pass fehlt weiterhin.");

  // Another person sees it too: it reached the server, not only this device's copy.
  const kim = await signedInPage(suite.browser, suite.app.baseUrl, "kim@demo.test");
  await kim.page.goto(`/konferenzen/${conferenceId}`);
  await kim.page.locator('[data-save-state="saved"]').waitFor();
  await expect(notesText(kim.page)).resolves.toContain("Offline notiert");
  await Promise.all([abh.context.close(), kim.context.close()]);
});
