import type { AddressInfo } from "node:net";
import { CloseCode } from "@runder-tisch/collab-protocol";
import { createAction, getNotes } from "@runder-tisch/conference-doc";
import { schema } from "@runder-tisch/db";
import { and, eq, like } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { buildMember, type Member } from "../../test/builders.ts";
import { listenOnLoopback, openDocument } from "../../test/collab-client.ts";
import { openEventStream } from "../../test/event-stream.ts";
import { useTestApp } from "../../test/test-app.ts";
import { dateInDays } from "../../test/time.ts";
import { waitUntil } from "../../test/wait.ts";
import { meetingDocumentName } from "./document-names.ts";

let base: string;
const ctx = useTestApp({ COLLAB_IDLE_UNLOAD_MS: "50", ACCESS_CHECK_MS: "100" });
beforeAll(async () => {
  base = await listenOnLoopback(ctx.app);
});

/** A group with members of two agencies, a steering member who founded it, and an open meeting. */
async function openMeeting() {
  const admin = await buildMember(ctx, { role: "platform_admin" });
  const steering = await buildMember(ctx);
  await admin.session.post("/api/steering/members", { userId: steering.user.id });
  const group = await steering.session.post("/api/working-groups", { name: "AG Mobilität" });
  const groupId: string = group.json().id;
  const [first, second] = [await buildMember(ctx), await buildMember(ctx)] as [Member, Member];
  for (const person of [first, second]) {
    await steering.session.post(`/api/working-groups/${groupId}/members`, {
      userId: person.user.id,
    });
  }
  const meeting = await first.session.post(`/api/working-groups/${groupId}/meetings`, {
    title: "Erstes Treffen",
    startsAt: new Date().toISOString(),
  });
  expect(meeting.statusCode, meeting.body).toBe(201);
  return { steering, first, second, groupId, meetingId: meeting.json().id as string };
}

const room = (meetingId: string) => `working-group-meetings/${meetingId}`;

/** Writes one paragraph into the meeting's notes, as the server's own change. */
async function writeNotes(meetingId: string, writer: Member, text: string) {
  await ctx.app.collab.transact(
    meetingDocumentName(meetingId),
    (doc) => {
      const paragraph = new Y.XmlElement("paragraph");
      paragraph.insert(0, [new Y.XmlText(text)]);
      getNotes(doc).insert(getNotes(doc).length, [paragraph]);
    },
    { userId: writer.user.id, agencyId: writer.agency.id },
  );
  await ctx.app.collab.flush();
}

