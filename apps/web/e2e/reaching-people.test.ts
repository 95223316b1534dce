import { readFile } from "node:fs/promises";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
// Test harness only: the demo Kreis as seeded, and the server tests' mail sink and calendar reader.
import { DEMO_CASES } from "../../../packages/db/src/seed/demo-kreis.ts";
import { freePort } from "../../server/test/cluster/redis-process.ts";
import { parseCalendar } from "../../server/test/ical.ts";
import { type SmtpSink, startSmtpSink } from "../../server/test/smtp-sink.ts";
import {
  conferenceParticipants,
  launchBrowser,
  participantAgencyId,
  screenshot,
  signedInPage,
  type UserPage,
  unreadCount,
  upcomingConferenceId,
} from "./support/browser.ts";
import { type RunningApp, startApp } from "./support/start-app.ts";

/*
 * DOMAIN.md, reaching people between conferences: KIM case management gives the ABH an
 * action for RT-2026-0007. The ABH member sees it ring in the app and gets a mail that says
 * only "new action in RT-2026-0007" and where to read it; its link opens the case. The
 * conference comes into the calendar as an invitation naming the case code and no more.
 * The ABH coordinator turned mails about new actions off and gets none.
 */
const CASE = "RT-2026-0007";
const KIM = "kim.koordination@demo.test";
const ABH = "abh@demo.test";
const ABH_COORDINATION = "abh.koordination@demo.test";
const ADMIN = "admin@demo.test";
const TITLE = "Identitätsklärung: Termin bei der Botschaft vorbereiten";
const DESCRIPTION = "Unterlagen zur Passbeschaffung zusammenstellen, vor Monatsende";
const NEW_ACTION_SUBJECT = `Runder Tisch: Neue Aufgabe im Fall ${CASE}`;

const demoCase = DEMO_CASES.find((entry) => entry.code === CASE);
if (!demoCase?.identity) throw new Error(`the demo case ${CASE} with its identity is missing`);
/** What the case holds and a mail or calendar leaving the platform must not. */
const CASE_CONTENT = [
  TITLE,
  DESCRIPTION,
  demoCase.summary,
  demoCase.identity.name,
  demoCase.identity.fileNumber,
  ...(demoCase.pastConference?.actions.map((action) => action.title) ?? []),
  // The people of the demo Kreis (seed-demo.ts names them by role and agency).
  "Koordination KIM",
  "Fachkraft ABH",
  "Koordination ABH",
  "KIM-Case-Management",
];

let sink: SmtpSink;
let app: RunningApp;
let browser: Browser;
let origin: string;

