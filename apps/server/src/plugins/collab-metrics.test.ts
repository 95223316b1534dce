import { CloseCode } from "@runder-tisch/collab-protocol";
import { describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { buildConferenceScenario } from "../../test/builders.ts";
import { listenOnLoopback, openDocument } from "../../test/collab-client.ts";
import { trackAcks } from "../../test/collab-harness.ts";
import { scrapeMetrics, seriesValue } from "../../test/metrics-text.ts";
import { useTestApp } from "../../test/test-app.ts";
import { waitUntil } from "../../test/wait.ts";
import { InProcessBus } from "../collab/index.ts";

const TOKEN = "metrics-token-for-the-collab-test";
const MAX_MESSAGE_BYTES = 16 * 1024;
// A bus, so the node times its own messages coming back through it.
const ctx = useTestApp(
  { METRICS_TOKEN: TOKEN, COLLAB_MAX_MESSAGE_BYTES: String(MAX_MESSAGE_BYTES) },
  { collaboration: { bus: new InProcessBus() } },
);

const CLIENT_UPDATES = 'runder_tisch_collab_updates_applied_total{source="client"}';
const PERSISTED = "runder_tisch_collab_persist_latency_seconds_count";
const ACKNOWLEDGED = "runder_tisch_collab_ack_latency_seconds_count";
const closedWith = (code: number) => `runder_tisch_collab_sockets_closed_total{code="${code}"}`;

/** A bare socket on the conference, sends one frame and reports the close code it gets. */
async function sendAndGetClosed(url: string, cookie: string, frame: Uint8Array): Promise<number> {
  const socket = new WebSocket(url, { headers: { cookie } });
  socket.on("error", () => {});
  const closed = new Promise<number>((resolve) => socket.on("close", (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    socket.once("open", () => resolve());
    socket.once("close", () => reject(new Error("closed before open")));
  });
  socket.send(frame);
  return closed;
}

describe("collaboration metrics", () => {
  it("count applied updates, storage and acknowledgement times, the bus and closes by code", async () => {
    const base = await listenOnLoopback(ctx.app);
    const { owner, conference } = await buildConferenceScenario(ctx, {});
    const before = await scrapeMetrics(ctx.app, TOKEN);
    const editor = openDocument(base, conference.id, { cookie: owner.session.cookie });
    const acks = trackAcks(editor);
    const edits = 3;
    try {
      await waitUntil(() => editor.provider.synced, "synced");
      const text = editor.doc.getText("probe");
      // Three separate changes: three update frames, each applied on its own.
      for (let i = 0; i < edits; i += 1) text.insert(text.length, `Ziel ${i + 1}. `);
      await waitUntil(
        () => acks.sent() >= edits + 1 && acks.saved() === acks.sent(),
        "every update acknowledged as saved",
      );

      const during = await scrapeMetrics(ctx.app, TOKEN);
      expect(seriesValue(during, "runder_tisch_collab_connections")).toBeGreaterThanOrEqual(1);
      expect(seriesValue(during, "runder_tisch_collab_documents_loaded")).toBeGreaterThanOrEqual(1);
      expect(seriesValue(during, CLIENT_UPDATES) - seriesValue(before, CLIENT_UPDATES)).toBe(edits);
      // Every change is stored: the client's, and any the server made itself.
      expect(
        seriesValue(during, PERSISTED) - seriesValue(before, PERSISTED),
      ).toBeGreaterThanOrEqual(edits);
      expect(
        seriesValue(during, "runder_tisch_collab_persist_latency_seconds_sum"),
      ).toBeGreaterThan(0);
      // The client's empty sync answer needs no write; the three changes are timed once each.
      expect(seriesValue(during, ACKNOWLEDGED) - seriesValue(before, ACKNOWLEDGED)).toBe(edits);
      // Loading the document asked the other nodes over the bus, and the node heard itself.
      expect(seriesValue(during, "runder_tisch_bus_round_trip_seconds_count")).toBeGreaterThan(0);
    } finally {
      editor.destroy();
    }

    const url = `${base}/${conference.id}`;
    const garbage = await sendAndGetClosed(url, owner.session.cookie, Uint8Array.of(0xff, 0xff));
    expect(garbage).toBe(CloseCode.MALFORMED_MESSAGE);
    const oversized = await sendAndGetClosed(
      url,
      owner.session.cookie,
      new Uint8Array(MAX_MESSAGE_BYTES + 1),
    );
    expect(oversized).toBe(CloseCode.MESSAGE_TOO_LARGE);

    const after = await scrapeMetrics(ctx.app, TOKEN);
    for (const code of [CloseCode.MALFORMED_MESSAGE, CloseCode.MESSAGE_TOO_LARGE]) {
      expect(seriesValue(after, closedWith(code)) - seriesValue(before, closedWith(code))).toBe(1);
    }
    expect(seriesValue(after, closedWith(CloseCode.FORBIDDEN))).toBe(
      seriesValue(before, closedWith(CloseCode.FORBIDDEN)),
    );
    // Nothing in the figures names a conference.
    expect(after).not.toContain(conference.id);
  });
});