describe("a working-group meeting's live document", () => {
  it("is co-edited by the members of different agencies and stored under its own name", async () => {
    const { first, second, meetingId } = await openMeeting();
    const a = openDocument(base, room(meetingId), { cookie: first.session.cookie });
    const b = openDocument(base, room(meetingId), { cookie: second.session.cookie });
    try {
      await waitUntil(() => a.provider.synced && b.provider.synced, "both synced");
      a.doc.getText("probe").insert(0, "Rufbus im Nordkreis anfragen. ");
      b.doc.getText("probe").insert(0, "Kursbeginn auf 17 Uhr legen. ");
      await waitUntil(() => a.notes() === b.notes() && a.notes().length > 50, "convergence");
      await ctx.app.collab.flush();
      const stored = await ctx.db
        .select({ documentId: schema.documentUpdates.documentId })
        .from(schema.documentUpdates)
        .where(eq(schema.documentUpdates.documentId, meetingDocumentName(meetingId)));
      expect(stored.length).toBeGreaterThan(0);
    } finally {
      a.destroy();
      b.destroy();
    }
  });

  it("refuses non-members, the steering group and anonymous clients, and audits the refusal", async () => {
    const { steering, meetingId } = await openMeeting();
    const outsider = await buildMember(ctx);
    const clients = [
      openDocument(base, room(meetingId), { cookie: outsider.session.cookie }),
      openDocument(base, room(meetingId), { cookie: steering.session.cookie }),
      openDocument(base, room(meetingId), {}),
    ];
    try {
      await waitUntil(() => clients.every((client) => client.closes.length > 0), "all refused");
      expect(clients.map((client) => client.closes[0])).toEqual([
        CloseCode.FORBIDDEN,
        CloseCode.FORBIDDEN,
        CloseCode.UNAUTHORISED,
      ]);
      const denials = await ctx.db
        .select()
        .from(schema.auditLog)
        .where(
          and(eq(schema.auditLog.userId, outsider.user.id), eq(schema.auditLog.action, "denied")),
        );
      expect(denials).toEqual([
        expect.objectContaining({
          targetType: "working_group_meeting",
          targetId: meetingId,
          detail: expect.objectContaining({
            route: "/api/collab/working-group-meetings/:meetingId",
          }),
        }),
      ]);
    } finally {
      for (const client of clients) client.destroy();
    }
  });

  it("holds no case actions: an action entry written into it reaches no table", async () => {
    const { first, meetingId } = await openMeeting();
    await ctx.app.collab.transact(
      meetingDocumentName(meetingId),
      (doc) => {
        createAction(doc, {
          title: "Darf nicht in ein Fallpostfach",
          responsibleAgencyId: first.agency.id,
          responsiblePersonId: null,
          dueDate: dateInDays(7),
        });
      },
      { userId: first.user.id, agencyId: first.agency.id },
    );
    await ctx.app.collab.flush();
    await ctx.app.actionProjection.settle();
    const projected = await ctx.db
      .select()
      .from(schema.actions)
      .where(like(schema.actions.title, "Darf nicht%"));
    expect(projected).toEqual([]);
  });

  it("closes only with notes free of personal data, then keeps them and turns read-only", async () => {
    const { first, second, meetingId } = await openMeeting();
    const b = openDocument(base, room(meetingId), { cookie: second.session.cookie });
    try {
      await waitUntil(() => b.provider.synced, "synced");
      await writeNotes(meetingId, first, "Herr Camara wohnt in der Bahnhofstraße 5.");
      const refused = await first.session.post(
        `/api/working-group-meetings/${meetingId}/close`,
        {},
      );
      expect(refused.statusCode).toBe(422);
      expect(refused.json().error.reason).toBe("personal_data_found");
      // The editors keep their rights to fix the text.
      await waitUntil(
        () =>
          ctx.app.collab
            .listConnections()
            .filter((info) => info.documentName === meetingDocumentName(meetingId))
            .every((info) => info.role === "editor"),
        "editors again",
      );
      await ctx.app.collab.transact(
        meetingDocumentName(meetingId),
        (doc) => getNotes(doc).delete(0, getNotes(doc).length),
        { userId: first.user.id, agencyId: first.agency.id },
      );
      await writeNotes(meetingId, first, "Rufbus am Abend im Nordkreis anfragen.");
      const closed = await first.session.post(`/api/working-group-meetings/${meetingId}/close`, {});
      expect(closed.statusCode, closed.body).toBe(200);
      expect(closed.json()).toMatchObject({
        state: "closed",
        notes: expect.stringContaining("Rufbus"),
      });
      await waitUntil(
        () =>
          ctx.app.collab
            .listConnections()
            .filter((info) => info.documentName === meetingDocumentName(meetingId))
            .every((info) => info.role === "observer"),
        "read-only",
      );
      b.doc.getText("probe").insert(0, "zu spät");
      await ctx.app.collab.flush();
      const server = new Y.Doc();
      Y.applyUpdate(server, await ctx.app.collab.encodeState(meetingDocumentName(meetingId)));
      expect(server.getText("probe").toString()).toBe("");
      const again = await first.session.post(`/api/working-group-meetings/${meetingId}/close`, {});
      expect(again.statusCode).toBe(409);
    } finally {
      b.destroy();
    }
  });

  it("closes the socket of a person the steering group takes out of the group", async () => {
    const { steering, first, second, groupId, meetingId } = await openMeeting();
    const a = openDocument(base, room(meetingId), { cookie: first.session.cookie });
    const b = openDocument(base, room(meetingId), { cookie: second.session.cookie });
    try {
      await waitUntil(() => a.provider.synced && b.provider.synced, "synced");
      const removed = await steering.session.delete(
        `/api/working-groups/${groupId}/members/${second.user.id}`,
      );
      expect(removed.statusCode).toBe(200);
      await waitUntil(() => b.closes.length > 0, "removed member cut off", 3_000);
      expect(b.closes[0]).toBe(CloseCode.ACCESS_REVOKED);
      expect(a.closes).toEqual([]);
    } finally {
      a.destroy();
      b.destroy();
    }
  });
});

describe("the live stream of systemic actions", () => {
  it("tells the owning agency's open pages and the group's members, and nobody else", async () => {
    const { first, groupId } = await openMeeting();
    const kreis = await buildMember(ctx, { kind: "kommune" });
    const bystander = await buildMember(ctx);
    const { port } = ctx.app.server.address() as AddressInfo;
    const streams = {
      owner: await openEventStream(port, kreis.session.cookie),
      member: await openEventStream(port, first.session.cookie),
      bystander: await openEventStream(port, bystander.session.cookie),
    };
    try {
      const created = await first.session.post(`/api/working-groups/${groupId}/actions`, {
        text: "Haltestelle am Kursort beantragen",
        ownerAgencyId: kreis.agency.id,
      });
      expect(created.statusCode).toBe(201);
      const told = (stream: { messages: { kind: string }[] }) =>
        stream.messages.some((message) => message.kind === "systemic_action.changed");
      await waitUntil(() => told(streams.owner) && told(streams.member), "owner and member told");
      // The bystander's stream is open and would have had it by now, had it been sent.
      expect(told(streams.bystander)).toBe(false);
      expect(streams.owner.messages).toContainEqual({ kind: "systemic_action.changed" });
    } finally {
      for (const stream of Object.values(streams)) stream.close();
    }
  });
});
