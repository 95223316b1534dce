import {
  CloseCode,
  decodeExtensionFrame,
  Extension,
  encodeSubscribeExtensions,
  encodeSyncFrame,
  SyncMessageType,
} from "@runder-tisch/collab-protocol";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  identity,
  openRaw,
  type RawClient,
  type TestServer,
  useCollabTestScope,
} from "../../test/collab-harness.ts";
import { waitUntil } from "../../test/wait.ts";

/*
 * When the host cannot vouch for an editor's access right now (its last check of
 * revocations is too old, e.g. the database is slow), the editor's updates wait for
 * a fresh check instead of costing the editor the connection; only a check that
 * fails closes it. Nothing waiting is applied before the answer.
 */

const scope = useCollabTestScope();

/** A host whose vouching the test switches, and whose fresh checks it answers by hand. */
function controlledHost() {
  const host = {
    vouches: true,
    asked: 0,
    answer: (_confirmed: boolean) => {},
    hooks: {
      mayApplyUpdates: () => host.vouches,
      confirmUpdates: () => {
        host.asked += 1;
        return new Promise<boolean>((resolve) => {
          host.answer = resolve;
        });
      },
    },
  };
  return host;
}

/** The ack counts the server sent this raw client (SAVED n: its first n update frames are durable). */
function savedCounts(raw: RawClient): number[] {
  return raw.messages.flatMap((message) => {
    const frame = decodeExtensionFrame(message);
    return frame?.type === "saved" ? [frame.durableCount] : [];
  });
}

/** Resolves once the server has read every frame sent before: ws answers a ping in order. */
function roundTrip(raw: RawClient): Promise<void> {
  return new Promise((resolve) => {
    raw.socket.once("pong", () => resolve());
    raw.socket.ping();
  });
}

/** An editor on a raw socket, joined (its SAVED 0 came back), with two edits ready to send. */
async function joinedEditor(server: TestServer, documentName: string) {
  server.tokens.set("x", identity("x"));
  const raw = await openRaw(server, documentName, "x");
  raw.socket.send(encodeSubscribeExtensions(Extension.ACKS));
  await waitUntil(() => savedCounts(raw).length === 1, "joined");
  const doc = new Y.Doc();
  const edits: Uint8Array[] = [];
  doc.on("update", (update: Uint8Array) => edits.push(update));
  doc.getText("t").insert(0, "eins ");
  doc.getText("t").insert(5, "zwei");
  const frames = edits.map((update) => encodeSyncFrame(SyncMessageType.UPDATE, update));
  return { raw, frames };
}

/** The host stops vouching; the editor sends its edits, and the server has read them all. */
async function sendUnvouched(
  host: ReturnType<typeof controlledHost>,
  raw: RawClient,
  frames: Uint8Array[],
): Promise<void> {
  host.vouches = false;
  for (const frame of frames) raw.socket.send(frame);
  await roundTrip(raw);
}

const stored = (server: TestServer, documentName: string) =>
  server.store.stateOf(documentName).getText("t").toString();

describe("an editor's updates while the host confirms access afresh", () => {
  it("wait unapplied, then are applied in order and acknowledged once it vouches", async () => {
    const host = controlledHost();
    const server = await scope.start({ hooks: host.hooks });
    const { raw, frames } = await joinedEditor(server, "conf-w1");

    await sendUnvouched(host, raw, frames);
    expect(host.asked).toBe(1);
    await server.collab.flush();
    expect(stored(server, "conf-w1")).toBe("");
    expect(savedCounts(raw)).toEqual([0]);

    host.vouches = true;
    host.answer(true);
    await waitUntil(() => savedCounts(raw).at(-1) === 2, "both frames acknowledged");
    expect(stored(server, "conf-w1")).toBe("eins zwei");
    expect(raw.socket.readyState).toBe(raw.socket.OPEN);
    // One question for the whole wait, not one per frame.
    expect(host.asked).toBe(1);
  });

  it("close the connection unapplied when the host cannot vouch", async () => {
    const host = controlledHost();
    const server = await scope.start({ hooks: host.hooks });
    const { raw, frames } = await joinedEditor(server, "conf-w2");

    await sendUnvouched(host, raw, frames);
    host.answer(false);
    expect((await raw.closed).code).toBe(CloseCode.ACCESS_UNCONFIRMED);
    await server.collab.flush();
    expect(stored(server, "conf-w2")).toBe("");
  });

  it("are dropped with the connection when a re-check meanwhile revokes it", async () => {
    const host = controlledHost();
    const server = await scope.start({ hooks: host.hooks });
    const { raw, frames } = await joinedEditor(server, "conf-w3");

    await sendUnvouched(host, raw, frames);
    // A waiting connection is still open to the re-check of access.
    expect(server.collab.listConnections().map((c) => c.userId)).toEqual(["x"]);
    server.collab.closeConnections((c) => c.userId === "x", CloseCode.ACCESS_REVOKED);
    host.vouches = true;
    host.answer(true);
    expect((await raw.closed).code).toBe(CloseCode.ACCESS_REVOKED);
    await server.collab.flush();
    expect(stored(server, "conf-w3")).toBe("");
  });

  it("close at once when the host has no way to ask afresh", async () => {
    let vouches = true;
    const server = await scope.start({ hooks: { mayApplyUpdates: () => vouches } });
    const { raw, frames } = await joinedEditor(server, "conf-w4");

    vouches = false;
    raw.socket.send(frames[0] ?? new Uint8Array());
    expect((await raw.closed).code).toBe(CloseCode.ACCESS_UNCONFIRMED);
    expect(stored(server, "conf-w4")).toBe("");
  });
});
