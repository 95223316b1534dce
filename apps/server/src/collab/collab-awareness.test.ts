import { MessageType } from "@runder-tisch/collab-protocol";
import * as encoding from "lib0/encoding";
import { describe, expect, it } from "vitest";
import {
  identity,
  openRaw,
  type TestServer,
  useCollabTestScope,
  waitSynced,
} from "../../test/collab-harness.ts";
import { waitUntil } from "../../test/wait.ts";
import { colorForUser, encodeAwarenessUpdate } from "./awareness-codec.ts";

const scope = useCollabTestScope();
const client = scope.client;
let server: TestServer;

describe("awareness identity", () => {
  it("overwrites the identity a client claims with the authenticated one", async () => {
    server = await scope.start();
    server.tokens.set("mallory", identity("mallory", "editor", "schule"));
    server.tokens.set("alice", identity("alice", "editor", "jobcenter"));
    const alice = client("aw-1", "alice");
    const mallory = client("aw-1", "mallory");
    await Promise.all([waitSynced(alice), waitSynced(mallory)]);

    mallory.provider.awareness.setLocalStateField("user", {
      id: "alice",
      name: "Alice",
      agencyId: "jobcenter",
    });
    mallory.provider.awareness.setLocalStateField("cursor", { anchor: 1 });
    const seen = () => alice.provider.awareness.getStates().get(mallory.doc.clientID);
    await waitUntil(() => seen()?.cursor !== undefined, "alice sees mallory's cursor");
    expect(seen()).toEqual({
      cursor: { anchor: 1 },
      user: {
        id: "mallory",
        name: "User mallory",
        agencyId: "schule",
        agencyName: "Agency schule",
        color: colorForUser("mallory"),
      },
    });
  });

  it("ignores awareness for another connection's clientID", async () => {
    server = await scope.start();
    server.tokens.set("alice", identity("alice"));
    server.tokens.set("bob", identity("bob"));
    const alice = client("aw-2", "alice");
    const bob = client("aw-2", "bob");
    await Promise.all([waitSynced(alice), waitSynced(bob)]);
    alice.provider.awareness.setLocalStateField("cursor", { anchor: 3 });
    const aliceState = () => bob.provider.awareness.getStates().get(alice.doc.clientID);
    await waitUntil(() => aliceState()?.cursor !== undefined, "bob sees alice");

    const raw = await openRaw(server, "aw-2", "bob");
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.AWARENESS);
    encoding.writeVarUint8Array(
      encoder,
      encodeAwarenessUpdate([
        { clientId: alice.doc.clientID, clock: 1000, state: { cursor: { anchor: 99 } } },
      ]),
    );
    raw.socket.send(encoding.toUint8Array(encoder));
    // A probe after the spoof: once it has synced, the server has processed the spoof.
    const probe = client("aw-2", "bob");
    await waitSynced(probe);
    await waitUntil(
      () => probe.provider.awareness.getStates().has(alice.doc.clientID),
      "probe sees alice",
    );
    expect(probe.provider.awareness.getStates().get(alice.doc.clientID)?.cursor).toEqual({
      anchor: 3,
    });
    expect(aliceState()?.cursor).toEqual({ anchor: 3 });
    raw.socket.close();
  });

  it("removes a participant's presence when the connection closes", async () => {
    server = await scope.start();
    server.tokens.set("alice", identity("alice"));
    server.tokens.set("bob", identity("bob"));
    const alice = client("aw-3", "alice");
    const bob = client("aw-3", "bob");
    await Promise.all([waitSynced(alice), waitSynced(bob)]);
    await waitUntil(
      () => alice.provider.awareness.getStates().has(bob.doc.clientID),
      "alice sees bob",
    );
    bob.provider.disconnect();
    await waitUntil(
      () => !alice.provider.awareness.getStates().has(bob.doc.clientID),
      "bob's presence removed",
    );
    bob.provider.connect();
    await waitUntil(
      () => alice.provider.awareness.getStates().has(bob.doc.clientID),
      "bob back after reconnect",
    );
  });
});
