import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { DEMO_PASSWORD } from "./start-app.ts";

export const screenshotDir = fileURLToPath(
  new URL("../../../../test-results/screenshots", import.meta.url),
);

// Flags that keep Debian's Chromium quiet and offline: without the background-networking ones it
// keeps trying to reach Google's hosts, which a closed CI network refuses.
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
}

export interface UserPage {
  context: BrowserContext;
  page: Page;
  csrfToken: string;
  errors: string[];
}

/** A browser context signed in as one demo user (through the API, to keep tests fast). */
export async function signedInPage(
  browser: Browser,
  baseUrl: string,
  email: string,
  viewport = { width: 1280, height: 900 },
): Promise<UserPage> {
  const context = await browser.newContext({ baseURL: baseUrl, viewport, locale: "de-DE" });
  const response = await context.request.post("/api/auth/login", {
    data: { email, password: DEMO_PASSWORD },
  });
  if (!response.ok()) throw new Error(`login of ${email} failed: ${response.status()}`);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  return { context, page, csrfToken, errors };
}

/** The editor's text without the name labels of other people's carets. */
export function notesText(page: Page): Promise<string> {
  return page.locator(".notes-editor").evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement;
    for (const label of copy.querySelectorAll(".collaboration-carets__label")) label.remove();
    return copy.textContent ?? "";
  });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: `${screenshotDir}/${name}.png`, fullPage: true });
}

/** Id of the first conference of a case code that the signed-in user sees as upcoming. */
export async function upcomingConferenceId(user: UserPage, caseCode: string): Promise<string> {
  const response = await user.context.request.get("/api/conferences/upcoming");
  const body = (await response.json()) as { conferences: { id: string; caseCode: string }[] };
  const found = body.conferences.find((conference) => conference.caseCode === caseCode);
  if (!found) throw new Error(`no upcoming conference for ${caseCode}`);
  return found.id;
}

/** A conference as the browser tests read it: its case and the invited agencies. */
export interface ConferenceParticipants {
  caseId: string;
  participants: { agency: { id: string; name: string } }[];
}

export async function conferenceParticipants(
  user: UserPage,
  conferenceId: string,
): Promise<ConferenceParticipants> {
  const response = await user.context.request.get(`/api/conferences/${conferenceId}`);
  return (await response.json()) as ConferenceParticipants;
}

/** The invited agency whose name begins so ("Ausländerbehörde", "Caritas"). */
export function participantAgencyId(conference: ConferenceParticipants, namePrefix: string) {
  return conference.participants.find((p) => p.agency.name.startsWith(namePrefix))?.agency.id;
}

/** The signed-in user's unread notifications, as the bell counts them. */
export async function unreadCount(user: UserPage): Promise<number> {
  const response = await user.context.request.get("/api/notifications/unread-count");
  return ((await response.json()) as { unread: number }).unread;
}
