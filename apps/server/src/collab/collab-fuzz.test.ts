import { CloseCode, MessageType } from "@runder-tisch/collab-protocol";
import * as encoding from "lib0/encoding";
import { afterEach, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import {
  connectClient,
  identity,
  startTestServer,
  type TestClient,
  type TestServer,
  waitSynced,
} from "../../test/collab-harness.ts";
import { waitUntil } from "../../test/wait.ts";

let server: TestServer;
const clients: TestClient[] = [];

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await server?.close();
});

/** Seeded PRNG (mulberry32), so a failure reproduces with the same frames. */
function createRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generateFrame(random: () => number): Uint8Array {
  const int = (max: number) => Math.floor(random() * max);
  const bytes = (length: number) => Uint8Array.from({ length }, () => int(256));
  const encoder = encoding.createEncoder();
  switch (int(8)) {
    case 0:
      return bytes(int(64));
    case 1: // truncated varint
      return Uint8Array.from({ length: 1 + int(4) }, () => 0x80 | int(128));
    case 2: // huge length prefix inside a sync update
      encoding.writeVarUint(encoder, MessageType.SYNC);
      encoding.writeVarUint(encoder, 2);
      encoding.writeVarUint(encoder, 2 ** 40 + int(1000));
      encoding.writeUint8Array(encoder, bytes(int(16)));
      return encoding.toUint8Array(encoder);
    case 3: // unknown message type
      encoding.writeVarUint(encoder, 4 + int(90));
      encoding.writeUint8Array(encoder, bytes(int(8)));
      return encoding.toUint8Array(encoder);
    case 4: // well-framed sync update with garbage inside
      encoding.writeVarUint(encoder, MessageType.SYNC);
      encoding.writeVarUint(encoder, 1 + int(2));
      encoding.writeVarUint8Array(encoder, bytes(int(48)));
      return encoding.toUint8Array(encoder);
    case 5: // well-framed awareness with garbage inside
      encoding.writeVarUint(encoder, MessageType.AWARENESS);
      encoding.writeVarUint8Array(encoder, bytes(int(32)));
      return encoding.toUint8Array(encoder);
    case 6: // step1 with a garbage state vector
      encoding.writeVarUint(encoder, MessageType.SYNC);
      encoding.writeVarUint(encoder, 0);
      encoding.writeVarUint8Array(encoder, bytes(int(24)));
      return encoding.toUint8Array(encoder);
    default: // overlong varint
      return Uint8Array.from({ length: 10 + int(10) }, () => 0xff);
  }
}

/** Opens a socket, fires its frames without waiting, resolves when the server is done with it. */
function fireConnection(url: string, frames: Uint8Array[]): Promise<number> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url);
    socket.on("error", () => {});
    socket.on("open", () => {
      for (const frame of frames) socket.send(frame);
      // Frames that left the server nothing to do with leave the socket open.
      setTimeout(() => socket.close(), 50);
    });
    socket.on("close", (code) => resolve(code));
  });
}

describe("fuzzing", () => {
  it("keeps serving a good client while thousands of bad frames arrive", async () => {
    server = await startTestServer();
    server.tokens.set("good", identity("good"));
    server.tokens.set("fuzzer", identity("fuzzer"));
    const good = connectClient(server, "fz-1", "good");
    clients.push(good);
    await waitSynced(good);

    const random = createRandom(20240611);
    let editing = true;
    let expected = "";
    const editor = (async () => {
      for (let i = 0; editing; i++) {
        const piece = `[${i}]`;
        good.doc.getText("t").insert(good.doc.getText("t").length, piece);
        expected += piece;
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
    })();

    let framesSent = 0;
    const closeCodes = new Map<number, number>();
    // Few frames per connection: the first bad one closes it, so many
    // connections are needed for thousands of frames to be parsed.
    for (let round = 0; round < 25; round++) {
      const connections = Array.from({ length: 30 }, (_, i) => {
        const frames = Array.from({ length: 4 }, () => generateFrame(random));
        framesSent += frames.length;
        // Every fourth connection has no valid token: frames queue until it is refused.
        const token = i % 4 === 0 ? "nope" : "fuzzer";
        return fireConnection(`${server.url}/fz-1?token=${token}`, frames);
      });
      for (const code of await Promise.all(connections))
        closeCodes.set(code, (closeCodes.get(code) ?? 0) + 1);
    }
    editing = false;
    await editor;
    expect(framesSent).toBeGreaterThanOrEqual(3000);
    // 1005: our own close after frames the server had no objection to.
    expect([...closeCodes.keys()].every((code) => [4400, 4401, 1005].includes(code))).toBe(true);
    expect(closeCodes.get(CloseCode.MALFORMED_MESSAGE)).toBeGreaterThan(400);

    expect(good.closes).toEqual([]);
    await server.collab.flush();
    const fresh = connectClient(server, "fz-1", "good");
    clients.push(fresh);
    await waitUntil(
      () => fresh.doc.getText("t").toString() === expected,
      "fresh client sees the good edits",
    );
    expect(good.doc.getText("t").toString()).toBe(expected);
    expect(server.store.stateOf("fz-1").getText("t").toString()).toBe(expected);
  }, 25_000);
});
