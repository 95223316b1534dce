import { schema } from "@runder-tisch/db";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { concludedConference } from "../../../test/scenarios.ts";
import { useTestApp } from "../../../test/test-app.ts";
import { dateInDays } from "../../../test/time.ts";
import { berlinClock } from "../../lib/time.ts";

const ctx = useTestApp();

const finalise = (
  session: Awaited<ReturnType<typeof concludedConference>>["owner"]["session"],
  conferenceId: string,
  body: object,
) => session.post(`/api/conferences/${conferenceId}/finalise`, body);

describe("Wiedervorlage", () => {
  it("finalising with a review day plans the next conference for everyone invited, in their roles", async () => {
    const { owner, abh, caritas, conference } = await concludedConference(ctx);
    const reviewOn = dateInDays(28);
    const response = await finalise(owner.session, conference.id, { nextReviewOn: reviewOn });
    expect(response.statusCode).toBe(201);
    const followUpId = response.json().followUpConferenceId;
    expect(followUpId).toEqual(expect.any(String));

    const followUp = (await owner.session.get(`/api/conferences/${followUpId}`)).json();
    expect(followUp).toMatchObject({
      title: "Wiedervorlage",
      status: "planned",
      followsConferenceId: conference.id,
      caseId: conference.caseId,
      durationMinutes: conference.durationMinutes,
    });
    // On the review day, at the time of day the first conference had, in the Kreis's time.
    const planned = berlinClock(new Date(followUp.scheduledAt));
    const before = berlinClock(conference.scheduledAt);
    expect(planned).toEqual({ day: reviewOn, hour: before.hour, minute: before.minute });
    const roles = Object.fromEntries(
      followUp.participants.map((p: { agency: { id: string }; role: string }) => [
        p.agency.id,
        p.role,
      ]),
    );
    expect(roles).toEqual({ [abh.agency.id]: "editor", [caritas.agency.id]: "observer" });

    // Every invited agency finds it in its list of upcoming conferences.
    for (const who of [owner, abh, caritas]) {
      const upcoming = (await who.session.get("/api/conferences/upcoming")).json();
      expect(
        upcoming.conferences.map((c: { id: string }) => c.id),
        who.agency.name,
      ).toContain(followUpId);
    }
  });

  it("leaves out an agency that can no longer see the case", async () => {
    const { owner, abh, caritas, conference, caseRow, caritasBasis } =
      await concludedConference(ctx);
    const revoked = await owner.session.post(
      `/api/cases/${caseRow.id}/sharing-bases/${caritasBasis.id}/revoke`,
      { note: "Einwilligung widerrufen" },
    );
    expect(revoked.statusCode).toBe(200);
    const response = await finalise(owner.session, conference.id, {
      nextReviewOn: dateInDays(14),
    });
    const followUp = (
      await owner.session.get(`/api/conferences/${response.json().followUpConferenceId}`)
    ).json();
    expect(followUp.participants.map((p: { agency: { id: string } }) => p.agency.id)).toEqual([
      abh.agency.id,
    ]);
    const hidden = await caritas.session.get(`/api/conferences/${followUp.id}`);
    expect(hidden.statusCode).toBe(404);
  });

  it("a review day that is not ahead plans nothing, and the minutes still name it", async () => {
    const { owner, conference, caseRow } = await concludedConference(ctx);
    const today = dateInDays(0);
    const response = await finalise(owner.session, conference.id, { nextReviewOn: today });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      followUpConferenceId: null,
      minutes: { content: { nextReviewOn: today } },
    });
    const conferences = await ctx.db
      .select()
      .from(schema.conferences)
      .where(eq(schema.conferences.caseId, caseRow.id));
    expect(conferences).toHaveLength(1);
  });

  it("a refused finalisation plans nothing", async () => {
    const { owner, conference, caseRow } = await concludedConference(ctx, {
      notes: "Herr Mamadou Camara, geboren am 14.03.1999",
    });
    const refused = await finalise(owner.session, conference.id, {
      nextReviewOn: dateInDays(30),
    });
    expect(refused.statusCode).toBe(422);
    const conferences = await ctx.db
      .select()
      .from(schema.conferences)
      .where(eq(schema.conferences.caseId, caseRow.id));
    expect(conferences).toHaveLength(1);
  });
});
