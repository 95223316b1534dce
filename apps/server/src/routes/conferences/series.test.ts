import { schema } from "@runder-tisch/db";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { buildMember, buildSharedCase } from "../../../test/builders.ts";
import { useTestApp } from "../../../test/test-app.ts";
import { berlinClock, berlinInstant } from "../../lib/time.ts";

const ctx = useTestApp();

const plannedOf = (caseId: string) =>
  ctx.db
    .select()
    .from(schema.conferences)
    .where(eq(schema.conferences.caseId, caseId))
    .orderBy(schema.conferences.scheduledAt);

describe("a series of conferences", () => {
  it("plans every N weeks at the same time of day in the Kreis, with the same invitations", async () => {
    const { owner, partner, caseRow } = await buildSharedCase(ctx);
    // Across the switch to summer time: 10:00 stays 10:00 on the Kreis's clocks.
    const first = berlinInstant("2027-03-09", 10, 0);
    const response = await owner.session.post(`/api/cases/${caseRow.id}/conferences`, {
      title: "Fallkonferenz",
      scheduledAt: first.toISOString(),
      participants: [{ agencyId: partner.agency.id, role: "observer" }],
      series: { everyWeeks: 4, count: 3 },
    });
    expect(response.statusCode).toBe(201);
    const planned = await plannedOf(caseRow.id);
    expect(response.json().id).toBe(planned[0]?.id);
    expect(planned.map((row) => berlinClock(row.scheduledAt))).toEqual([
      { day: "2027-03-09", hour: 10, minute: 0 },
      { day: "2027-04-06", hour: 10, minute: 0 },
      { day: "2027-05-04", hour: 10, minute: 0 },
    ]);
    const upcoming = (await partner.session.get("/api/conferences/upcoming")).json();
    const mine = upcoming.conferences.filter((c: { caseId: string }) => c.caseId === caseRow.id);
    expect(mine.map((c: { myRole: string }) => c.myRole)).toEqual([
      "observer",
      "observer",
      "observer",
    ]);
  });

  it("refuses nonsense intervals and plans nothing when one invitation is not allowed", async () => {
    const { owner, caseRow } = await buildSharedCase(ctx);
    const url = `/api/cases/${caseRow.id}/conferences`;
    const base = { title: "Fallkonferenz", scheduledAt: "2027-03-09T09:00:00.000Z" };
    for (const series of [
      { everyWeeks: 0, count: 3 },
      { everyWeeks: 4, count: 1 },
      { everyWeeks: 4, count: 500 },
      { everyWeeks: 1.5, count: 3 },
    ]) {
      const refused = await owner.session.post(url, { ...base, series });
      expect(refused.statusCode, JSON.stringify(series)).toBe(400);
    }
    const stranger = await buildMember(ctx);
    const refused = await owner.session.post(url, {
      ...base,
      participants: [{ agencyId: stranger.agency.id }],
      series: { everyWeeks: 2, count: 4 },
    });
    expect(refused.statusCode).toBe(422);
    expect(await plannedOf(caseRow.id)).toEqual([]);
  });
});
