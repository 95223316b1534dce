import {
  CloseCode,
  decodeExtensionFrame,
  Extension,
  encodeSubscribeExtensions,
  encodeSyncFrame,
  SyncMessageType,
} from "@runder-tisch/collab-protocol";
import { afterEach, describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import {
  identity,
  openRaw,
  type TestServer,
  trackAcks,
  useCollabTestScope,
  waitSynced,
} from "../../test/collab-harness.ts";
import { waitUntil } from "../../test/wait.ts";

const scope = useCollabTestScope();
const client = scope.client;
let server: TestServer;

afterEach(() => {
  vi.restoreAllMocks();
});

describe("durable acknowledgements", () => {
  it("relays at once but acks only after the write is durable", async () => {
    server = await scope.start();
    server.tokens.set("a", identity("a"));
    server.tokens.set("b", identity("b"));
    const writer = client("d-1", "a");
    const acks = trackAcks(writer);
    const reader = client("d-1", "b");
    await Promise.all([waitSynced(writer), waitSynced(reader)]);
    await waitUntil(() => acks.saved() === acks.sent(), "initial step2 acked");

    const release = server.store.holdWrites();
    writer.doc.getText("t").insert(0, "Ziel: Sprachkurs");
    await waitUntil(
      () => reader.doc.getText("t").toString() === "Ziel: Sprachkurs",
      "relayed before persistence",
    );
    const sentBefore = acks.sent();
    expect(acks.saved()).toBeLessThan(sentBefore);

    release();
    await waitUntil(() => acks.saved() === sentBefore, "ack after durable write");
    expect(server.store.stateOf("d-1").getText("t").toString()).toBe("Ziel: Sprachkurs");
    expect(acks.unexpected()).toBe(0);
  });

  it("keeps relaying while the store fails, retries, then acks", async () => {
    server = await scope.start();
    server.tokens.set("a", identity("a"));
    server.tokens.set("b", identity("b"));
    const writer = client("d-2", "a");
    const acks = trackAcks(writer);
    const reader = client("d-2", "b");
    await Promise.all([waitSynced(writer), waitSynced(reader)]);
    await waitUntil(() => acks.saved() === acks.sent(), "initial step2 acked");

    server.store.failNext = 3;
    writer.doc.getText("t").insert(0, "eins ");
    writer.doc.getText("t").insert(5, "zwei");
    await waitUntil(
      () => reader.doc.getText("t").toString() === "eins zwei",
      "relayed while store is down",
    );
    await waitUntil(() => server.store.failNext === 0, "three failed attempts");
    await waitUntil(() => acks.saved() === acks.sent(), "acked after recovery");
    expect(server.store.stateOf("d-2").getText("t").toString()).toBe("eins zwei");
  });

  it("sends nothing unusual to clients that did not opt in", async () => {
    server = await scope.start();
    server.tokens.set("a", identity("a"));
    const errors = vi.spyOn(console, "error");
    const stock = client("d-3", "a");
    await waitSynced(stock);
    stock.doc.getText("t").insert(0, "x");
    await server.collab.flush();
    // A round trip after the write: if SAVED were sent, it would have arrived by now.
    const other = client("d-3", "a");
    await waitUntil(() => other.doc.getText("t").toString() === "x", "second client synced");
    expect(errors).not.toHaveBeenCalledWith("Unable to compute message");
  });

  it("group-commits updates that arrive while a write is in flight", async () => {
    server = await scope.start();
    server.tokens.set("a", identity("a"));
    const writer = client("d-4", "a");
    await waitSynced(writer);
    const release = server.store.holdWrites();
    for (let i = 0; i < 50; i++) writer.doc.getText("t").insert(0, "x");
    await waitUntil(() => server.collab.listConnections().length === 1, "connected");
    release();
    await waitUntil(() => server.store.stateOf("d-4").getText("t").length === 50, "all persisted");
    expect(server.store.persistCalls.length).toBeLessThan(10);
    const entries = server.store.persistCalls.flat();
    expect(
      entries.every(
        (e) => e.userId === "a" && e.agencyId === "agency-1" && e.documentName === "d-4",
      ),
    ).toBe(true);
  });

  it("flushes pending writes on destroy before closing with going-away", async () => {
    server = await scope.start();
    server.tokens.set("a", identity("a"));
    const writer = client("d-5", "a");
    await waitSynced(writer);
    const release = server.store.holdWrites();
    writer.doc.getText("t").insert(0, "letzte Änderung");
    await waitUntil(() => server.collab.listConnections().length === 1, "connected");
    // Wait until the server has the update (it is then queued behind the held write).
    const probe = client("d-5", "a");
    await waitUntil(
      () => probe.doc.getText("t").toString() === "letzte Änderung",
      "server has the update",
    );

    const destroyed = server.collab.destroy({ timeoutMs: 4000 });
    expect(writer.closes).toEqual([]);
    release();
    await destroyed;
    expect(server.store.stateOf("d-5").getText("t").toString()).toBe("letzte Änderung");
    await waitUntil(() => writer.closes.length > 0, "closed after flush");
    expect(writer.closes[0]?.code).toBe(CloseCode.GOING_AWAY);
  });

  it("stores an edit that builds on content the server has not seen before acknowledging it", async () => {
    server = await scope.start();
    server.tokens.set("a", identity("a"));
    const raw = await openRaw(server, "pending-1", "a");
    raw.socket.send(encodeSubscribeExtensions(Extension.ACKS));
    // The client typed "X", then "Y" after it; only the second edit reaches the server.
    const local = new Y.Doc();
    local.getText("t").insert(0, "X");
    const onlyX = Y.encodeStateAsUpdate(local);
    local.getText("t").insert(1, "Y");
    const onlyY = Y.encodeStateAsUpdate(local, Y.encodeStateVectorFromUpdate(onlyX));
    raw.socket.send(syncUpdateFrame(onlyY));
    await waitUntil(() => savedCount(raw.messages) >= 1, "SAVED for the frame");
    // Acknowledged means stored: the log plus the "X" that arrives later gives both letters.
    const reloaded = server.store.stateOf("pending-1");
    Y.applyUpdate(reloaded, onlyX);
    expect(reloaded.getText("t").toString()).toBe("XY");
    raw.socket.close();
  });
});

function savedCount(messages: Uint8Array[]): number {
  let count = 0;
  for (const message of messages) {
    const frame = decodeExtensionFrame(message);
    if (frame?.type === "saved") count = Math.max(count, frame.durableCount);
  }
  return count;
}

const syncUpdateFrame = (update: Uint8Array) => encodeSyncFrame(SyncMessageType.UPDATE, update);
