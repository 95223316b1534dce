import { schema } from "@runder-tisch/db";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { buildMember, factories } from "../../../test/builders.ts";
import { concludedConference } from "../../../test/scenarios.ts";
import { useTestApp } from "../../../test/test-app.ts";
import { dateInDays } from "../../../test/time.ts";

const ctx = useTestApp();

/**
 * The second conference of the domain brief's case: the first one, held two months
 * ago, left an ABH action and a Caritas action open, and the case manager agreed
 * one more thing with the Caritas outside any conference.
 */
async function secondConference() {
  const scenario = await concludedConference(ctx);
  const { owner, abh, caritas, caseRow, conference } = scenario;
  const first = await factories.createConference(ctx.db, {
    caseId: caseRow.id,
    title: "Erste Fallkonferenz",
    status: "finalised",
    scheduledAt: new Date(Date.now() - 60 * 86_400_000),
  });
  const fromFirst = await factories.createAction(ctx.db, {
    caseId: caseRow.id,
    conferenceId: first.id,
    responsibleAgencyId: abh.agency.id,
    title: "Beschäftigungsduldung prüfen",
  });
  const outside = await factories.createAction(ctx.db, {
    caseId: caseRow.id,
    conferenceId: null,
    responsibleAgencyId: owner.agency.id,
    title: "Schulunterlagen anfordern",
  });
  const agreedHere = await factories.createAction(ctx.db, {
    caseId: caseRow.id,
    conferenceId: conference.id,
    responsibleAgencyId: abh.agency.id,
  });
  const reviewUrl = (actionId: string) =>
    `/api/conferences/${conference.id}/action-reviews/${actionId}`;
  return { ...scenario, owner, abh, caritas, first, fromFirst, outside, agreedHere, reviewUrl };
}

const reasonOf = (body: {
  error: { reason?: string; details?: { problems?: { reason: string }[] } };
}) => body.error.details?.problems?.[0]?.reason ?? body.error.reason;

