import { expect, test } from "vitest";
import { signedInPage, type UserPage } from "./support/browser.ts";
import { expectNoAxeViolations, startAppAndBrowser } from "./support/suite.ts";

/*
 * Two members of the steering group work on the action plan at the same time: one takes
 * the draft from the group's topics and saves the first version, then a second; the other,
 * still on the first, is told plainly that a newer version exists, loads it, and keeps
 * their own text beside it to copy from.
 */
const suite = startAppAndBrowser();

async function userId(user: UserPage): Promise<string> {
  const me = await user.context.request.get("/api/me");
  return ((await me.json()) as { user: { id: string } }).user.id;
}

test("two members save versions of the action plan, and the later one is offered the newer text", async () => {
  const admin = await signedInPage(suite.browser, suite.app.baseUrl, "admin@demo.test");
  const diakonie = await signedInPage(suite.browser, suite.app.baseUrl, "diakonie@demo.test");
  const caritas = await signedInPage(suite.browser, suite.app.baseUrl, "caritas@demo.test");
  for (const member of [diakonie, caritas]) {
    const named = await admin.context.request.post("/api/steering/members", {
      data: { userId: await userId(member) },
      headers: { "x-csrf-token": admin.csrfToken },
    });
    expect(named.status()).toBe(201);
  }
  await admin.context.close();
  const topic = await diakonie.context.request.post("/api/steering/topics", {
    data: { title: "Abendbusse zu Sprachkursen", theme: "mobility" },
    headers: { "x-csrf-token": diakonie.csrfToken },
  });
  expect(topic.status()).toBe(201);

  const { page } = diakonie;
  await page.goto("/lenkungsgruppe");
  await page.getByRole("link", { name: "Handlungskonzept" }).click();
  await page.getByRole("heading", { level: 1, name: "Handlungskonzept" }).waitFor();
  await page.getByText("Noch keine Fassung gespeichert.").waitFor();
  await page.getByRole("button", { name: "Entwurf aus den Themen übernehmen" }).click();
  const body = page.getByLabel("Text", { exact: true });
  await expect.poll(() => body.inputValue()).toContain("### Abendbusse zu Sprachkursen");
  await page.getByLabel("Was hat sich geändert?").fill("Erste Fassung aus den Themen");
  await page.getByRole("button", { name: "Fassung speichern" }).click();
  await page.getByText("Fassung 1 gespeichert.").waitFor();
  await page.getByRole("link", { name: "Fassung 1 als PDF herunterladen" }).waitFor();
  await expectNoAxeViolations(page, "action plan page");

  // The colleague opens the page now, on the first version.
  const other = caritas.page;
  await other.goto("/lenkungsgruppe/handlungskonzept");
  await other.getByText("Sie bearbeiten auf Grundlage von Fassung 1.").waitFor();

  await body.fill(`${await body.inputValue()}\n\n## Wohnen\n\nMehr bezahlbarer Wohnraum.`);
  await page.getByRole("button", { name: "Fassung speichern" }).click();
  await page.getByText("Fassung 2 gespeichert.").waitFor();

  const otherBody = other.getByLabel("Text", { exact: true });
  await otherBody.fill("Mein eigener Vorschlag zur Mobilität");
  await other.getByRole("button", { name: "Fassung speichern" }).click();
  const notice = other.getByRole("alert");
  await notice.getByText("Inzwischen wurde eine neuere Fassung gespeichert").waitFor();
  await notice.getByText("hat jemand Fassung 2 gespeichert", { exact: false }).waitFor();
  await other.getByRole("button", { name: "Neuere Fassung laden" }).click();
  await expect.poll(() => otherBody.inputValue()).toContain("Mehr bezahlbarer Wohnraum.");
  const own = other.getByLabel("Ihr nicht gespeicherter Text (zum Kopieren)");
  expect(await own.inputValue()).toBe("Mein eigener Vorschlag zur Mobilität");
  await other.getByText("Sie bearbeiten auf Grundlage von Fassung 2.").waitFor();
  await expectNoAxeViolations(other, "action plan page after a conflict");

  // Unsaved text is replaced by the draft only when the person says so.
  await otherBody.fill("Noch nicht gespeichert");
  await other.getByRole("button", { name: "Entwurf aus den Themen übernehmen" }).click();
  await other.getByText("Text ersetzen?").waitFor();
  await other.getByRole("button", { name: "Abbrechen" }).click();
  expect(await otherBody.inputValue()).toBe("Noch nicht gespeichert");

  const pdfLink = page.getByRole("link", { name: "Fassung 2 als PDF herunterladen" });
  const href = await pdfLink.getAttribute("href");
  const pdf = await diakonie.context.request.get(href ?? "");
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect([...diakonie.errors, ...caritas.errors]).toEqual([]);
  await Promise.all([diakonie.context.close(), caritas.context.close()]);
});
