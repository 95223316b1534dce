import { expect, test } from "vitest";
import { signedInPage } from "./support/browser.ts";
import { startAppAndBrowser } from "./support/suite.ts";

const suite = startAppAndBrowser();

test("a case is opened, its person recorded, a secrecy release given and revoked, closed and reopened", async () => {
  const kim = await signedInPage(suite.browser, suite.app.baseUrl, "kim@demo.test");
  const { page } = kim;
  await page.goto("/faelle");
  await page.getByRole("link", { name: "Neuen Fall anlegen" }).click();
  await page.getByRole("heading", { name: "Neuen Fall anlegen", level: 1 }).waitFor();
  await page
    .getByText("sehen nur Stellen, deren Freigabe ausdrücklich besondere Angaben")
    .waitFor();
  await page.getByLabel("Kurzbeschreibung").fill("Frau, Anfang dreißig, sucht Ausbildungsplatz");
  await page.getByLabel("Ausbildung").check();
  await page.getByLabel("Besondere Angaben (freiwillig)").fill("Chronische Erkrankung");
  await page.getByRole("button", { name: "Fall anlegen" }).click();
  const heading = page.getByRole("heading", { level: 1, name: /^Fall RT-\d{4}-\d{4,}$/ });
  await heading.waitFor();
  const code = (await heading.textContent())?.replace("Fall ", "") ?? "";
  await page
    .getByRole("status")
    .filter({ hasText: `Fall ${code} ist angelegt.` })
    .waitFor();

  // Identity: only the own agency, with a calm word that it stays there.
  const identity = page.getByRole("region", { name: "Wer ist das?" });
  await identity.getByText("Für diesen Fall ist keine Person hinterlegt.").waitFor();
  await identity.getByRole("button", { name: "Person hinterlegen" }).click();
  await identity.getByText(`nur das Kennzeichen ${code}`).waitFor();
  await identity.getByRole("button", { name: "Angaben speichern" }).click();
  await identity.getByText("Bitte ausfüllen.").waitFor();
  await identity.getByLabel("Name").fill("Testperson Fünf");
  await identity.getByLabel("Aktenzeichen (freiwillig)").fill("AZ 12/345");
  await identity.getByRole("button", { name: "Angaben speichern" }).click();
  await identity
    .getByRole("status")
    .filter({ hasText: "Die Angaben zur Person sind gespeichert." })
    .waitFor();
  await identity.getByText("Testperson Fünf").waitFor();
  await identity.getByRole("button", { name: "Angaben ändern" }).click();
  await identity.getByLabel("Name").fill("Testperson Sechs");
  await identity.getByRole("button", { name: "Angaben speichern" }).click();
  await identity.getByText("Testperson Sechs").waitFor();
  await expect(identity.getByText("AZ 12/345").count()).resolves.toBe(1);

  // Secrecy release: record, then revoke.
  const secrecy = page.getByRole("region", { name: "Schweigepflichtentbindungen" });
  await secrecy.getByText("Keine Schweigepflichtentbindungen erfasst.").waitFor();
  await secrecy.getByRole("button", { name: "Entbindung erfassen" }).click();
  await secrecy
    .getByLabel("Entbundene Stelle")
    .selectOption({ label: "Caritas Migrationsberatung" });
  await secrecy.getByLabel("Umfang").fill("Begleitung zur Botschaft");
  await secrecy.getByRole("button", { name: "Entbindung speichern" }).click();
  await secrecy
    .getByRole("status")
    .filter({ hasText: "Die Entbindung für Caritas Migrationsberatung ist gespeichert." })
    .waitFor();
  await secrecy
    .locator(".basis", { hasText: "Begleitung zur Botschaft" })
    .getByText("gültig")
    .waitFor();
  await secrecy
    .getByRole("button", { name: "Entbindung für Caritas Migrationsberatung widerrufen" })
    .click();
  await secrecy.getByRole("button", { name: "Jetzt widerrufen" }).click();
  await secrecy
    .locator(".basis", { hasText: "Begleitung zur Botschaft" })
    .getByText(/widerrufen am/)
    .waitFor();

  // Closing asks once more; reopening brings the case back.
  const summary = page.getByRole("region", { name: "Kurzbeschreibung" });
  await summary.getByRole("button", { name: "Fall abschließen" }).click();
  await summary.getByText("Mit dem Abschluss beginnt die Löschfrist.").waitFor();
  await summary.getByRole("button", { name: "Jetzt abschließen" }).click();
  await summary
    .getByRole("status")
    .filter({ hasText: `Fall ${code} ist abgeschlossen.` })
    .waitFor();
  await summary.getByText(/^Abgeschlossen/).waitFor();
  await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe(
    "Fall wieder öffnen",
  );
  await summary.getByRole("button", { name: "Fall wieder öffnen" }).click();
  await summary
    .getByRole("status")
    .filter({ hasText: `Fall ${code} ist wieder geöffnet.` })
    .waitFor();
  await summary.getByText("Laufend").waitFor();
  expect(kim.errors).toEqual([]);
  await kim.context.close();
});

test("another agency does not see the special-category note or the identity", async () => {
  const kim = await signedInPage(suite.browser, suite.app.baseUrl, "kim@demo.test");
  const created = await kim.context.request.post("/api/cases", {
    headers: { "x-csrf-token": kim.csrfToken },
    data: { summary: "Sichtbarkeit prüfen", themes: ["work"], specialCategoryNote: "Geheim" },
  });
  const entry = (await created.json()) as { id: string; code: string };
  const agencies = (await (await kim.context.request.get("/api/agencies")).json()) as {
    agencies: { id: string; name: string }[];
  };
  const jobcenter = agencies.agencies.find((agency) => agency.name === "Jobcenter Beispielhausen");
  const granted = await kim.context.request.post(`/api/cases/${entry.id}/sharing-bases`, {
    headers: { "x-csrf-token": kim.csrfToken },
    data: {
      agencyId: jobcenter?.id,
      purpose: "Arbeit",
      categories: ["general"],
      legalBasis: { kind: "statute", norm: "§ 69 SGB X" },
    },
  });
  expect(granted.status()).toBe(201);
  await kim.context.close();

  const jc = await signedInPage(suite.browser, suite.app.baseUrl, "jc@demo.test");
  await jc.page.goto(`/faelle/${entry.id}`);
  await jc.page.getByRole("heading", { name: `Fall ${entry.code}`, level: 1 }).waitFor();
  await jc.page.getByText("Sichtbarkeit prüfen").waitFor();
  await expect(jc.page.getByText("Geheim").count()).resolves.toBe(0);
  await expect(jc.page.getByRole("region", { name: "Wer ist das?" }).count()).resolves.toBe(0);
  await expect(jc.page.getByRole("button", { name: "Fall abschließen" }).count()).resolves.toBe(0);
  await jc.context.close();
});
