import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { describe, expect, it } from "vitest";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import {
  decodeExtensionFrame,
  encodeRoleNotice,
  encodeSaved,
  encodeSubscribeExtensions,
  encodeSyncFrame,
  isDocumentUpdateFrame,
  readRolePayload,
  readSavedPayload,
} from "./frames.ts";
import { Extension, MessageType, SyncMessageType } from "./message-types.ts";

describe("collab-protocol frames", () => {
  it("encodes sync frames exactly as y-protocols does", () => {
    const doc = new Y.Doc();
    doc.getText("notes").insert(0, "Ziel: Aufenthalt sichern");
    const expected = encoding.createEncoder();
    encoding.writeVarUint(expected, MessageType.SYNC);
    syncProtocol.writeSyncStep1(expected, doc);
    expect(encodeSyncFrame(SyncMessageType.STEP1, Y.encodeStateVector(doc))).toEqual(
      encoding.toUint8Array(expected),
    );
  });

  it("encodes and decodes extension frames", () => {
    expect(encodeSubscribeExtensions(Extension.ACKS | Extension.ROLE)).toEqual(
      Uint8Array.from([MessageType.SUBSCRIBE_EXTENSIONS, 3]),
    );
    expect(decodeExtensionFrame(encodeSaved(1000))).toEqual({ type: "saved", durableCount: 1000 });
    expect(decodeExtensionFrame(encodeRoleNotice("observer"))).toEqual({
      type: "role",
      role: "observer",
    });
    expect(decodeExtensionFrame(Uint8Array.from([0, 0, 1, 0]))).toBeNull();
  });

  it("reads SAVED and ROLE payloads the way a provider's message handler gets them", () => {
    const saved = decoding.createDecoder(encodeSaved(300));
    expect(decoding.readVarUint(saved)).toBe(MessageType.SAVED);
    expect(readSavedPayload(saved)).toBe(300);
    const role = decoding.createDecoder(encodeRoleNotice("editor"));
    expect(decoding.readVarUint(role)).toBe(MessageType.ROLE);
    expect(readRolePayload(role)).toBe("editor");
  });

  it("refuses truncated and overlong frames instead of throwing", () => {
    expect(decodeExtensionFrame(Uint8Array.from([MessageType.SAVED, 0x80, 0x80]))).toBeNull();
    expect(decodeExtensionFrame(new Uint8Array(12).fill(0xff))).toBeNull();
    expect(isDocumentUpdateFrame(Uint8Array.from([0, 0x80]))).toBe(false);
  });

  it("recognises the frames that count for acks", () => {
    expect(isDocumentUpdateFrame(Uint8Array.from([0, 1, 2, 0, 0]))).toBe(true);
    expect(isDocumentUpdateFrame(Uint8Array.from([0, 2, 2, 0, 0]))).toBe(true);
    expect(isDocumentUpdateFrame(Uint8Array.from([0, 0, 0]))).toBe(false);
    expect(isDocumentUpdateFrame(Uint8Array.from([1, 0]))).toBe(false);
  });
});
