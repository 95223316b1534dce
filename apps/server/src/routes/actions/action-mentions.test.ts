import { schema } from "@runder-tisch/db";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { buildMember, buildPartner, buildSharedCase } from "../../../test/builders.ts";
import { useTestApp } from "../../../test/test-app.ts";

const ctx = useTestApp();

async function sharedAction() {
  const scenario = await buildSharedCase(ctx);
  const action = (
    await scenario.owner.session.post(`/api/cases/${scenario.caseRow.id}/actions`, {
      title: "Unterlagen anfordern",
      responsibleAgencyId: scenario.owner.agency.id,
    })
  ).json();
  return { ...scenario, action, url: `/api/actions/${action.id}/comments` };
}

const notificationsOfAction = (actionId: string) =>
  ctx.db.select().from(schema.notifications).where(eq(schema.notifications.actionId, actionId));

const commentsOfAction = (actionId: string) =>
  ctx.db.select().from(schema.actionComments).where(eq(schema.actionComments.actionId, actionId));

describe("mentions (@) in comments on actions", () => {
  it("notifies a mentioned person of a partner agency once, and never the author", async () => {
    const { owner, partner, action, url } = await sharedAction();
    const before = await notificationsOfAction(action.id);
    const response = await owner.session.post(url, {
      body: "Bitte einmal draufschauen.",
      mentionedUserIds: [partner.user.id, owner.user.id],
    });
    expect(response.statusCode).toBe(201);
    const added = (await notificationsOfAction(action.id)).filter(
      (row) => !before.some((old) => old.id === row.id),
    );
    expect(added.map((row) => [row.userId, row.kind, row.dedupeKey])).toEqual([
      [partner.user.id, "mentioned", `mentioned:${response.json().id}:${partner.user.id}`],
    ]);
    expect(added[0]).toMatchObject({ actorUserId: owner.user.id, caseId: action.caseId });
  });

  it("a mentioned responsible person hears of the comment once, as a mention", async () => {
    const { owner, partner, caseRow } = await buildSharedCase(ctx);
    const action = (
      await owner.session.post(`/api/cases/${caseRow.id}/actions`, {
        title: "Termin vereinbaren",
        responsibleAgencyId: partner.agency.id,
        responsiblePersonId: partner.user.id,
      })
    ).json();
    const response = await partner.session.post(`/api/actions/${action.id}/comments`, {
      body: "Erledigt, siehe Anhang.",
      mentionedUserIds: [owner.user.id],
    });
    expect(response.statusCode).toBe(201);
    const rows = (await notificationsOfAction(action.id)).filter((row) =>
      row.dedupeKey?.includes(response.json().id),
    );
    expect(rows.map((row) => [row.userId, row.kind])).toEqual([[owner.user.id, "mentioned"]]);
  });

  it("refuses people who cannot see the case, unknown ids included, and writes nothing", async () => {
    const { owner, caseRow, action, url } = await sharedAction();
    const outsider = await buildMember(ctx);
    const { member: revoked } = await buildPartner(
      ctx,
      { caseId: caseRow.id, recordedBy: owner.user.id },
      { revokedAt: new Date() },
    );
    const before = await notificationsOfAction(action.id);
    for (const id of [outsider.user.id, revoked.user.id, "00000000-0000-4000-8000-000000000000"]) {
      const response = await owner.session.post(url, {
        body: "Bitte übernehmen.",
        mentionedUserIds: [id],
      });
      expect(response.statusCode).toBe(422);
      expect(response.json().error).toMatchObject({
        reason: "mentioned_person_cannot_see_case",
        details: { problems: [{ path: "/mentionedUserIds" }] },
      });
    }
    expect(await commentsOfAction(action.id)).toEqual([]);
    expect(await notificationsOfAction(action.id)).toEqual(before);
    const seen = (await owner.session.get(`/api/actions/${action.id}`)).json();
    expect(seen.commentCount).toBe(0);
  });

  it("refuses a person mentioned twice and more than ten people before anything else", async () => {
    const { owner, partner, action, url } = await sharedAction();
    const twice = await owner.session.post(url, {
      body: "Doppelt.",
      mentionedUserIds: [partner.user.id, partner.user.id],
    });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().error.details.problems[0]).toMatchObject({
      path: "/mentionedUserIds",
      reason: "listed_twice",
    });
    const many = await owner.session.post(url, {
      body: "Zu viele.",
      mentionedUserIds: Array.from({ length: 11 }, () => crypto.randomUUID()),
    });
    expect(many.statusCode).toBe(400);
    expect(many.json().error.details.problems[0]).toMatchObject({ reason: "too_many" });
    expect(await commentsOfAction(action.id)).toEqual([]);
  });
});
