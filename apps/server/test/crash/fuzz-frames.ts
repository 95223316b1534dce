import { encodeSyncFrame, MessageType, SyncMessageType } from "@runder-tisch/collab-protocol";
import * as encoding from "lib0/encoding";
import * as Y from "yjs";
import { randomInt } from "./random.ts";

/** One frame a hostile or confused client sends: binary, or a text frame. */
export interface FuzzFrame {
  data: Uint8Array | string;
  kind: string;
}

export interface FuzzContext {
  /** Valid updates of an unrelated document, raw material for near-valid garbage. */
  foreignUpdates: Uint8Array[];
  /** Another conference's id, for frames that embed a document name (Hocuspocus style). */
  otherDocumentId: string;
  /** The server's frame limit; `oversized` frames exceed it by a little. */
  maxMessageBytes: number;
}

const bytes = (random: () => number, length: number) =>
  Uint8Array.from({ length }, () => randomInt(random, 256));

function frame(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

/** A sync frame with any sub-type number, valid or not. */
const syncFrame = (subType: number, payload: Uint8Array) =>
  encodeSyncFrame(subType as SyncMessageType, payload);

/**
 * The state and updates of a document nobody else edits (its own root names, its own
 * clients), so that garbage derived from them cannot plausibly hit the text
 * the good clients write: any such change would be a legitimate edit, not a
 * server fault.
 */
export function foreignUpdates(count: number): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on("update", (update: Uint8Array) => updates.push(update));
  for (let i = 0; i < count; i++) {
    if (i % 3 === 0) doc.getMap("fuzzJunk").set(`k${i}`, { n: i, s: "x".repeat(i % 17) });
    else if (i % 3 === 1) doc.getText("fuzzJunkText").insert(0, `junk ${i} `);
    else doc.getArray("fuzzJunkList").push([i, `item ${i}`]);
  }
  // The whole state first: it applies on its own, so the server really takes
  // it (and mutations of it get deep into Yjs); the increments depend on
  // their predecessors and mostly end up pending.
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return [state, ...updates];
}

/** Flips, drops or inserts a few bytes: the near-valid input parsers handle worst. */
function mutate(random: () => number, source: Uint8Array): Uint8Array {
  const out = [...source];
  for (let n = 1 + randomInt(random, 4); n > 0; n--) {
    const at = randomInt(random, out.length + 1);
    const op = randomInt(random, 3);
    if (op === 0 && out.length > 0) out[at % out.length] = randomInt(random, 256);
    else if (op === 1) out.splice(at, 1);
    else out.splice(at, 0, randomInt(random, 256));
  }
  return Uint8Array.from(out);
}

/**
 * A frame from the whole zoo of wrong input; some are harmless (the server
 * answers or ignores them), most close the connection.
 */
