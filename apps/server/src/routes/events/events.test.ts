import type { AddressInfo } from "node:net";
import { beforeAll, describe, expect, it } from "vitest";
import { buildMember, buildSharedCase, factories, type Member } from "../../../test/builders.ts";
import { openEventStream, type Stream } from "../../../test/event-stream.ts";
import { useTestApp } from "../../../test/test-app.ts";
import { waitUntil } from "../../../test/wait.ts";

let port: number;
const ctx = useTestApp();
beforeAll(async () => {
  await ctx.app.listen({ host: "127.0.0.1", port: 0 });
  port = (ctx.app.server.address() as AddressInfo).port;
});

const listen = (cookie?: string) => openEventStream(port, cookie);

async function sharedCase() {
  const { owner, caseRow, partners } = await buildSharedCase(ctx, { partners: 2 });
  const [partner, bystander] = partners as [Member, Member];
  return { owner, partner, bystander, caseRow };
}

describe("live events", () => {
  it("refuses a stream without a session", async () => {
    const stream = await listen();
    expect(stream.status).toBe(401);
    stream.close();
  });

  it("tells the responsible agency and the owner about an action, and nobody else", async () => {
    const { owner, partner, bystander, caseRow } = await sharedCase();
    const outsider = await buildMember(ctx);
    const streams = await Promise.all(
      [owner, partner, bystander, outsider].map((who) => listen(who.session.cookie)),
    );
    try {
      await waitUntil(() => streams.every((s) => s.status === 200), "streams open");
      const action = await factories.createAction(ctx.db, {
        caseId: caseRow.id,
        responsibleAgencyId: partner.agency.id,
      });
      ctx.app.events.publish({
        kind: "action.created",
        actionId: action.id,
        caseId: caseRow.id,
        conferenceId: null,
        responsibleAgencyId: partner.agency.id,
        responsibleUserId: null,
        actorUserId: owner.user.id,
        writtenVia: "api",
      });
      const [ownerStream, partnerStream, bystanderStream, outsiderStream] = streams as [
        Stream,
        Stream,
        Stream,
        Stream,
      ];
      await waitUntil(
        () => ownerStream.messages.length > 0 && partnerStream.messages.length > 0,
        "owner and partner hear it",
      );
      expect(partnerStream.messages[0]).toEqual({
        kind: "action.created",
        actionId: action.id,
        caseId: caseRow.id,
        conferenceId: null,
      });
      // Give any wrongly routed message time to arrive before asserting silence.
      await new Promise((resolve) => setTimeout(resolve, 150));
      expect(bystanderStream.messages).toEqual([]);
      expect(outsiderStream.messages).toEqual([]);
    } finally {
      for (const stream of streams) stream.close();
    }
  });

  it("tells invited agencies about a conference's status, unless their basis was revoked", async () => {
    const { owner, partner, bystander, caseRow } = await sharedCase();
    const conference = await factories.createConference(ctx.db, { caseId: caseRow.id }, [
      { agencyId: partner.agency.id },
      { agencyId: bystander.agency.id },
    ]);
    const [basis] = await ctx.db.query.sharingBases.findMany({
      where: (table, { and, eq }) =>
        and(eq(table.caseId, caseRow.id), eq(table.agencyId, bystander.agency.id)),
    });
    const partnerStream = await listen(partner.session.cookie);
    const bystanderStream = await listen(bystander.session.cookie);
    try {
      const revoked = await owner.session.post(
        `/api/cases/${caseRow.id}/sharing-bases/${basis?.id}/revoke`,
        {},
      );
      expect(revoked.statusCode).toBe(200);
      const started = await owner.session.post(`/api/conferences/${conference.id}/status`, {
        status: "live",
      });
      expect(started.statusCode).toBe(200);
      await waitUntil(() => partnerStream.messages.length > 0, "partner hears the start");
      expect(partnerStream.messages[0]).toMatchObject({
        kind: "conference.changed",
        status: "live",
      });
      await new Promise((resolve) => setTimeout(resolve, 150));
      // Only that it lost the case, which it knew: nothing about the conference.
      expect(bystanderStream.messages).toEqual([
        { kind: "case.access_changed", caseId: caseRow.id },
      ]);
    } finally {
      partnerStream.close();
      bystanderStream.close();
    }
  });

  it("ends the stream of a user who is disabled", async () => {
    const { partner } = await sharedCase();
    const stream = await listen(partner.session.cookie);
    ctx.app.events.publish({ kind: "user.cut-off", userId: partner.user.id });
    await waitUntil(() => stream.ended, "stream ended");
  });
});