describe("reviewing carried-over actions", () => {
  it("done: the responsible agency reviews it in the room, the action is done and its history says who", async () => {
    const { abh, conference, fromFirst, reviewUrl } = await secondConference();
    const response = await abh.session.put(reviewUrl(fromFirst.id), { outcome: "done" });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      review: { actionId: fromFirst.id, outcome: "done", agency: { id: abh.agency.id } },
      action: { id: fromFirst.id, status: "done" },
    });
    const listed = (
      await abh.session.get(`/api/conferences/${conference.id}/action-reviews`)
    ).json();
    expect(listed.reviews.map((review: { actionId: string }) => review.actionId)).toEqual([
      fromFirst.id,
    ]);
    const history = (await abh.session.get(`/api/actions/${fromFirst.id}/history`)).json().events;
    expect(history.at(-1)).toMatchObject({
      agency: { id: abh.agency.id },
      changes: { status: { from: "open", to: "done" } },
    });
  });

  it("in progress needs a new due date; not possible and not done need a note", async () => {
    const { abh, fromFirst, reviewUrl } = await secondConference();
    const noDate = await abh.session.put(reviewUrl(fromFirst.id), { outcome: "in_progress" });
    expect(noDate.statusCode).toBe(400);
    expect(reasonOf(noDate.json())).toBe("due_date_required");
    const noNote = await abh.session.put(reviewUrl(fromFirst.id), { outcome: "not_possible" });
    expect(reasonOf(noNote.json())).toBe("note_required");
    const blankNote = await abh.session.put(reviewUrl(fromFirst.id), {
      outcome: "not_done",
      note: "   ",
    });
    expect(reasonOf(blankNote.json())).toBe("note_required");

    const later = dateInDays(21);
    const inProgress = await abh.session.put(reviewUrl(fromFirst.id), {
      outcome: "in_progress",
      newDueDate: later,
    });
    expect(inProgress.json().action).toMatchObject({ status: "in_progress", dueDate: later });
    const notPossible = await abh.session.put(reviewUrl(fromFirst.id), {
      outcome: "not_possible",
      note: "Arbeitsverhältnis ist beendet",
    });
    expect(notPossible.json().action.status).toBe("cancelled");
  });

  it("reviewing again replaces the review; not done after done reopens the action", async () => {
    const { abh, conference, fromFirst, reviewUrl } = await secondConference();
    await abh.session.put(reviewUrl(fromFirst.id), { outcome: "done" });
    const again = await abh.session.put(reviewUrl(fromFirst.id), {
      outcome: "not_done",
      note: "Unterlagen fehlen noch",
    });
    expect(again.json().action.status).toBe("open");
    const rows = await ctx.db
      .select()
      .from(schema.actionReviews)
      .where(eq(schema.actionReviews.conferenceId, conference.id));
    expect(rows.map((row) => row.outcome)).toEqual(["not_done"]);
  });

  it("refuses an agency that may not change the action, and records nothing", async () => {
    const { abh, outside, conference, reviewUrl } = await secondConference();
    const refused = await abh.session.put(reviewUrl(outside.id), { outcome: "done" });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.reason).toBe("not_responsible_for_action");
    const rows = await ctx.db
      .select()
      .from(schema.actionReviews)
      .where(eq(schema.actionReviews.conferenceId, conference.id));
    expect(rows).toEqual([]);
  });

  it("an action agreed in this conference is changed, not reviewed", async () => {
    const { owner, agreedHere, reviewUrl } = await secondConference();
    const refused = await owner.session.put(reviewUrl(agreedHere.id), { outcome: "done" });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.reason).toBe("action_not_carried_over");
  });

  it("an action of another case is not found, even for its own agency", async () => {
    const { owner, reviewUrl } = await secondConference();
    const otherCase = await factories.createCase(ctx.db, { ownerAgencyId: owner.agency.id });
    const foreign = await factories.createAction(ctx.db, {
      caseId: otherCase.id,
      responsibleAgencyId: owner.agency.id,
    });
    const refused = await owner.session.put(reviewUrl(foreign.id), { outcome: "done" });
    expect(refused.statusCode).toBe(404);
    const unchanged = (await owner.session.get(`/api/actions/${foreign.id}`)).json();
    expect(unchanged.status).toBe("open");
  });

  it("observers may not review; uninvited agencies and strangers get not found", async () => {
    const { caritas, fromFirst, reviewUrl, caseRow, owner } = await secondConference();
    const caritasAction = await factories.createAction(ctx.db, {
      caseId: caseRow.id,
      responsibleAgencyId: caritas.agency.id,
    });
    const observer = await caritas.session.put(reviewUrl(caritasAction.id), { outcome: "done" });
    expect(observer.statusCode).toBe(403);
    expect(observer.json().error.reason).toBe("observer_cannot_review");

    const uninvited = await buildMember(ctx);
    await factories.grantSharingBasis(ctx.db, {
      caseId: caseRow.id,
      agencyId: uninvited.agency.id,
      recordedBy: owner.user.id,
    });
    const stranger = await buildMember(ctx);
    for (const who of [uninvited, stranger]) {
      const response = await who.session.put(reviewUrl(fromFirst.id), { outcome: "done" });
      expect(response.statusCode).toBe(404);
    }
  });

  it("the review is part of the minutes, naming where the action came from", async () => {
    const { owner, abh, conference, fromFirst, reviewUrl } = await secondConference();
    await abh.session.put(reviewUrl(fromFirst.id), {
      outcome: "in_progress",
      newDueDate: "2027-02-01",
      note: "Antrag gestellt",
    });
    const finalised = await owner.session.post(`/api/conferences/${conference.id}/finalise`, {});
    expect(finalised.statusCode).toBe(201);
    const { minutes } = finalised.json();
    expect(minutes.content.reviews).toEqual([
      {
        actionId: fromFirst.id,
        title: "Beschäftigungsduldung prüfen",
        responsibleAgency: { id: abh.agency.id, name: abh.agency.name },
        agreedAt: { title: "Erste Fallkonferenz", on: expect.any(String) },
        outcome: "in_progress",
        note: "Antrag gestellt",
        newDueDate: "2027-02-01",
        reviewedBy: {
          name: abh.user.displayName,
          agency: { id: abh.agency.id, name: abh.agency.name },
        },
      },
    ]);
    const markdown = await owner.session.get(`/api/minutes/${minutes.id}.md`);
    expect(markdown.body).toContain("Überprüfung offener Maßnahmen");
    expect(markdown.body).toContain("in Arbeit, neu fällig 01.02.2027");

    const afterwards = await abh.session.put(reviewUrl(fromFirst.id), { outcome: "done" });
    expect(afterwards.statusCode).toBe(409);
  });

  it("a review note published despite a finding still stops finalising like the notes do", async () => {
    const { owner, abh, conference, fromFirst, reviewUrl } = await secondConference();
    const note = "Herr Mamadou Camara, geboren am 14.03.1999, war nicht erreichbar";
    const refusedNote = await abh.session.put(reviewUrl(fromFirst.id), {
      outcome: "not_done",
      note,
    });
    expect(refusedNote.json().error.reason).toBe("personal_data_found");
    const published = await abh.session.put(reviewUrl(fromFirst.id), {
      outcome: "not_done",
      note,
      notPersonalDataReason: "Das ist der Dolmetscher, nicht der Klient",
    });
    expect(published.statusCode).toBe(200);
    const refused = await owner.session.post(`/api/conferences/${conference.id}/finalise`, {});
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.details.findings).toEqual(
      expect.arrayContaining([expect.objectContaining({ where: `reviews[${fromFirst.id}].note` })]),
    );
  });
});
