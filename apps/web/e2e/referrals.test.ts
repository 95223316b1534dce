import { describe, expect, test } from "vitest";
import {
  screenshot,
  signedInPage,
  type UserPage,
  upcomingConferenceId,
} from "./support/browser.ts";
import { expectNoAxeViolations, startAppAndBrowser } from "./support/suite.ts";

/*
 * KIM case management asks the Diakonie to join RT-2026-0007. The Diakonie sees the
 * request but not the case, declines with a reason; KIM reads the reason and asks again;
 * the Diakonie accepts and then opens the case.
 */
const CASE = "RT-2026-0007";
const DIAKONIE = "Diakonie Flüchtlingsberatung";
const suite = startAppAndBrowser();

async function caseIdOf(user: UserPage, code: string): Promise<string> {
  const response = await user.context.request.get(`/api/cases?q=${code}`);
  const { cases } = (await response.json()) as { cases: { id: string; code: string }[] };
  const found = cases.find((entry) => entry.code === code);
  if (!found) throw new Error(`${code} not visible`);
  return found.id;
}

async function askDiakonie(kim: UserPage, caseId: string, message: string) {
  const { page } = kim;
  await page.goto(`/faelle/${caseId}`);
  await page.getByRole("heading", { name: new RegExp(CASE), level: 1 }).waitFor();
  await page.getByRole("button", { name: "Stelle anfragen" }).click();
  const form = page.locator("form", {
    has: page.getByRole("heading", { name: "Eine Stelle anfragen" }),
  });
  await form.getByLabel("Angefragte Stelle").selectOption({ label: DIAKONIE });
  await form.getByLabel("Zweck").fill("Begleitung im Asylfolgeverfahren");
  await form.getByLabel("Fassung des Einwilligungstextes").fill("Einwilligung KIM v3");
  await form.getByLabel("Nachricht an die Stelle").fill(message);
  await form.getByRole("button", { name: "Anfrage senden" }).click();
  await form.waitFor({ state: "detached" });
}

describe("requests to another agency", () => {
  test("KIM asks the Diakonie, which declines, is asked again, accepts and sees the case", async () => {
    const kim = await signedInPage(suite.browser, suite.app.baseUrl, "kim.koordination@demo.test");
    const diakonie = await signedInPage(
      suite.browser,
      suite.app.baseUrl,
      "diakonie.koordination@demo.test",
    );
    const caseId = await caseIdOf(kim, CASE);
    const requests = kim.page.getByRole("region", { name: "Anfragen an andere Stellen" });

    await askDiakonie(kim, caseId, "Können Sie die Begleitung übernehmen?");
    await requests.getByText("offen", { exact: true }).waitFor();
    await expectNoAxeViolations(kim.page, "case-referrals");
    await screenshot(kim.page, "case-referrals");

    // Before deciding: the request, not the case.
    expect((await diakonie.context.request.get(`/api/cases/${caseId}`)).status()).toBe(404);
    await diakonie.page.goto("/");
    await diakonie.page.getByRole("link", { name: "Anfragen" }).click();
    await diakonie.page.getByRole("heading", { name: "Anfragen an meine Stelle" }).waitFor();
    await diakonie.page.getByRole("heading", { name: `Fall ${CASE}` }).waitFor();
    await diakonie.page.getByText("Können Sie die Begleitung übernehmen?").waitFor();
    await diakonie.page.getByText("Zweck: Begleitung im Asylfolgeverfahren").waitFor();
    await expectNoAxeViolations(diakonie.page, "referrals");
    await screenshot(diakonie.page, "referrals");

    await diakonie.page.getByRole("button", { name: "Ablehnen" }).click();
    await diakonie.page.getByLabel("Begründung").fill("Keine Kapazität bis Ende des Monats");
    await diakonie.page.getByRole("button", { name: "Ablehnung senden" }).click();
    await diakonie.page.getByText("abgelehnt", { exact: true }).waitFor();

    await kim.page.reload();
    await requests.getByText("Begründung: Keine Kapazität bis Ende des Monats").waitFor();
    await askDiakonie(kim, caseId, "Ab dem nächsten Monat möglich?");
    await requests.getByText("offen", { exact: true }).waitFor();

    await diakonie.page.reload();
    await diakonie.page.getByRole("button", { name: "Annehmen" }).click();
    await diakonie.page.getByRole("link", { name: "Fall öffnen" }).first().click();
    await diakonie.page.getByRole("heading", { name: new RegExp(CASE), level: 1 }).waitFor();
    expect(diakonie.page.url()).toContain(`/faelle/${caseId}`);

    await kim.page.reload();
    await requests.getByText("angenommen", { exact: true }).waitFor();
    expect(kim.errors).toEqual([]);
    expect(diakonie.errors).toEqual([]);
  });

  test("internal notes are marked as my agency's own, on the case page and in the room", async () => {
    const kim = await signedInPage(suite.browser, suite.app.baseUrl, "kim.koordination@demo.test");
    const caseId = await caseIdOf(kim, CASE);
    const { page } = kim;
    await page.goto(`/faelle/${caseId}`);
    const notes = page.getByRole("region", { name: "Interne Notizen" });
    await notes.getByLabel("Neue interne Notiz").fill("Rückruf der Schule abwarten");
    await notes.getByRole("button", { name: "Notiz hinzufügen" }).click();
    const note = notes.getByRole("listitem").filter({ hasText: "Rückruf der Schule abwarten" });
    await note.getByText("Intern – nur KIM-Case-Management").waitFor();
    await expectNoAxeViolations(page, "case-internal-notes");

    const conferenceId = await upcomingConferenceId(kim, CASE);
    await page.goto(`/konferenzen/${conferenceId}`);
    const panel = page.getByRole("region", { name: "Interne Notizen" });
    await panel.getByRole("button", { name: "Interne Notizen zeigen" }).click();
    await panel.getByText("Rückruf der Schule abwarten").waitFor();
    await panel.getByText("Intern – nur KIM-Case-Management").first().waitFor();
    expect(kim.errors).toEqual([]);
  });
});
