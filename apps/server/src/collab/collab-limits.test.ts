import {
  CloseCode,
  encodeAwarenessFrame,
  encodeSyncFrame,
  SyncMessageType,
} from "@runder-tisch/collab-protocol";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  identity,
  openRaw,
  type TestServer,
  useCollabTestScope,
  waitSynced,
} from "../../test/collab-harness.ts";
import { waitUntil } from "../../test/wait.ts";
import { encodeAwarenessUpdate } from "./awareness-codec.ts";

const scope = useCollabTestScope();
const client = scope.client;
let server: TestServer;

const syncUpdateFrame = (update: Uint8Array) => encodeSyncFrame(SyncMessageType.UPDATE, update);

function awarenessFrame(
  clientId: number,
  clock: number,
  state: Record<string, unknown>,
): Uint8Array {
  return encodeAwarenessFrame(encodeAwarenessUpdate([{ clientId, clock, state }]));
}

describe("limits", () => {
  it("closes with message-too-large before buffering an oversized frame", async () => {
    server = await scope.start({ limits: { maxMessageBytes: 16 * 1024 } });
    server.tokens.set("a", identity("a"));
    const raw = await openRaw(server, "l-1", "a");
    raw.socket.send(new Uint8Array(64 * 1024));
    expect((await raw.closed).code).toBe(CloseCode.MESSAGE_TOO_LARGE);

    const stock = client("l-1", "a");
    await waitSynced(stock);
    stock.doc.getText("t").insert(0, "x".repeat(20_000));
    await waitUntil(() => stock.closes.length > 0, "stock client closed");
    expect(stock.closes[0]?.code).toBe(CloseCode.MESSAGE_TOO_LARGE);
    expect(stock.provider.shouldConnect).toBe(false);
  });

  it("refuses an update that would exceed the document size limit", async () => {
    server = await scope.start({ limits: { maxDocumentBytes: 4096 } });
    server.tokens.set("a", identity("a"));
    server.tokens.set("b", identity("b"));
    const writer = client("l-2", "a");
    const reader = client("l-2", "b");
    await Promise.all([waitSynced(writer), waitSynced(reader)]);
    writer.doc.getText("t").insert(0, "a".repeat(2000));
    await waitUntil(() => reader.doc.getText("t").length === 2000, "first update relayed");
    writer.doc.getText("t").insert(0, "b".repeat(3000));
    await waitUntil(() => writer.closes.length > 0, "writer closed");
    expect(writer.closes[0]?.code).toBe(CloseCode.DOCUMENT_TOO_LARGE);
    await server.collab.flush();
    expect(server.store.stateOf("l-2").getText("t").length).toBe(2000);
    expect(reader.doc.getText("t").length).toBe(2000);
    expect(reader.closes).toEqual([]);
  });

  it("counts content waiting for a missing dependency, and closes whoever floods it", async () => {
    server = await scope.start({ limits: { maxPendingBytes: 64 * 1024 } });
    server.tokens.set("a", identity("a"));
    server.tokens.set("b", identity("b"));
    const raw = await openRaw(server, "l-5", "a");
    const honest = client("l-5", "b");
    await waitSynced(honest);

    /** 20 kB of text from a new client that builds on a first insert never sent. */
    const orphan = () => {
      const doc = new Y.Doc();
      doc.getText("t").insert(0, "x");
      const before = Y.encodeStateVector(doc);
      doc.getText("t").insert(1, "y".repeat(20_000));
      return Y.encodeStateAsUpdate(doc, before);
    };
    for (let frame = 0; frame < 8; frame++) raw.socket.send(syncUpdateFrame(orphan()));
    expect((await raw.closed).code).toBe(CloseCode.DOCUMENT_TOO_LARGE);
    let pending = 0;
    await server.collab.transact(
      "l-5",
      (doc) => {
        pending = doc.store.pendingStructs?.update.length ?? 0;
      },
      { userId: "test", agencyId: null },
    );
    expect(pending).toBeLessThanOrEqual(64 * 1024);
    expect(pending).toBeGreaterThan(0);

    // The document itself is unharmed, and others go on writing.
    honest.doc.getText("t").insert(0, "weiter");
    await waitUntil(
      () => server.store.stateOf("l-5").getText("t").toString() === "weiter",
      "the honest edit stored",
    );
    expect(honest.closes).toEqual([]);
  });

  it("closes only the connection that sent a malformed frame", async () => {
    server = await scope.start();
    server.tokens.set("a", identity("a"));
    const good = client("l-3", "a");
    await waitSynced(good);
    good.doc.getText("t").insert(0, "intakt");

    const badFrames = [
      Uint8Array.from([99]), // unknown message type
      Uint8Array.from([0x80]), // truncated varint
      Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]), // overlong varint
      Uint8Array.from([0, 2, 0xff, 0xff, 0xff, 0x0f, 1, 2]), // huge length prefix
      Uint8Array.from([0, 7, 0]), // unknown sync type
      Uint8Array.from([0, 0, 3, 0xff, 0xff, 0xff]), // broken state vector
      syncUpdateFrame(Uint8Array.from([1, 1, 0xff, 0xff, 0xff, 0x7f, 0, 9])), // update Yjs rejects
      Uint8Array.from([1, 4, 1, 1, 1, 0x7b]), // awareness with invalid JSON
      Uint8Array.from([0, 2, 1, 0, 0]), // valid update plus trailing byte
    ];
    for (const frame of badFrames) {
      const raw = await openRaw(server, "l-3", "a");
      await waitUntil(() => raw.messages.length > 0, "raw client got step1");
      raw.socket.send(frame);
      expect((await raw.closed).code, `frame ${Buffer.from(frame).toString("hex")}`).toBe(
        CloseCode.MALFORMED_MESSAGE,
      );
    }
    const textFrame = await openRaw(server, "l-3", "a");
    textFrame.socket.send("hello");
    expect((await textFrame.closed).code).toBe(CloseCode.MALFORMED_MESSAGE);

    good.doc.getText("t").insert(6, "!");
    const fresh = client("l-3", "a");
    await waitUntil(() => fresh.doc.getText("t").toString() === "intakt!", "document intact");
    expect(good.closes).toEqual([]);
  });

  it("coalesces awareness bursts and closes a connection that floods", async () => {
    server = await scope.start({
      limits: {
        awarenessPerSecond: 5,
        awarenessBurst: 5,
        awarenessHardPerSecond: 10,
        awarenessHardBurst: 20,
      },
    });
    server.tokens.set("a", identity("a"));
    server.tokens.set("b", identity("b"));
    const watcher = client("l-4", "b");
    await waitSynced(watcher);

    const burst = await openRaw(server, "l-4", "a");
    for (let clock = 1; clock <= 15; clock++)
      burst.socket.send(awarenessFrame(4242, clock, { cursor: clock }));
    // The last state arrives even though it was over the soft limit.
    await waitUntil(
      () => watcher.provider.awareness.getStates().get(4242)?.cursor === 15,
      "coalesced final state",
    );

    const flood = await openRaw(server, "l-4", "a");
    for (let clock = 1; clock <= 100; clock++)
      flood.socket.send(awarenessFrame(777, clock, { cursor: clock }));
    expect((await flood.closed).code).toBe(CloseCode.RATE_LIMITED);
    expect(watcher.closes).toEqual([]);
  });

  it("accepts updates the document already has without growing it", async () => {
    server = await scope.start();
    server.tokens.set("a", identity("a"));
    const writer = client("l-5", "a");
    await waitSynced(writer);
    writer.doc.getText("t").insert(0, "einmal");
    await server.collab.flush();
    const raw = await openRaw(server, "l-5", "a");
    raw.socket.send(syncUpdateFrame(Y.encodeStateAsUpdate(writer.doc)));
    const probe = client("l-5", "a");
    await waitUntil(() => probe.doc.getText("t").toString() === "einmal", "probe synced");
    expect(server.store.persistCalls.flat()).toHaveLength(1);
    raw.socket.close();
  });
});
