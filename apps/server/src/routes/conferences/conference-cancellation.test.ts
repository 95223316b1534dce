import { schema } from "@runder-tisch/db";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { buildConferenceScenario, buildMember, factories } from "../../../test/builders.ts";
import { parseCalendar } from "../../../test/ical.ts";
import { useTestApp } from "../../../test/test-app.ts";
import { instantInDays } from "../../../test/time.ts";

const ctx = useTestApp();

const statusUrl = (id: string) => `/api/conferences/${id}/status`;

describe("calling a conference off", () => {
  it("cancels a planned conference, tells the invited agencies' people and withdraws the invitation", async () => {
    const { owner, partner, outsider, conference } = await buildConferenceScenario(ctx);
    const colleague = await buildMember(ctx, { agency: partner.agency });
    const ownColleague = await buildMember(ctx, { agency: owner.agency });

    const response = await owner.session.post(statusUrl(conference.id), { status: "cancelled" });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ id: conference.id, status: "cancelled" });

    const rows = await ctx.db
      .select()
      .from(schema.notifications)
      .where(eq(schema.notifications.conferenceId, conference.id));
    expect(rows.map((row) => row.userId).sort()).toEqual(
      [partner.user.id, colleague.user.id].sort(),
    );
    expect(rows.every((row) => row.kind === "conference_cancelled")).toBe(true);
    // One per person and conference (the stored key ends with the person).
    expect(rows.map((row) => row.dedupeKey)).toEqual(
      rows.map((row) => `conference_cancelled:${conference.id}:${row.userId}`),
    );
    // Neither the one who called it off, nor their agency (not invited), nor an outsider.
    for (const person of [owner, ownColleague, outsider]) {
      expect(rows.some((row) => row.userId === person.user.id)).toBe(false);
    }

    const ics = await partner.session.get(`/api/conferences/${conference.id}/calendar.ics`);
    expect(ics.statusCode).toBe(200);
    const parsed = parseCalendar(ics.body);
    expect(parsed.method).toBe("CANCEL");
    expect(parsed.events).toEqual([
      expect.objectContaining({ uid: `${conference.id}@runder-tisch`, sequence: 1 }),
    ]);
    expect(parsed.events[0]?.status).toBe("CANCELLED");

    // Still listed with the case, marked as called off; no longer upcoming.
    const upcoming = (await partner.session.get("/api/conferences/upcoming")).json();
    expect(upcoming.conferences.map((c: { id: string }) => c.id)).not.toContain(conference.id);
    const shown = await partner.session.get(`/api/conferences/${conference.id}`);
    expect(shown.json()).toMatchObject({ status: "cancelled" });
  });

  it("only calls off a planned conference", async () => {
    const { owner, caseRow } = await buildConferenceScenario(ctx);
    for (const values of [
      { status: "live" as const, startedAt: new Date() },
      { status: "concluded" as const, startedAt: new Date(), concludedAt: new Date() },
      { status: "finalised" as const, finalisedAt: new Date() },
    ]) {
      const conference = await factories.createConference(ctx.db, {
        caseId: caseRow.id,
        ...values,
      });
      const response = await owner.session.post(statusUrl(conference.id), {
        status: "cancelled",
      });
      expect(response.statusCode, values.status).toBe(409);
      const [row] = await ctx.db
        .select()
        .from(schema.conferences)
        .where(eq(schema.conferences.id, conference.id));
      expect(row?.status).toBe(values.status);
      expect(row?.calendarSequence).toBe(0);
    }
  });

  it("is for the owning agency only: invited editors and observers are refused like outsiders", async () => {
    for (const partnerRole of ["editor", "observer"] as const) {
      const { partner, outsider, conference } = await buildConferenceScenario(ctx, {
        partnerRole,
      });
      for (const caller of [partner, outsider]) {
        const response = await caller.session.post(statusUrl(conference.id), {
          status: "cancelled",
        });
        expect(response.statusCode, partnerRole).toBe(404);
      }
      const [row] = await ctx.db
        .select()
        .from(schema.conferences)
        .where(eq(schema.conferences.id, conference.id));
      expect(row?.status).toBe("planned");
    }
  });

  it("leaves a cancelled conference as it is: not started, changed, or opened as a room", async () => {
    const { owner, partner, conference } = await buildConferenceScenario(ctx);
    expect(
      (await owner.session.post(statusUrl(conference.id), { status: "cancelled" })).statusCode,
    ).toBe(200);

    const refusedWith = (response: { statusCode: number; json(): unknown }) => {
      expect(response.statusCode).toBe(409);
      expect(response.json()).toMatchObject({
        error: { code: "conflict", reason: "conference_cancelled" },
      });
    };
    for (const status of ["live", "planned", "cancelled"]) {
      refusedWith(await owner.session.post(statusUrl(conference.id), { status }));
    }
    for (const payload of [{ title: "Doch noch" }, { scheduledAt: instantInDays(3) }]) {
      refusedWith(await owner.session.patch(`/api/conferences/${conference.id}`, payload));
    }
    refusedWith(await partner.session.post(`/api/conferences/${conference.id}/collab-token`));

    const [row] = await ctx.db
      .select()
      .from(schema.conferences)
      .where(eq(schema.conferences.id, conference.id));
    expect(row).toMatchObject({ status: "cancelled", calendarSequence: 1, startedAt: null });
  });
});
