import { createAction, getActions, readActions, updateAction } from "@runder-tisch/conference-doc";
import { schema } from "@runder-tisch/db";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { buildConferenceScenario } from "../../test/builders.ts";
import { listenOnLoopback, openDocument } from "../../test/collab-client.ts";
import { useTestApp } from "../../test/test-app.ts";
import { waitUntil } from "../../test/wait.ts";
import { describeActionEvent } from "../domain/actions/action-event.ts";
import type { DomainEvent } from "../events/domain-events.ts";

let base: string;
const ctx = useTestApp();
beforeAll(async () => {
  base = await listenOnLoopback(ctx.app);
});

/** A live conference, with the owner's document open as the room would have it. */
async function liveConference() {
  const scenario = await buildConferenceScenario(ctx, {
    outsiderHasBasis: false,
    conferenceValues: { status: "live" },
  });
  const client = openDocument(base, scenario.conference.id, {
    cookie: scenario.owner.session.cookie,
  });
  await waitUntil(() => client.provider.synced, "owner synced");
  return { ...scenario, client };
}

type ActionRow = typeof schema.actions.$inferSelect;

/** Reads the action row until it satisfies `done` or the time is up; returns the last read. */
async function pollRow(
  id: string,
  done: (row: ActionRow | undefined) => boolean,
  withinMs: number,
) {
  const deadline = Date.now() + withinMs;
  for (;;) {
    const [row] = await ctx.db.select().from(schema.actions).where(eq(schema.actions.id, id));
    if (done(row) || Date.now() > deadline) return row;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const entryOf = (doc: Y.Doc, id: string) =>
  readActions(doc).find((entry) => (entry.ok ? entry.action.id : entry.id) === id);

describe("action items in the document and in the table", () => {
  it("puts an action typed into the document into the responsible agency's inbox", async () => {
    const { partner, client, conference } = await liveConference();
    try {
      const id = createAction(client.doc, {
        title: "§ 104c prüfen",
        responsibleAgencyId: partner.agency.id,
        responsiblePersonId: null,
        dueDate: "2026-12-05",
      });
      // The promise: in the table (and so the inbox) within a second.
      const row = await pollRow(id, (found) => found !== undefined, 1_000);
      expect(row).toMatchObject({
        conferenceId: conference.id,
        title: "§ 104c prüfen",
        responsibleAgencyId: partner.agency.id,
        dueDate: "2026-12-05",
        status: "open",
      });
      const inbox = (await partner.session.get("/api/inbox")).json();
      expect(inbox.actions.map((action: { id: string }) => action.id)).toContain(id);
    } finally {
      client.destroy();
    }
  });

  it("stores an action whose title carries a pasted control character, without it", async () => {
    const { partner, client } = await liveConference();
    try {
      const id = createAction(client.doc, {
        title: "Pass\u0000 beantragen",
        description: "Termin\u001b vereinbaren",
        responsibleAgencyId: partner.agency.id,
        responsiblePersonId: null,
        dueDate: null,
      });
      const row = await pollRow(id, (found) => found !== undefined, 2_000);
      expect(row).toMatchObject({ title: "Pass beantragen", description: "Termin vereinbaren" });
      const entry = entryOf(client.doc, id);
      expect(entry?.ok && entry.action.projectionError).toBe(null);
    } finally {
      client.destroy();
    }
  });

  it("never writes an edit the rules refuse under someone else's rights, and undoes it", async () => {
    const { owner, partner, client, conference } = await liveConference();
    // The partner is an editor in the room, but neither owns the case nor is responsible.
    const partnerClient = openDocument(base, conference.id, { cookie: partner.session.cookie });
    try {
      await waitUntil(() => partnerClient.provider.synced, "partner synced");
      const id = createAction(client.doc, {
        title: "Aufenthaltstitel prüfen",
        responsibleAgencyId: owner.agency.id,
        responsiblePersonId: null,
        dueDate: null,
      });
      await pollRow(id, (found) => found !== undefined, 2_000);
      await waitUntil(() => entryOf(partnerClient.doc, id) !== undefined, "partner sees the entry");

      updateAction(partnerClient.doc, id, { title: "Erledigt, Akte schließen", status: "done" });
      await waitUntil(
        () =>
          getActions(client.doc).get(id)?.get("projectionError") === "not_responsible_for_action",
        "refused edit marked",
      );
      const undone = entryOf(client.doc, id);
      expect(undone?.ok && undone.action).toMatchObject({
        title: "Aufenthaltstitel prüfen",
        status: "open",
      });

      // The owner's own edit afterwards carries only what the owner changed.
      updateAction(client.doc, id, { dueDate: "2027-02-01" });
      const row = await pollRow(id, (found) => found?.dueDate === "2027-02-01", 2_000);
      expect(row).toMatchObject({ title: "Aufenthaltstitel prüfen", status: "open" });
      const history = (await owner.session.get(`/api/actions/${id}/history`)).json().events;
      expect(history.map((event: { kind: string }) => event.kind)).toEqual(["created", "changed"]);
      expect(history[1]).toMatchObject({
        actor: { id: owner.user.id },
        changes: { dueDate: { from: null, to: "2027-02-01" } },
      });
      expect(Object.keys(history[1].changes)).toEqual(["dueDate"]);
    } finally {
      partnerClient.destroy();
      client.destroy();
    }
  });

  it("marks an entry that names an agency without access, or is incomplete, and stores neither", async () => {
    const { outsider, client } = await liveConference();
    try {
      const forbiddenId = createAction(client.doc, {
        title: "Geht an eine Stelle ohne Einwilligung",
        responsibleAgencyId: outsider.agency.id,
        responsiblePersonId: null,
        dueDate: null,
      });
      const brokenId = crypto.randomUUID();
      client.doc.transact(() => {
        const entry = new Y.Map<string | null>();
        entry.set("status", "open");
        getActions(client.doc).set(brokenId, entry as never);
      });
      await waitUntil(() => {
        const forbidden = getActions(client.doc).get(forbiddenId)?.get("projectionError");
        const broken = getActions(client.doc).get(brokenId)?.get("projectionError");
        return typeof forbidden === "string" && typeof broken === "string";
      }, "both entries marked");
      const rows = await ctx.db
        .select()
        .from(schema.actions)
        .where(eq(schema.actions.id, forbiddenId));
      expect(rows).toEqual([]);
      expect(getActions(client.doc).get(forbiddenId)?.get("projectionError")).toBe(
        "responsible_agency_cannot_see_case",
      );
      expect(getActions(client.doc).get(brokenId)?.get("projectionError")).toBe(
        "action_entry_incomplete",
      );
      expect(entryOf(client.doc, brokenId)?.ok).toBe(false);
    } finally {
      client.destroy();
    }
  });

  it("shows a status set in the inbox, and a new comment, in the conference document", async () => {
    const { partner, client, conference } = await liveConference();
    try {
      const created = await partner.session.post(`/api/conferences/${conference.id}/actions`, {
        title: "B1-Kurs anmelden",
        responsibleAgencyId: partner.agency.id,
        dueDate: "2026-12-20",
      });
      expect(created.statusCode).toBe(201);
      const actionId = created.json().id as string;
      await waitUntil(
        () => getActions(client.doc).get(actionId)?.get("title") === "B1-Kurs anmelden",
        "appears in document",
      );

      const done = await partner.session.patch(`/api/actions/${actionId}`, { status: "done" });
      expect(done.statusCode).toBe(200);
      await waitUntil(
        () => getActions(client.doc).get(actionId)?.get("status") === "done",
        "status in document",
      );

      const commented = await partner.session.post(`/api/actions/${actionId}/comments`, {
        body: "Anmeldung ist erfolgt.",
      });
      expect(commented.statusCode).toBe(201);
      await waitUntil(
        () => getActions(client.doc).get(actionId)?.get("commentCount") === 1,
        "comment count",
      );
    } finally {
      client.destroy();
    }
  });

  it("writes a status changed in the document back to the table", async () => {
    const { owner, client, conference } = await liveConference();
    try {
      const created = await owner.session.post(`/api/conferences/${conference.id}/actions`, {
        title: "Arbeitgeber ansprechen",
        responsibleAgencyId: owner.agency.id,
      });
      const actionId = created.json().id as string;
      await waitUntil(() => getActions(client.doc).has(actionId), "appears in document");
      getActions(client.doc).get(actionId)?.set("status", "in_progress");
      const row = await pollRow(actionId, (found) => found?.status === "in_progress", 1_000);
      expect(row?.status).toBe("in_progress");
    } finally {
      client.destroy();
    }
  });

  it("stores an action entered as done in one step: one created event, one history row", async () => {
    const { partner, client } = await liveConference();
    const events: DomainEvent[] = [];
    const stop = ctx.app.events.subscribe((event) => events.push(event));
    try {
      const id = createAction(client.doc, {
        title: "Pass ist verlängert",
        responsibleAgencyId: partner.agency.id,
        responsiblePersonId: null,
        dueDate: null,
        status: "done",
      });
      const row = await pollRow(id, (found) => found !== undefined, 1_000);
      await ctx.app.actionProjection.settle();
      expect(row?.status).toBe("done");
      const history = await ctx.db
        .select()
        .from(schema.actionEvents)
        .where(eq(schema.actionEvents.actionId, id));
      expect(history.map((entry) => entry.kind)).toEqual(["created"]);
      const about = events.filter((event) => "actionId" in event && event.actionId === id);
      expect(about.map((event) => event.kind)).toEqual(["action.created"]);
    } finally {
      stop();
      client.destroy();
    }
  });

  it("writes table changes into the document, but not its own projections back again", async () => {
    const { owner, client, conference } = await liveConference();
    try {
      const created = await owner.session.post(`/api/conferences/${conference.id}/actions`, {
        title: "Wohnungsamt anfragen",
        responsibleAgencyId: owner.agency.id,
      });
      const actionId = created.json().id as string;
      await waitUntil(() => getActions(client.doc).has(actionId), "appears in document");
      // The table changes behind the projection's back, and an event says so.
      await ctx.db
        .update(schema.actions)
        .set({ title: "Wohnungsamt angefragt" })
        .where(eq(schema.actions.id, actionId));
      const [row] = await ctx.db
        .select()
        .from(schema.actions)
        .where(eq(schema.actions.id, actionId));
      if (!row) throw new Error("action vanished");
      const announce = (writtenVia: "api" | "document") =>
        ctx.app.events.publish(
          describeActionEvent("action.changed", row, owner.user.id, { writtenVia }),
        );
      announce("document");
      await ctx.app.actionProjection.settle();
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(getActions(client.doc).get(actionId)?.get("title")).toBe("Wohnungsamt anfragen");
      announce("api");
      await waitUntil(
        () => getActions(client.doc).get(actionId)?.get("title") === "Wohnungsamt angefragt",
        "title written into the document",
      );
    } finally {
      client.destroy();
    }
  });
});
