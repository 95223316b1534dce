import { CloseCode } from "@runder-tisch/collab-protocol";
import { describe, expect, it } from "vitest";
import type * as Y from "yjs";
import {
  identity,
  type TestServer,
  useCollabTestScope,
  waitSynced,
} from "../../test/collab-harness.ts";
import { waitUntil } from "../../test/wait.ts";

const scope = useCollabTestScope();
const client = scope.client;
let server: TestServer;

describe("document lifecycle", () => {
  it("loads a document once however many clients connect at the same time", async () => {
    server = await scope.start();
    server.tokens.set("a", identity("a"));
    const release = server.store.holdLoads();
    const peers = Array.from({ length: 8 }, () => client("lc-1", "a"));
    await waitUntil(() => server.store.loadCalls === 1, "load started");
    release();
    await Promise.all(peers.map(waitSynced));
    expect(server.store.loadCalls).toBe(1);
  });

  it("unloads an idle document after the timeout and reloads it from storage", async () => {
    const unloaded: string[] = [];
    server = await scope.start({
      idleUnloadMs: 50,
      hooks: { onUnload: ({ documentName }) => void unloaded.push(documentName) },
    });
    server.tokens.set("a", identity("a"));
    const first = client("lc-2", "a");
    await waitSynced(first);
    first.doc.getText("t").insert(0, "gespeichert");
    await server.collab.flush();
    first.destroy();
    await waitUntil(() => unloaded.includes("lc-2"), "document unloaded");
    expect(server.collab.isLoaded("lc-2")).toBe(false);

    const second = client("lc-2", "a");
    await waitUntil(
      () => second.doc.getText("t").toString() === "gespeichert",
      "reloaded from storage",
    );
    expect(server.store.loadCalls).toBe(2);
  });

  it("keeps an idle document loaded until its writes are durable", async () => {
    const unloaded: string[] = [];
    server = await scope.start({
      idleUnloadMs: 20,
      hooks: { onUnload: ({ documentName }) => void unloaded.push(documentName) },
    });
    server.tokens.set("a", identity("a"));
    const writer = client("lc-3", "a");
    await waitSynced(writer);
    const release = server.store.holdWrites();
    writer.doc.getText("t").insert(0, "unterwegs");
    const probe = client("lc-3", "a");
    await waitUntil(
      () => probe.doc.getText("t").toString() === "unterwegs",
      "server has the update",
    );
    writer.destroy();
    probe.destroy();
    await waitUntil(() => server.collab.listConnections().length === 0, "all disconnected");
    // Asserting that something does NOT happen needs some time to pass: five idle periods.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(unloaded).toEqual([]);
    expect(server.collab.isLoaded("lc-3")).toBe(true);
    release();
    await waitUntil(() => unloaded.includes("lc-3"), "unloaded after flush");
    expect(server.store.stateOf("lc-3").getText("t").toString()).toBe("unterwegs");
  });

  it("caps the idle timeout at 30 seconds", async () => {
    server = await scope.start({ idleUnloadMs: 10 * 60_000 });
    expect(server.collab.idleUnloadMs).toBe(30_000);
  });

  it("applies server-side changes like client changes", async () => {
    const changes: Array<string | null> = [];
    server = await scope.start({
      hooks: { onChange: ({ actor }) => void changes.push(actor?.userId ?? null) },
    });
    server.tokens.set("a", identity("a"));
    const viewer = client("lc-4", "a");
    await waitSynced(viewer);
    await server.collab.transact("lc-4", (doc: Y.Doc) => doc.getMap("actions").set("x", "marker"), {
      userId: "system",
      agencyId: null,
    });
    await waitUntil(
      () => viewer.doc.getMap("actions").get("x") === "marker",
      "client sees server change",
    );
    await server.collab.flush();
    expect(server.store.persistCalls.flat().map((e) => e.userId)).toEqual(["system"]);
    expect(changes).toEqual(["system"]);
  });

  it("closes with document-unavailable when loading fails, and recovers", async () => {
    let failLoads = 1;
    server = await scope.start({
      hooks: {
        loadDocument: async () => {
          if (failLoads-- > 0) throw new Error("database down");
          return { snapshot: null, updates: [] };
        },
      },
    });
    server.tokens.set("a", identity("a"));
    const unlucky = client("lc-5", "a");
    await waitUntil(() => unlucky.closes.length > 0, "closed");
    expect(unlucky.closes[0]?.code).toBe(CloseCode.DOCUMENT_UNAVAILABLE);
    // 45xx is transient: the stock provider reconnects by itself and succeeds.
    await waitSynced(unlucky);
  });
});
