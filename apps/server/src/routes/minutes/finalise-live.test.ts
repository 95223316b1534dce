import { getNotes } from "@runder-tisch/conference-doc";
import { beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { listenOnLoopback, openDocument } from "../../../test/collab-client.ts";
import { concludedConference } from "../../../test/scenarios.ts";
import { useTestApp } from "../../../test/test-app.ts";
import { waitUntil } from "../../../test/wait.ts";

let base: string;
const ctx = useTestApp({ COLLAB_IDLE_UNLOAD_MS: "50" });
beforeAll(async () => {
  base = await listenOnLoopback(ctx.app);
});

const editors = (conferenceId: string) =>
  ctx.app.collab.listConnections().filter((info) => info.documentName === conferenceId);

describe("finalising a conference with open sockets", () => {
  it("turns every connection read-only and stores what was there before", async () => {
    const { owner, abh, conference } = await concludedConference(ctx);
    const a = openDocument(base, conference.id, { cookie: owner.session.cookie });
    const b = openDocument(base, conference.id, { cookie: abh.session.cookie });
    try {
      await waitUntil(() => a.provider.synced && b.provider.synced, "synced");
      expect(editors(conference.id).map((info) => info.role)).toEqual(["editor", "editor"]);
      const response = await owner.session.post(`/api/conferences/${conference.id}/finalise`, {});
      expect(response.statusCode).toBe(201);
      const stored = response.json().minutes.content.notes;
      await waitUntil(
        () => editors(conference.id).every((info) => info.role === "observer"),
        "all connections read-only",
        2_000,
      );
      b.doc.getText("probe").insert(0, "Nachträglich");
      const paragraph = new Y.XmlElement("paragraph");
      paragraph.insert(0, [new Y.XmlText("Auch nicht")]);
      getNotes(a.doc).insert(0, [paragraph]);
      await ctx.app.collab.flush();
      const server = new Y.Doc();
      Y.applyUpdate(server, await ctx.app.collab.encodeState(conference.id));
      expect(server.getText("probe").toString()).toBe("");
      expect(getNotes(server).length).toBe(1);
      expect(stored).toBe("Der Klient ist seit sieben Jahren im Kreis, Deutsch auf A2.");
      expect(a.closes).toEqual([]);
    } finally {
      a.destroy();
      b.destroy();
    }
  });

  it("gives editors their rights back when finalising is refused", async () => {
    const { owner, abh, conference } = await concludedConference(ctx, { notes: "Frau Camara" });
    const b = openDocument(base, conference.id, { cookie: abh.session.cookie });
    try {
      await waitUntil(() => b.provider.synced, "synced");
      const response = await owner.session.post(`/api/conferences/${conference.id}/finalise`, {});
      expect(response.statusCode).toBe(422);
      await waitUntil(
        () => editors(conference.id).every((info) => info.role === "editor"),
        "editor again",
        2_000,
      );
    } finally {
      b.destroy();
    }
  });
});
