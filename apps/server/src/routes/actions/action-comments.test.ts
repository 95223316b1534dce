import { schema } from "@runder-tisch/db";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { buildMember, buildPartner, buildSharedCase } from "../../../test/builders.ts";
import { recordEvents } from "../../../test/events.ts";
import { useTestApp } from "../../../test/test-app.ts";

const ctx = useTestApp();

describe("comments on actions", () => {
  it("every agency with access comments; count and history follow, the version does not", async () => {
    const { owner, partner, caseRow } = await buildSharedCase(ctx);
    const { member: commenter } = await buildPartner(ctx, {
      caseId: caseRow.id,
      recordedBy: owner.user.id,
    });
    const action = (
      await owner.session.post(`/api/cases/${caseRow.id}/actions`, {
        title: "Unterlagen anfordern",
        responsibleAgencyId: partner.agency.id,
      })
    ).json();
    const { events, stop } = recordEvents(ctx);
    const first = await partner.session.post(`/api/actions/${action.id}/comments`, {
      body: "  Unterlagen angefordert.  ",
    });
    const second = await commenter.session.post(`/api/actions/${action.id}/comments`, {
      body: "Termin bei der Botschaft steht.",
    });
    stop();
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      actionId: action.id,
      body: "Unterlagen angefordert.",
      author: { id: partner.user.id },
      agency: { id: partner.agency.id },
    });
    expect(second.statusCode).toBe(201);
    expect(events.map((event) => event.kind)).toEqual(["action.commented", "action.commented"]);

    const comments = (await owner.session.get(`/api/actions/${action.id}/comments`)).json()
      .comments;
    expect(comments.map((comment: { body: string }) => comment.body)).toEqual([
      "Unterlagen angefordert.",
      "Termin bei der Botschaft steht.",
    ]);
    const seen = (await owner.session.get(`/api/actions/${action.id}`)).json();
    expect(seen).toMatchObject({ commentCount: 2, version: 1 });

    const history = (await owner.session.get(`/api/actions/${action.id}/history`)).json().events;
    expect(history.map((event: { kind: string }) => event.kind)).toEqual([
      "created",
      "commented",
      "commented",
    ]);
    expect(history[1].changes.comment).toEqual({ from: null, to: first.json().id });

    // A comment in between does not make the responsible agency's change conflict.
    const change = await partner.session.patch(`/api/actions/${action.id}`, {
      status: "done",
      expectedVersion: 1,
    });
    expect(change.statusCode).toBe(200);
  });

  it("rejects an empty comment", async () => {
    const { owner, caseRow } = await buildSharedCase(ctx);
    const action = (
      await owner.session.post(`/api/cases/${caseRow.id}/actions`, {
        title: "Leer",
        responsibleAgencyId: owner.agency.id,
      })
    ).json();
    const response = await owner.session.post(`/api/actions/${action.id}/comments`, {
      body: "   ",
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe("validation_failed");
  });

  it("the author takes a comment back: the text is gone for everyone, the trail keeps that it was", async () => {
    const { owner, partner, caseRow } = await buildSharedCase(ctx);
    const stranger = await buildMember(ctx);
    const action = (
      await owner.session.post(`/api/cases/${caseRow.id}/actions`, {
        title: "Unterlagen anfordern",
        responsibleAgencyId: partner.agency.id,
      })
    ).json();
    const comment = (
      await partner.session.post(`/api/actions/${action.id}/comments`, {
        body: "Herr Camara hat angerufen",
        notPersonalDataReason: "Herr Camara ist der Ansprechpartner beim Träger",
      })
    ).json();
    const url = `/api/action-comments/${comment.id}/withdraw`;

    const byOwner = await owner.session.post(url, {});
    expect(byOwner.statusCode).toBe(403);
    expect(byOwner.json().error.reason).toBe("not_comment_author");
    expect((await stranger.session.post(url, {})).statusCode).toBe(404);

    expect((await partner.session.post(url, {})).statusCode).toBe(200);
    const [listed] = (await owner.session.get(`/api/actions/${action.id}/comments`)).json()
      .comments;
    expect(listed).toMatchObject({ id: comment.id, body: "", withdrawnAt: expect.any(String) });
    const again = await partner.session.post(url, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().error.reason).toBe("comment_already_withdrawn");

    const trail = await ctx.db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.targetId, comment.id), eq(schema.auditLog.action, "change")));
    expect(trail.map((row) => [row.userId, row.detail])).toEqual([
      [partner.user.id, { withdrawn: true, actionId: action.id }],
    ]);
    expect(JSON.stringify(trail)).not.toContain("Camara");
  });
});
