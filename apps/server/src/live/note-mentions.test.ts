import { getNotes, MENTION_NODE } from "@runder-tisch/conference-doc";
import { schema } from "@runder-tisch/db";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { buildConferenceScenario } from "../../test/builders.ts";
import { listenOnLoopback, openDocument } from "../../test/collab-client.ts";
import { concludedConference } from "../../test/scenarios.ts";
import { useTestApp } from "../../test/test-app.ts";
import { pollUntil, waitUntil } from "../../test/wait.ts";
import { notifyNoteMentions } from "../domain/notifications/index.ts";

let base: string;
const ctx = useTestApp();
beforeAll(async () => {
  base = await listenOnLoopback(ctx.app);
});

/** A live conference with the owner's notes open, as in the room. */
async function liveNotes() {
  const scenario = await buildConferenceScenario(ctx, {
    outsiderHasBasis: false,
    conferenceValues: { status: "live", title: "Fallkonferenz Januar" },
  });
  const client = openDocument(base, scenario.conference.id, {
    cookie: scenario.owner.session.cookie,
  });
  await waitUntil(() => client.provider.synced, "owner synced");
  return { ...scenario, client };
}

/** What the editor writes for "Bitte klären: @Name": a paragraph holding the mention atom. */
function writeMention(doc: Y.Doc, userIds: string[], label = "Jemand") {
  const paragraph = new Y.XmlElement("paragraph");
  paragraph.insert(0, [new Y.XmlText("Bitte klären: ")]);
  for (const userId of userIds) {
    const mention = new Y.XmlElement(MENTION_NODE);
    mention.setAttribute("id", userId);
    mention.setAttribute("label", label);
    paragraph.push([mention]);
  }
  getNotes(doc).push([paragraph]);
  return paragraph;
}

/** The notes as the server holds them, to know an edit has arrived. */
async function serverNotes(conferenceId: string): Promise<string> {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, await ctx.app.collab.encodeState(conferenceId));
  return getNotes(doc).toString();
}

const notificationsOfConference = (conferenceId: string) =>
  ctx.db
    .select()
    .from(schema.notifications)
    .where(eq(schema.notifications.conferenceId, conferenceId));

describe("mentions (@) in the conference notes", () => {
  it("tells the mentioned person of a partner agency once, with a link to the conference", async () => {
    const { owner, partner, conference, client } = await liveNotes();
    try {
      const paragraph = writeMention(client.doc, [partner.user.id]);
      await pollUntil(
        () => notificationsOfConference(conference.id),
        (rows) => rows.length > 0,
        2_000,
      );
      // Typing on in the same paragraph mentions nobody again.
      (paragraph.get(0) as Y.XmlText).insert(0, "Wichtig: ");
      await pollUntil(
        () => serverNotes(conference.id),
        (notes) => notes.includes("Wichtig"),
        2_000,
      );
      await ctx.app.noteMentionNotices.settle();

      const rows = await notificationsOfConference(conference.id);
      expect(rows.map((row) => [row.userId, row.kind, row.actionId, row.actorUserId])).toEqual([
        [partner.user.id, "mentioned", null, owner.user.id],
      ]);
      const listed = (await partner.session.get("/api/notifications")).json().notifications;
      expect(listed[0]).toMatchObject({
        kind: "mentioned",
        conferenceId: conference.id,
        label: "Fallkonferenz Januar",
        read: false,
      });
    } finally {
      client.destroy();
    }
  });

  it("tells nobody outside the case, and not the writer about themselves", async () => {
    const { owner, outsider, conference, client } = await liveNotes();
    try {
      writeMention(client.doc, [outsider.user.id, owner.user.id, "kein-mensch"]);
      await pollUntil(
        () => serverNotes(conference.id),
        (notes) => notes.includes("Bitte klären"),
        2_000,
      );
      await ctx.app.noteMentionNotices.settle();
      expect(await notificationsOfConference(conference.id)).toEqual([]);
      const listed = (await outsider.session.get("/api/notifications")).json().notifications;
      expect(listed).toEqual([]);
    } finally {
      client.destroy();
    }
  });

  it("tells nobody twice when the same mention arrives again (a resend after a reconnect)", async () => {
    const { owner, partner, conference } = await buildConferenceScenario(ctx, {
      outsiderHasBasis: false,
    });
    const input = {
      conferenceId: conference.id,
      actorUserId: owner.user.id,
      mentions: [{ userId: partner.user.id, key: "17:4" }],
    };
    expect(await notifyNoteMentions(ctx.db, input)).toEqual([partner.user.id]);
    expect(await notifyNoteMentions(ctx.db, input)).toEqual([]);
    expect(await notificationsOfConference(conference.id)).toHaveLength(1);
  });

  it("names the person in the minutes as the platform knows them, not as the node says", async () => {
    const { owner, abh, conference } = await concludedConference(ctx);
    const client = openDocument(base, conference.id, { cookie: owner.session.cookie });
    try {
      await waitUntil(() => client.provider.synced, "owner synced");
      // A label is whatever the writer's browser sent: here a client's name smuggled in.
      writeMention(client.doc, [abh.user.id], "Ayşe Demir (Klientin)");
      await pollUntil(
        () => serverNotes(conference.id),
        (notes) => notes.includes("Bitte klären"),
        2_000,
      );
      const response = await owner.session.post(`/api/conferences/${conference.id}/finalise`, {});
      expect(response.statusCode).toBe(201);
      const notes: string = response.json().minutes.content.notes;
      expect(notes).toContain(`Bitte klären: @${abh.user.displayName}`);
      expect(notes).not.toContain("Ayşe");
    } finally {
      client.destroy();
    }
  });
});
