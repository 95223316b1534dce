import { describe, expect, test } from "vitest";
import {
  screenshot,
  signedInPage,
  type UserPage,
  upcomingConferenceId,
} from "./support/browser.ts";
import { expectNoAxeViolations, startAppAndBrowser } from "./support/suite.ts";

/*
 * The story of DOMAIN.md, steps 1 to 5, between two conferences of RT-2026-0007 with
 * three agencies: KIM case management (owner), Caritas and the Jobcenter. The demo
 * data holds the first conference (56 days ago, the Caritas action still open) and
 * the next one, planned in three days.
 */
const CASE = "RT-2026-0007";
const CARITAS = "Caritas Migrationsberatung";
const suite = startAppAndBrowser();

const inDays = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

async function api<T>(user: UserPage, method: "GET" | "POST", url: string, data?: object) {
  const response = await user.context.request.fetch(url, {
    method,
    headers: { "x-csrf-token": user.csrfToken },
    ...(data ? { data } : {}),
  });
  if (!response.ok())
    throw new Error(`${method} ${url}: ${response.status()} ${await response.text()}`);
  return (await response.json()) as T;
}

interface ConferenceBody {
  caseId: string;
  participants: { agency: { id: string; name: string } }[];
}

describe("between conferences", () => {
  test("carry-over, review, correction in the room, Wiedervorlage, and nothing orphaned after a revocation", async () => {
    const kim = await signedInPage(suite.browser, suite.app.baseUrl, "kim.koordination@demo.test");
    const caritas = await signedInPage(suite.browser, suite.app.baseUrl, "caritas@demo.test");
    const jobcenter = await signedInPage(suite.browser, suite.app.baseUrl, "jc@demo.test");
    const conferenceId = await upcomingConferenceId(kim, CASE);
    const conference = await api<ConferenceBody>(kim, "GET", `/api/conferences/${conferenceId}`);
    const agencyId = (name: string) =>
      conference.participants.find((p) => p.agency.name.startsWith(name))?.agency.id ?? "";

    // Agreed between the conferences, outside any of them.
    const outside = "B1-Kurs mit Kinderbetreuung anmelden";
    await api(kim, "POST", `/api/cases/${conference.caseId}/actions`, {
      title: outside,
      responsibleAgencyId: agencyId("Jobcenter"),
      dueDate: inDays(10),
    });
    await api(kim, "POST", `/api/conferences/${conferenceId}/status`, { status: "live" });

    // 1. The room lists both older open actions, grouped by where they were agreed.
    await kim.page.goto(`/konferenzen/${conferenceId}`);
    const carryOver = kim.page.getByRole("region", { name: "Offen aus früheren Konferenzen" });
    const fromFirst = carryOver.locator(".carry-over-group", { hasText: "Erste Fallkonferenz" });
    const fromOutside = carryOver.locator(".carry-over-group", {
      hasText: "Außerhalb einer Konferenz vereinbart",
    });
    const passport = "Termin bei der Botschaft zur Passbeschaffung begleiten";
    await fromFirst.getByText(passport).waitFor();
    await fromOutside.getByText(outside).waitFor();

    // 2. Each is reviewed with a reason; the review is shown at once.
    const review = async (
      title: string,
      outcome: string,
      fill: (form: ReturnType<typeof carryOver.locator>) => Promise<void>,
    ) => {
      const item = carryOver.locator(".room-action", { hasText: title });
      await item.getByRole("button", { name: "Überprüfen" }).click();
      const form = item.getByRole("form", { name: `Überprüfung von „${title}“` });
      await form.getByLabel(outcome).check();
      await fill(form);
      await form.getByRole("button", { name: "Überprüfung speichern" }).click();
      await item.locator(".review-result").waitFor();
    };
    await review(passport, "In Arbeit (neues Datum)", (form) =>
      form.getByLabel("Neu fällig bis").fill(inDays(21)),
    );
    await review(outside, "Nicht erledigt", (form) =>
      form.getByLabel("Anmerkung").fill("Kurs erst ab März mit Kinderbetreuung"),
    );
    await expect(carryOver.locator(".review-result").allTextContents()).resolves.toEqual([
      expect.stringContaining("Überprüft von KIM-Case-Management: in Arbeit, neu fällig"),
      expect.stringContaining("Überprüft von KIM-Case-Management: nicht erledigt – Kurs erst"),
    ]);
    await screenshot(kim.page, "follow-up-carry-over");

    // 3. An action agreed now and corrected in the room reaches the Caritas inbox changed.
    await caritas.page.goto("/");
    await caritas.page.getByRole("heading", { name: "Eingang", level: 1 }).waitFor();
    const form = kim.page.locator("form.new-action");
    await form.getByLabel("Was ist zu tun?").fill("Dolmetscherin für den Botschaftstermin");
    await form.getByLabel("Zuständige Stelle").selectOption({ label: CARITAS });
    await form.getByRole("button", { name: "Maßnahme anlegen" }).click();
    const agreed = kim.page.locator(".room-action", {
      hasText: "Dolmetscherin für den Botschaftstermin",
    });
    await agreed.waitFor();
    await caritas.page
      .getByRole("article", { name: "Dolmetscherin für den Botschaftstermin" })
      .waitFor({ timeout: 10_000 });
    await agreed.getByRole("button", { name: /bearbeiten$/ }).click();
    const corrected = "Dolmetscherin (Tigrinya) für den Botschaftstermin buchen";
    await agreed.getByLabel("Was ist zu tun?").fill(corrected);
    await agreed.getByLabel("Fällig bis").fill(inDays(14));
    await agreed.getByRole("button", { name: "Änderungen speichern" }).click();
    await caritas.page.getByRole("article", { name: corrected }).waitFor({ timeout: 10_000 });

    // Goals and decisions are corrected or withdrawn until finalising.
    const goals = kim.page.getByRole("region", { name: "Ziele" });
    await goals.getByLabel("Neues Ziel").fill("Aufenthalt sichern");
    await goals.getByRole("button", { name: "Hinzufügen" }).click();
    await goals.getByRole("button", { name: "„Aufenthalt sichern“ ändern" }).click();
    await goals
      .getByLabel("„Aufenthalt sichern“ ändern")
      .fill("Gesicherter Aufenthalt innerhalb von 18 Monaten");
    await goals.getByRole("button", { name: "Speichern" }).click();
    await goals.getByText("geändert von Koordination KIM (KIM-Case-Management)").waitFor();
    const decisions = kim.page.getByRole("region", { name: "Beschlüsse" });
    await decisions.getByLabel("Neuer Beschluss").fill("Doppelt erfasster Beschluss");
    await decisions.getByRole("button", { name: "Hinzufügen" }).click();
    await decisions
      .getByRole("button", { name: "„Doppelt erfasster Beschluss“ zurückziehen" })
      .click();
    await decisions.getByRole("button", { name: "Ja, zurückziehen" }).click();
    await decisions.getByText("Noch keine Beschlüsse.").waitFor();

    // Who took part is recorded by each person, with the confidentiality confirmed.
    const attendance = kim.page.getByRole("region", { name: "Teilnahme fürs Protokoll" });
    await attendance.getByLabel("anwesend").check();
    await attendance.getByLabel(/vertraulich/).check();
    await attendance.getByRole("button", { name: "Teilnahme speichern" }).click();
    await attendance.getByText("Vertraulichkeit bestätigt").waitFor();
    await screenshot(kim.page, "follow-up-attendance");

    // 4. Conclude and finalise with a Wiedervorlage: the minutes hold the review.
    await kim.page.getByRole("button", { name: "Konferenz beenden" }).click();
    await kim.page.getByText("Die Konferenz ist beendet.").waitFor();
    await kim.page.getByRole("button", { name: "Protokoll abschließen" }).click();
    const dialog = kim.page.getByRole("region", { name: "Protokoll abschließen" });
    await dialog.getByLabel("Wiedervorlage am (freiwillig)").fill(inDays(56));
    await dialog.getByRole("button", { name: "Jetzt abschließen" }).click();
    const minutes = kim.page.getByRole("region", { name: "Abgeschlossene Protokolle" });
    await minutes.getByRole("link", { name: "Zur Wiedervorlage" }).waitFor();
    const markdownUrl = await minutes.getByRole("link", { name: /Markdown/ }).getAttribute("href");
    const markdown = await (await kim.context.request.get(markdownUrl ?? "")).text();
    expect(markdown).toContain("Überprüfung offener Maßnahmen");
    expect(markdown).toContain(passport);
    expect(markdown).toContain("Kurs erst ab März mit Kinderbetreuung");
    expect(markdown).toContain("Gesicherter Aufenthalt innerhalb von 18 Monaten");
    expect(markdown).not.toContain("Doppelt erfasster Beschluss");
    expect(markdown).toMatch(/Koordination KIM.*KIM-Case-Management.*anwesend.*bestätigt/);

    // The Wiedervorlage is in the invited agencies' lists.
    for (const agency of [caritas, jobcenter]) {
      await agency.page.goto("/konferenzen");
      await agency.page
        .getByRole("listitem")
        .filter({ hasText: CASE })
        .filter({ hasText: "Wiedervorlage" })
        .filter({ hasText: inDays(56).split("-").reverse().join(".") })
        .waitFor();
    }

    // 5. The client revokes the Jobcenter's consent: its open action needs a new owner.
    await jobcenter.page.goto("/");
    await jobcenter.page.getByRole("article", { name: outside }).waitFor();
    await kim.page.goto("/faelle");
    await kim.page.getByRole("link", { name: CASE }).click();
    // The planned Wiedervorlage gets its place and length after the fact.
    await kim.page.getByRole("button", { name: "„Wiedervorlage“ ändern" }).first().click();
    const change = kim.page.locator("form.form-card", { hasText: "Konferenz ändern" });
    await change.getByLabel("Ort (freiwillig)").fill("Kreishaus, Raum 214");
    await change.getByLabel("Dauer in Minuten").fill("90");
    await change.getByRole("button", { name: "Änderungen speichern" }).click();
    await change.waitFor({ state: "detached" });
    const planned = await api<{
      conferences: { title: string; location: string; durationMinutes: number; status: string }[];
    }>(kim, "GET", `/api/cases/${conference.caseId}/conferences`);
    expect(planned.conferences.filter((c) => c.status === "planned" && c.location !== "")).toEqual([
      expect.objectContaining({ location: "Kreishaus, Raum 214", durationMinutes: 90 }),
    ]);

    await kim.page
      .getByRole("button", { name: "Freigabe für Jobcenter Beispielhausen widerrufen" })
      .click();
    await kim.page.getByRole("button", { name: "Jetzt widerrufen" }).click();
    // The planned Wiedervorlage keeps the Jobcenter listed, marked as without access.
    await kim.page
      .getByText("Eingeladen, aber ohne Zugriff (Freigabe widerrufen): Jobcenter Beispielhausen")
      .waitFor();
    // The Jobcenter's open inbox drops the case without a reload.
    await jobcenter.page.getByRole("article", { name: outside }).waitFor({ state: "detached" });

    await kim.page.goto("/");
    await kim.page.getByText("brauchen eine neue Zuständigkeit").waitFor();
    const orphan = kim.page.getByRole("article", { name: outside });
    await orphan.getByText("Braucht eine neue Zuständigkeit").waitFor();
    await screenshot(kim.page, "follow-up-needs-new-owner");
    await orphan.getByRole("button", { name: "Neu zuweisen" }).click();
    await orphan.getByLabel("Zuständige Stelle").selectOption({ label: CARITAS });
    await orphan.getByLabel("Zuständige Person").selectOption({ label: "Fachkraft CARITAS" });
    await orphan.getByRole("button", { name: "Änderungen speichern" }).click();
    await caritas.page.goto("/?nur=ich");
    await caritas.page
      .getByRole("article", { name: outside })
      .getByText(`${CARITAS} – Fachkraft CARITAS`)
      .waitFor();

    expect([...kim.errors, ...caritas.errors, ...jobcenter.errors]).toEqual([]);
    await Promise.all([kim.context.close(), caritas.context.close(), jobcenter.context.close()]);
  });

  test("the agenda is arranged by the Kreis, worded in the room and carried on to the next conference", async () => {
    const admin = await signedInPage(suite.browser, suite.app.baseUrl, "admin@demo.test");
    await admin.page.goto("/verwaltung/tagesordnung");
    await admin.page.getByRole("heading", { name: "Tagesordnung", level: 1 }).waitFor();
    await admin.page.getByLabel("Eigenen Punkt hinzufügen").fill("Sprachförderung");
    await admin.page.getByRole("button", { name: "Hinzufügen" }).first().click();
    await admin.page.getByRole("button", { name: "„Sprachförderung“ nach oben" }).click();
    await admin.page
      .getByRole("button", { name: "„Ressourcen und Hindernisse“ entfernen" })
      .click();
    await admin.page.getByRole("button", { name: "Tagesordnung speichern" }).click();
    await admin.page.getByText("Die Tagesordnung ist gespeichert.").waitFor();
    await expectNoAxeViolations(admin.page, "agenda-template");
    await screenshot(admin.page, "agenda-template");

    const kim = await signedInPage(suite.browser, suite.app.baseUrl, "kim.koordination@demo.test");
    const { caseId } = await api<ConferenceBody>(
      kim,
      "GET",
      `/api/conferences/${await upcomingConferenceId(kim, CASE)}`,
    );
    const plan = (title: string, days: number) =>
      api<{ id: string; agenda: { kind: string | null; title: string | null }[] }>(
        kim,
        "POST",
        `/api/cases/${caseId}/conferences`,
        { title, scheduledAt: `${inDays(days)}T08:00:00.000Z` },
      );
    const now = await plan("Zwischenrunde", 20);
    const next = await plan("Nächste Zwischenrunde", 48);
    expect(now.agenda.map((item) => item.kind ?? item.title)).toEqual([
      "case_presentation",
      "questions",
      "goals",
      "actions",
      "Sprachförderung",
      "next_review",
    ]);

    await kim.page.goto(`/konferenzen/${now.id}`);
    const agenda = kim.page.getByRole("region", { name: "Tagesordnung" });
    await agenda.getByText("Sprachförderung").waitFor();
    await agenda.getByLabel("Weiteren Tagesordnungspunkt hinzufügen").fill("Wohnungssuche");
    await agenda.getByRole("button", { name: "Hinzufügen" }).click();
    await agenda.getByRole("button", { name: "„Wohnungssuche“ ändern" }).click();
    await agenda.getByLabel("„Wohnungssuche“ ändern").fill("Wohnungssuche im Kreis");
    await agenda.getByRole("button", { name: "Speichern" }).click();
    await agenda.getByText("geändert von Koordination KIM (KIM-Case-Management)").waitFor();
    await agenda.getByRole("button", { name: "„Wohnungssuche im Kreis“ weitergeben" }).click();
    const carry = agenda.getByRole("form", {
      name: "„Wohnungssuche im Kreis“ auf eine spätere Konferenz legen",
    });
    await carry.getByLabel("Spätere Konferenz").selectOption(next.id);
    await carry.getByLabel(/Verschieben/).check();
    await expectNoAxeViolations(kim.page, "agenda-carry");
    await screenshot(kim.page, "agenda-carry");
    await carry.getByRole("button", { name: "Übernehmen" }).click();
    const day = inDays(48).split("-").reverse().join(".");
    await agenda.getByText(`Auf die Konferenz am ${day} verschoben.`).waitFor();
    await agenda.getByText(`verschoben auf die Konferenz am ${day}`).waitFor();

    // The next conference's room has it on its agenda, from the first time it is opened.
    await kim.page.goto(`/konferenzen/${next.id}`);
    await kim.page
      .getByRole("region", { name: "Tagesordnung" })
      .getByText("Wohnungssuche im Kreis")
      .waitFor();

    await admin.page.getByRole("button", { name: "Zur Fallkonferenz-Vorlage zurück" }).click();
    await admin.page.getByText("Zurzeit gilt die Fallkonferenz-Vorlage.").waitFor();
    expect([...admin.errors, ...kim.errors]).toEqual([]);
    await Promise.all([admin.context.close(), kim.context.close()]);
  });

  test("a series is planned from the case page, with an observer, and reaches the invited agency", async () => {
    const kim = await signedInPage(suite.browser, suite.app.baseUrl, "kim@demo.test");
    const caritas = await signedInPage(suite.browser, suite.app.baseUrl, "caritas@demo.test");
    await kim.page.goto("/faelle");
    await kim.page.getByRole("link", { name: CASE }).click();
    await kim.page.getByRole("button", { name: "Konferenz planen" }).click();
    const form = kim.page.locator("form.form-card", { hasText: "Konferenz planen" });
    await form.getByLabel("Titel").fill("Hilfeplanrunde");
    await form.getByLabel("Datum und Uhrzeit").fill(`${inDays(9)}T14:30`);
    await form.getByLabel(/Als Reihe planen/).check();
    await form.getByLabel("Alle … Wochen").fill("2");
    await form.getByLabel("Anzahl der Konferenzen").fill("3");
    await form.getByLabel(CARITAS, { exact: true }).check();
    await form.getByLabel(`${CARITAS} nur beobachtend`).check();
    await expectNoAxeViolations(kim.page, "schedule-series");
    await screenshot(kim.page, "schedule-series");
    await form.getByRole("button", { name: "Konferenz anlegen" }).click();
    await form.waitFor({ state: "detached" });
    const planned = kim.page.getByRole("link", { name: "Hilfeplanrunde", exact: true });
    await planned.nth(2).waitFor();
    await expect(planned.count()).resolves.toBe(3);

    await caritas.page.goto("/konferenzen");
    const entries = caritas.page.getByRole("listitem").filter({ hasText: "Hilfeplanrunde" });
    await entries.nth(2).waitFor();
    await expect(entries.count()).resolves.toBe(3);
    await expect(entries.first().textContent()).resolves.toContain("nur lesend");
    expect([...kim.errors, ...caritas.errors]).toEqual([]);
    await Promise.all([kim.context.close(), caritas.context.close()]);
  });
});
