import { describe, expect, test } from "vitest";
import { screenshot, signedInPage, upcomingConferenceId } from "./support/browser.ts";
import { expectNoAxeViolations, startAppAndBrowser } from "./support/suite.ts";

// RT-2026-0007 is owned by KIM; kim.koordination is KIM's coordinator.
const CASE = "RT-2026-0007";
const suite = startAppAndBrowser();

describe("documents for the person concerned", () => {
  test("the goal agreement opens from the conference room and reads right to left in Arabic", async () => {
    const kim = await signedInPage(suite.browser, suite.app.baseUrl, "kim.koordination@demo.test");
    const conferenceId = await upcomingConferenceId(kim, CASE);
    await kim.page.goto(`/konferenzen/${conferenceId}`);
    await kim.page.getByRole("link", { name: "Zielvereinbarung für die Person" }).click();
    await kim.page
      .getByRole("heading", { level: 1, name: "Zielvereinbarung für die Person" })
      .waitFor();
    const article = kim.page.locator("article.client-doc");
    await article.getByRole("heading", { name: "Zielvereinbarung" }).waitFor();
    await expect(article.getAttribute("dir")).resolves.toBe("ltr");

    await kim.page.getByLabel("Sprache des Dokuments").selectOption("ar");
    await article.getByRole("heading", { name: "اتفاق الأهداف" }).waitFor();
    await expect(article.getAttribute("dir")).resolves.toBe("rtl");
    await expect(article.getAttribute("lang")).resolves.toBe("ar");
    const download = kim.page.getByRole("link", { name: "PDF herunterladen" });
    await expect(download.getAttribute("href")).resolves.toBe(
      `/api/conferences/${conferenceId}/goal-agreement.pdf?lang=ar`,
    );
    const pdf = await kim.context.request.get(
      `/api/conferences/${conferenceId}/goal-agreement.pdf?lang=ar`,
    );
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    await expectNoAxeViolations(kim.page, "goal-agreement-ar");
    await screenshot(kim.page, "goal-agreement-ar");
    expect(kim.errors).toEqual([]);
  });

  test("the owner opens the transparency sheet from the case page in Ukrainian", async () => {
    const kim = await signedInPage(suite.browser, suite.app.baseUrl, "kim.koordination@demo.test");
    const cases = (await (await kim.context.request.get("/api/cases")).json()) as {
      cases: { id: string; code: string }[];
    };
    const caseId = cases.cases.find((entry) => entry.code === CASE)?.id ?? "";
    await kim.page.goto(`/faelle/${caseId}`);
    await kim.page.getByRole("link", { name: /^Transparenzblatt für die Person/ }).click();
    await kim.page
      .getByRole("heading", { level: 1, name: "Transparenzblatt für die Person" })
      .waitFor();
    await kim.page.getByLabel("Sprache des Dokuments").selectOption("uk");
    const article = kim.page.locator("article.client-doc");
    await article.getByRole("heading", { name: "Хто може бачити вашу справу?" }).waitFor();
    await expect(article.getAttribute("lang")).resolves.toBe("uk");
    await expectNoAxeViolations(kim.page, "transparency-sheet-uk");
    await screenshot(kim.page, "transparency-sheet-uk");

    // A partner agency cannot hand it out: for it the sheet does not exist.
    const abh = await signedInPage(suite.browser, suite.app.baseUrl, "abh@demo.test");
    const refused = await abh.context.request.get(`/api/cases/${caseId}/transparency-sheet`);
    expect(refused.status()).toBe(404);
    expect(kim.errors).toEqual([]);
  });
});
