import { describe, expect, it } from "vitest";
import {
  decodeExtensionFrame,
  encodeRoleNotice,
  encodeSaved,
  encodeSubscribeExtensions,
  isDocumentUpdateFrame,
  readVarUint,
  writeVarUint,
} from "./frames.ts";
import { Extension, MessageType } from "./message-types.ts";

describe("collab-protocol frames", () => {
  it("round-trips varuints like lib0 (7 bits per byte, little end first)", () => {
    for (const value of [0, 1, 127, 128, 300, 2 ** 31, Number.MAX_SAFE_INTEGER]) {
      const out: number[] = [];
      writeVarUint(out, value);
      expect(readVarUint(Uint8Array.from(out), 0)).toEqual({ value, next: out.length });
    }
    const out: number[] = [];
    writeVarUint(out, 300);
    expect(out).toEqual([0xac, 0x02]);
  });

  it("rejects truncated and overlong varuints", () => {
    expect(readVarUint(Uint8Array.from([0x80, 0x80]), 0)).toBeNull();
    expect(readVarUint(new Uint8Array(12).fill(0xff), 0)).toBeNull();
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

  it("recognises the frames that count for acks", () => {
    expect(isDocumentUpdateFrame(Uint8Array.from([0, 1, 2, 0, 0]))).toBe(true);
    expect(isDocumentUpdateFrame(Uint8Array.from([0, 2, 2, 0, 0]))).toBe(true);
    expect(isDocumentUpdateFrame(Uint8Array.from([0, 0, 0]))).toBe(false);
    expect(isDocumentUpdateFrame(Uint8Array.from([1, 0]))).toBe(false);
  });
});
