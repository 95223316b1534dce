import { randomBytes } from "node:crypto";
import { ZMinutesContent } from "@runder-tisch/contracts";
import { schema } from "@runder-tisch/db";
import { seedDemo } from "@runder-tisch/db/seed";
import { count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestApp } from "../../test/test-app.ts";
import { hashMinutesContent } from "../domain/minutes/canonical-json.ts";
import { checkMinutesText } from "../domain/minutes/pii-check.ts";
import { DEMO_PASSWORD } from "../lib/demo-passwords.ts";
import { IdentityCipher } from "../lib/identity-crypto.ts";
import { hashPassword } from "../lib/passwords.ts";
import { CSRF_HEADER, SESSION_COOKIE } from "../sessions/request-session.ts";
import { seedDemoHistory } from "./seed-demo-history.ts";

const ctx = useTestApp();
const cipher = new IdentityCipher(randomBytes(32));
let seedOptions: Parameters<typeof seedDemo>[1];

beforeAll(async () => {
  seedOptions = {
    passwordHash: await hashPassword(DEMO_PASSWORD),
    sealIdentity: (caseId, plaintext) => ({
      ciphertext: cipher.encrypt(plaintext, caseId),
      keyId: cipher.keyId,
    }),
  };
  await seedDemo(ctx.db, seedOptions);
  expect(await seedDemoHistory(ctx.db, seedOptions)).toBe(true);
});

/** Signs in as a demo login with the demo password, as a person trying the demo would. */
async function signInAsDemo(email: string) {
  const login = await ctx.app.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { email, password: DEMO_PASSWORD },
  });
  expect(login.statusCode, login.body).toBe(200);
  const cookie = login.cookies.find((c) => c.name === SESSION_COOKIE);
  const csrf = login.json<{ csrfToken: string }>().csrfToken;
  return (url: string) =>
    ctx.app.inject({
      method: "GET",
      url,
      headers: { cookie: `${cookie?.name}=${cookie?.value}`, [CSRF_HEADER]: csrf },
    });
}

/** The stored minutes, read in the shape the minutes format promises. */
const finalisedMinutes = async () =>
  (await ctx.db.select().from(schema.minutesVersions)).map((row) => ({
    ...row,
    content: ZMinutesContent.parse(row.content),
  }));

const rowsOf = async (table: typeof schema.cases | typeof schema.minutesVersions) =>
  (await ctx.db.select({ n: count() }).from(table))[0]?.n;

describe("the demo Kreis's history", () => {
  it("holds 30 cases and 18 conferences whose minutes were finalised by the product's own step", async () => {
    expect(await rowsOf(schema.cases)).toBe(30);
    const minutes = await finalisedMinutes();
    expect(minutes).toHaveLength(18);
    for (const version of minutes) {
      expect(version.contentHash).toBe(hashMinutesContent(version.content));
      expect(version.content.notes.length).toBeGreaterThan(0);
      expect(version.content.goals.length).toBeGreaterThan(0);
      expect(version.content.actions.length).toBeGreaterThan(0);
    }
    const finalised = await ctx.db
      .select({ n: count() })
      .from(schema.conferences)
      .where(eq(schema.conferences.status, "finalised"));
    expect(finalised[0]?.n).toBe(18);
    // Conferences span at least eight calendar months, so the evaluation shows months.
    const months = new Set(
      minutes.map((version) => version.content.conference.scheduledAt.slice(0, 7)),
    );
    expect(months.size).toBeGreaterThanOrEqual(8);
    // Some actions were found "not possible because circumstances changed" at a later meeting.
    const notPossible = await ctx.db
      .select({ n: count() })
      .from(schema.actionReviews)
      .where(eq(schema.actionReviews.outcome, "not_possible"));
    expect(notPossible[0]?.n).toBeGreaterThan(0);
  });

  it("writes no text the personal-data guard flags", async () => {
    const minutes = await finalisedMinutes();
    const cases = await ctx.db.select({ summary: schema.cases.summary }).from(schema.cases);
    const texts = [
      ...cases.map((row) => row.summary),
      ...minutes.flatMap(({ content }) => [
        content.notes,
        ...content.goals,
        ...content.decisions,
        ...(content.obstacles ?? []).flatMap((o) => [o.description, o.proposedFix ?? ""]),
        ...content.actions.map((action) => action.title),
        ...(content.reviews ?? []).map((review) => review.note),
      ]),
    ];
    const flagged = texts.flatMap((text) =>
      checkMinutesText(text).map((finding) => ({ ...finding, text })),
    );
    expect(flagged).toEqual([]);
  });

  it("shows a demo steering member the mobility theme and keeps themes below k hidden", async () => {
    const get = await signInAsDemo("ki.koordination@demo.test");
    const response = await get("/api/steering/themes");
    expect(response.statusCode, response.body).toBe(200);
    const { threshold, themes } = response.json();
    expect(threshold).toBe(5);
    const theme = (name: string) => themes.find((t: { theme: string }) => t.theme === name);
    // As Lippe found: mobility in seven cases, work in six (docs/demo.md).
    expect(theme("mobility")).toMatchObject({ shown: true, caseCount: 7 });
    expect(theme("mobility").obstacles.length).toBeGreaterThanOrEqual(7);
    expect(theme("work")).toMatchObject({ shown: true, caseCount: 6 });
    expect(theme("training")).toEqual({ theme: "training", shown: false });
    expect(theme("dealing_with_authorities")).toEqual({
      theme: "dealing_with_authorities",
      shown: false,
    });
    // The other demo member is in the group too; an ordinary member is not.
    expect(
      (await (await signInAsDemo("jc.koordination@demo.test"))("/api/steering/themes")).statusCode,
    ).toBe(200);
    expect((await (await signInAsDemo("kim@demo.test"))("/api/steering/themes")).statusCode).toBe(
      404,
    );
  });

  it("gives the evaluation months with published counts and reviews to share", async () => {
    const get = await signInAsDemo("kim.koordination@demo.test");
    const to = new Date().toISOString().slice(0, 7);
    const start = new Date();
    start.setUTCDate(1);
    start.setUTCMonth(start.getUTCMonth() - 9);
    const response = await get(`/api/evaluation?from=${start.toISOString().slice(0, 7)}&to=${to}`);
    expect(response.statusCode, response.body).toBe(200);
    const { conferencesPerMonth, notPossibleShare } = response.json();
    const published = conferencesPerMonth.cells.filter(
      (row: (number | null)[]) => (row[0] ?? 0) >= 5,
    );
    expect(published.length).toBeGreaterThanOrEqual(2);
    expect(notPossibleShare.value).toBeGreaterThan(0);
  });

  it("seeds once: a second run writes nothing", async () => {
    expect(await seedDemo(ctx.db, seedOptions)).toBe(false);
    expect(await seedDemoHistory(ctx.db, seedOptions)).toBe(false);
    expect(await rowsOf(schema.cases)).toBe(30);
    expect(await rowsOf(schema.minutesVersions)).toBe(18);
  });
});