beforeAll(async () => {
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  sink = await startSmtpSink();
  [app, browser] = await Promise.all([
    // Jobs polled often, so the mailer and the delivery run by themselves as on a real node.
    startApp({ port, env: { SMTP_URL: sink.url, PUBLIC_URL: origin, JOB_POLL_MS: "200" } }),
    launchBrowser(),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
  await sink?.close();
});

const newActionMails = (address: string) =>
  sink.to(address).filter((mail) => mail.subject === NEW_ACTION_SUBJECT);

/** The outbox in figures, as the platform admin sees it. */
async function mailStatus(admin: UserPage): Promise<unknown> {
  return (await admin.context.request.get("/api/admin/mail-status")).json();
}

describe("reaching people between conferences", () => {
  // The mailer of notifications wanted at once runs every 30 s on the job queue.
  test("a new action rings the bell, mails the case code and a link, and the .ics names the case code only", {
    timeout: 90_000,
  }, async () => {
    const [admin, kim, abh, coordination] = await Promise.all([
      signedInPage(browser, app.baseUrl, ADMIN),
      signedInPage(browser, app.baseUrl, KIM),
      signedInPage(browser, app.baseUrl, ABH),
      signedInPage(browser, app.baseUrl, ABH_COORDINATION),
    ]);
    const turnedOff = await coordination.context.request.put("/api/me/mail-settings", {
      headers: { "x-csrf-token": coordination.csrfToken },
      data: { deliveries: { action_assigned: "off" } },
    });
    expect(turnedOff.status()).toBe(200);

    const conferenceId = await upcomingConferenceId(kim, CASE);
    const conference = await conferenceParticipants(kim, conferenceId);
    const abhAgency = participantAgencyId(conference, "Ausländerbehörde");

    const before = await unreadCount(abh);
    const coordinationBefore = await unreadCount(coordination);
    await abh.page.goto("/");
    const bell = abh.page.getByRole("link", { name: /^Benachrichtigungen, \d+ ungelesen$/ });
    await expect
      .poll(() => bell.getAttribute("aria-label"))
      .toBe(`Benachrichtigungen, ${before} ungelesen`);
    await abh.page.waitForFunction(() => document.readyState === "complete");

    // For the agency, nobody named: every ABH member is told, the coordinator too.
    const created = await kim.context.request.post(`/api/cases/${conference.caseId}/actions`, {
      headers: { "x-csrf-token": kim.csrfToken },
      data: { title: TITLE, description: DESCRIPTION, responsibleAgencyId: abhAgency },
    });
    expect(created.status()).toBe(201);

    await expect
      .poll(() => bell.getAttribute("aria-label"), { timeout: 10_000 })
      .toBe(`Benachrichtigungen, ${before + 1} ungelesen`);
    // Mails off is not notifications off: the coordinator's bell counts it as well.
    expect(await unreadCount(coordination)).toBe(coordinationBefore + 1);

    await expect.poll(() => newActionMails(ABH).length, { timeout: 45_000, interval: 200 }).toBe(1);
    // The mailer queued whatever it would send in one transaction, the one the member's mail
    // came from; once the outbox has nothing waiting, every mail it queued is at the sink.
    await expect
      .poll(() => mailStatus(admin), { timeout: 10_000, interval: 200 })
      .toMatchObject({ smtpConfigured: true, waiting: 0, failed: 0 });
    // Only mails about this action: the hourly jobs may have other news for the coordinator.
    expect(newActionMails(ABH_COORDINATION)).toEqual([]);
    expect(newActionMails(ABH)).toHaveLength(1);

    const [mail] = newActionMails(ABH);
    if (!mail) throw new Error("the mail to the ABH member is missing");
    expect(mail.text).toContain(CASE);
    const link = /^Ansehen: (\S+)$/m.exec(mail.text)?.[1];
    expect(link).toBe(`${origin}/faelle/${conference.caseId}`);
    const everything = `${mail.subject}\n${mail.text}\n${mail.parsed.html || ""}`;
    for (const content of CASE_CONTENT) expect(everything).not.toContain(content);

    // The mail's link, opened in the ABH member's signed-in browser, shows the case.
    await abh.page.goto(link ?? "");
    await abh.page.getByRole("heading", { name: new RegExp(CASE), level: 1 }).waitFor();
    expect(new URL(abh.page.url()).pathname).toBe(`/faelle/${conference.caseId}`);
    await abh.page.getByText(TITLE).first().waitFor();

    await abh.page.goto("/benachrichtigungen");
    await abh.page.getByRole("heading", { name: "Benachrichtigungen", level: 1 }).waitFor();
    await abh.page.getByRole("link", { name: `Neue Aufgabe für Sie: ${TITLE}` }).waitFor();
    await screenshot(abh.page, "reaching-people");

    // The conference room's calendar link, downloaded as the browser would save it.
    await abh.page.goto(`/konferenzen/${conferenceId}`);
    const calendarLink = abh.page.getByRole("link", { name: "In den Kalender übernehmen (.ics)" });
    const [download] = await Promise.all([abh.page.waitForEvent("download"), calendarLink.click()]);
    expect(download.suggestedFilename()).toBe(`${CASE}-konferenz.ics`);
    const ics = await readFile(await download.path(), "utf8");
    const calendar = parseCalendar(ics);
    expect(calendar.events).toHaveLength(1);
    const [event] = calendar.events;
    expect(event?.uid).toBe(`${conferenceId}@runder-tisch`);
    expect(event?.summary).toContain(CASE);
    expect(event?.url).toBe(`${origin}/konferenzen/${conferenceId}`);
    // Read unfolded and unescaped as well, so a long or comma-holding text cannot hide in it.
    const readable = [ics.replace(/\r?\n[ \t]/g, ""), JSON.stringify(calendar.events)].join("\n");
    for (const content of CASE_CONTENT) expect(readable).not.toContain(content);

    expect([...admin.errors, ...kim.errors, ...abh.errors, ...coordination.errors]).toEqual([]);
  });
});