export function generateFrame(random: () => number, context: FuzzContext): FuzzFrame {
  const int = (max: number) => randomInt(random, max);
  const foreign = () =>
    context.foreignUpdates[int(2) === 0 ? 0 : int(context.foreignUpdates.length)] ??
    new Uint8Array();
  switch (int(16)) {
    case 0:
      return { kind: "random bytes", data: bytes(random, int(64)) };
    case 1:
      return {
        kind: "truncated varint",
        data: Uint8Array.from({ length: 1 + int(4) }, () => 0x80 | int(128)),
      };
    case 2:
      return { kind: "overlong varint", data: new Uint8Array(10 + int(10)).fill(0xff) };
    case 3: {
      // Skips 0-3 and 100-102, the types the server knows.
      const type = [4 + int(96), 103 + int(1000), 2 ** 31 + int(1000)][int(3)] ?? 4;
      return {
        kind: "unknown type",
        data: frame((e) => {
          encoding.writeVarUint(e, type);
          encoding.writeUint8Array(e, bytes(random, int(8)));
        }),
      };
    }
    case 4:
      return {
        kind: "garbage update",
        data: syncFrame(SyncMessageType.STEP2 + int(2), bytes(random, int(48))),
      };
    case 5:
      return {
        kind: "huge length prefix",
        data: frame((e) => {
          encoding.writeVarUint(e, [MessageType.SYNC, MessageType.AWARENESS][int(2)] ?? 0);
          if (int(2) === 0) encoding.writeVarUint(e, SyncMessageType.UPDATE);
          encoding.writeVarUint(e, 2 ** (20 + int(33)) + int(1000));
          encoding.writeUint8Array(e, bytes(random, int(16)));
        }),
      };
    case 6:
      return {
        kind: "garbage state vector",
        data: syncFrame(SyncMessageType.STEP1, bytes(random, int(24))),
      };
    case 7:
      return {
        kind: "garbage awareness",
        data: frame((e) => {
          encoding.writeVarUint(e, MessageType.AWARENESS);
          encoding.writeVarUint8Array(e, bytes(random, int(32)));
        }),
      };
    case 8:
      return {
        kind: "mutated update",
        data: syncFrame(SyncMessageType.UPDATE, mutate(random, foreign())),
      };
    case 9: {
      const update = foreign();
      if (int(4) === 0) {
        // Valid, and applied: content the good clients never asked for, in
        // other root types. Later mutations then refer to items that exist.
        return { kind: "valid foreign update", data: syncFrame(SyncMessageType.UPDATE, update) };
      }
      return {
        kind: "truncated update",
        data: syncFrame(SyncMessageType.UPDATE, update.slice(0, int(update.length))),
      };
    }
    case 10: {
      // A multiplexing client (Hocuspocus) puts the document name first: here
      // another conference's id, which must not reach that document.
      const inner = syncFrame(SyncMessageType.UPDATE, foreign());
      return {
        kind: "embedded document id",
        data: frame((e) => {
          encoding.writeVarString(e, context.otherDocumentId);
          encoding.writeUint8Array(e, inner);
        }),
      };
    }
    case 11:
      return {
        kind: "server-only or extension frame",
        data: frame((e) => {
          encoding.writeVarUint(
            e,
            [MessageType.SAVED, MessageType.ROLE, MessageType.SUBSCRIBE_EXTENSIONS][int(3)] ?? 0,
          );
          encoding.writeVarUint(e, int(2 ** 31));
          if (int(2) === 0) encoding.writeUint8Array(e, bytes(random, 1 + int(4)));
        }),
      };
    case 12:
      return {
        kind: "text frame",
        data: ["hello", '{"type":"sync"}', "\u0000\u0001", "ü".repeat(int(50))][int(4)] ?? "",
      };
    case 13:
      // Rare: each one costs a full frame of bytes on the wire.
      if (int(4) === 0) {
        return {
          kind: "oversized",
          data: new Uint8Array(context.maxMessageBytes + 1 + int(1024)).fill(int(256)),
        };
      }
      return { kind: "empty frame", data: new Uint8Array(0) };
    case 14:
      return {
        kind: "sync sub-type out of range",
        data: frame((e) => {
          encoding.writeVarUint(e, MessageType.SYNC);
          encoding.writeVarUint(e, 3 + int(200));
          encoding.writeVarUint8Array(e, bytes(random, int(8)));
        }),
      };
    default:
      return benignFrame(random);
  }
}

/** Harmless on its own: a query, an empty step1, an AUTH frame the server ignores. */
export function benignFrame(random: () => number): FuzzFrame {
  switch (randomInt(random, 3)) {
    case 0:
      return { kind: "benign", data: Uint8Array.from([MessageType.QUERY_AWARENESS]) };
    case 1:
      return { kind: "benign", data: syncFrame(SyncMessageType.STEP1, Uint8Array.from([0])) };
    default:
      return {
        kind: "benign",
        data: Uint8Array.from([MessageType.AUTH, 0, randomInt(random, 256)]),
      };
  }
}

/** A frame every server must refuse whatever came before; ends each bad connection. */
export function closingFrame(random: () => number, context: FuzzContext): FuzzFrame {
  switch (randomInt(random, 5)) {
    case 0:
      return { kind: "text frame", data: "definitely not binary" };
    case 1:
      return { kind: "unknown type", data: Uint8Array.from([77, 1, 2, 3]) };
    case 2:
      return { kind: "overlong varint", data: new Uint8Array(12).fill(0xff) };
    case 3:
      // QUERY_AWARENESS must be alone in its frame.
      return { kind: "trailing bytes", data: Uint8Array.from([MessageType.QUERY_AWARENESS, 0]) };
    default:
      return {
        kind: "oversized",
        data: new Uint8Array(context.maxMessageBytes + 1).fill(7),
      };
  }
}

/** An awareness frame for one client id, as a stock client announces its cursor. */
export function awarenessFrame(clientId: number, clock: number, state: unknown): Uint8Array {
  const update = frame((e) => {
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint(e, clientId);
    encoding.writeVarUint(e, clock);
    encoding.writeVarString(e, JSON.stringify(state));
  });
  return frame((e) => {
    encoding.writeVarUint(e, MessageType.AWARENESS);
    encoding.writeVarUint8Array(e, update);
  });
}
