import { schema } from "@runder-tisch/db";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { buildConferenceScenario, buildMember, factories } from "../../../test/builders.ts";
import { parseCalendar } from "../../../test/ical.ts";
import { useTestApp } from "../../../test/test-app.ts";

const ctx = useTestApp({ PUBLIC_URL: "https://rt.example" });

const DAY_MS = 86_400_000;
const inDays = (days: number) => new Date(Date.now() + days * DAY_MS);

/** The feed as a calendar program fetches it: by address alone, no cookie. */
const fetchFeed = (url: string) => ctx.app.inject({ method: "GET", url: new URL(url).pathname });

async function createFeed(session: {
  post(url: string): Promise<{ statusCode: number; json(): { url: string } }>;
}) {
  const created = await session.post("/api/me/calendar-feed");
  expect(created.statusCode).toBe(200);
  return created.json().url;
}

describe("the personal calendar feed", () => {
  it("lists the agency's conferences around today and nothing of other agencies", async () => {
    const { partner, conference, caseRow } = await buildConferenceScenario(ctx, {
      conferenceValues: { scheduledAt: inDays(7), title: "Titel Quaxmeier" },
    });
    const colleague = await buildMember(ctx, { agency: partner.agency });
    const old = await factories.createConference(
      ctx.db,
      { caseId: caseRow.id, scheduledAt: inDays(-40) },
      [{ agencyId: partner.agency.id }],
    );
    const far = await factories.createConference(
      ctx.db,
      { caseId: caseRow.id, scheduledAt: inDays(200) },
      [{ agencyId: partner.agency.id }],
    );
    const notInvited = await factories.createConference(
      ctx.db,
      { caseId: caseRow.id, scheduledAt: inDays(3) },
      [],
    );
    const elsewhere = await buildConferenceScenario(ctx, {
      conferenceValues: { scheduledAt: inDays(2) },
    });

    const url = await createFeed(colleague.session);
    expect(url).toMatch(/^https:\/\/rt\.example\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    const response = await fetchFeed(url);
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toMatch(/^text\/calendar/);
    expect(response.body).not.toContain("Quaxmeier");
    const parsed = parseCalendar(response.body);
    expect(parsed.method).toBe("PUBLISH");
    const uids = parsed.events.map((event) => event.uid);
    expect(uids).toEqual([`${conference.id}@runder-tisch`]);
    for (const hidden of [old, far, notInvited, elsewhere.conference]) {
      expect(uids).not.toContain(`${hidden.id}@runder-tisch`);
    }
    expect(parsed.events[0]?.summary).toBe(`Fallkonferenz ${caseRow.code}`);

    const status = (await colleague.session.get("/api/me/calendar-feed")).json();
    expect(status.active).toBe(true);
    expect(status.lastUsedAt).not.toBeNull();
  });

  it("keeps only the token's hash", async () => {
    const member = await buildMember(ctx);
    const url = await createFeed(member.session);
    const token = url.split("/").pop()?.replace(".ics", "") ?? "";
    const rows = await ctx.db
      .select()
      .from(schema.calendarFeeds)
      .where(eq(schema.calendarFeeds.userId, member.user.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.tokenHash).not.toContain(token);
    expect(rows[0]?.tokenHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("stops working when revoked, and the old address when a new one is made", async () => {
    const { partner } = await buildConferenceScenario(ctx, {
      conferenceValues: { scheduledAt: inDays(1) },
    });
    const first = await createFeed(partner.session);
    expect((await fetchFeed(first)).statusCode).toBe(200);
    const second = await createFeed(partner.session);
    expect((await fetchFeed(first)).statusCode).toBe(404);
    expect((await fetchFeed(second)).statusCode).toBe(200);

    expect((await partner.session.delete("/api/me/calendar-feed")).statusCode).toBe(200);
    expect((await fetchFeed(second)).statusCode).toBe(404);
    expect((await partner.session.get("/api/me/calendar-feed")).json().active).toBe(false);
  });

  it("ends with the person's account", async () => {
    const { partner } = await buildConferenceScenario(ctx, {
      conferenceValues: { scheduledAt: inDays(1) },
    });
    const url = await createFeed(partner.session);
    await ctx.db
      .update(schema.users)
      .set({ disabledAt: new Date() })
      .where(eq(schema.users.id, partner.user.id));
    expect((await fetchFeed(url)).statusCode).toBe(404);
  });

  it("drops the conferences of a case once the agency's basis is revoked", async () => {
    const { owner, partner, caseRow, basis, conference } = await buildConferenceScenario(ctx, {
      conferenceValues: { scheduledAt: inDays(5) },
    });
    const url = await createFeed(partner.session);
    const uids = async () =>
      parseCalendar((await fetchFeed(url)).body).events.map((event) => event.uid);
    expect(await uids()).toEqual([`${conference.id}@runder-tisch`]);
    const revoked = await owner.session.post(
      `/api/cases/${caseRow.id}/sharing-bases/${basis.id}/revoke`,
      { note: "Einwilligung widerrufen" },
    );
    expect(revoked.statusCode).toBe(200);
    expect(await uids()).toEqual([]);
  });

  it("answers made-up, overlong and odd addresses with 404 or 400, never an error", async () => {
    const tokens = [
      "garbage",
      "A".repeat(43),
      "A".repeat(5000),
      "%00%01%02",
      `${"A".repeat(42)}%0A`,
      "..%2F..%2Fetc%2Fpasswd",
      "%F0%9F%98%80",
    ];
    for (const token of tokens) {
      const response = await ctx.app.inject({ method: "GET", url: `/api/calendar/${token}.ics` });
      expect([400, 404]).toContain(response.statusCode);
    }
    const unknown = await ctx.app.inject({
      method: "GET",
      url: `/api/calendar/${"A".repeat(43)}.ics`,
    });
    expect(unknown.statusCode).toBe(404);
  });

  it("needs a session to make or end a feed address", async () => {
    expect(
      (await ctx.app.inject({ method: "POST", url: "/api/me/calendar-feed" })).statusCode,
    ).toBe(401);
    expect(
      (await ctx.app.inject({ method: "DELETE", url: "/api/me/calendar-feed" })).statusCode,
    ).toBe(401);
  });
});
