import {
  type CollabRole,
  decodeRole,
  encodeRole,
  MessageType,
  SyncMessageType,
} from "./message-types.ts";

/*
 * Minimal lib0-compatible varuint helpers for our extension frames, so the web
 * app can speak them without importing lib0 here (this package has no deps).
 */

export function writeVarUint(out: number[], value: number): void {
  let n = value;
  while (n > 0x7f) {
    out.push(0x80 | (n & 0x7f));
    n = Math.floor(n / 128);
  }
  out.push(n & 0x7f);
}

/** Reads a varuint at `offset`; null if truncated or beyond 2^53. */
export function readVarUint(
  bytes: Uint8Array,
  offset: number,
): { value: number; next: number } | null {
  let value = 0;
  let mult = 1;
  for (let i = offset; i < bytes.length; i++) {
    const byte = bytes[i] as number;
    value += (byte & 0x7f) * mult;
    if (byte < 0x80) return { value, next: i + 1 };
    mult *= 128;
    if (value > Number.MAX_SAFE_INTEGER) return null;
  }
  return null;
}

function frame(type: number, payload: number): Uint8Array {
  const out: number[] = [];
  writeVarUint(out, type);
  writeVarUint(out, payload);
  return Uint8Array.from(out);
}

export function encodeSubscribeExtensions(flags: number): Uint8Array {
  return frame(MessageType.SUBSCRIBE_EXTENSIONS, flags);
}

export function encodeSaved(durableCount: number): Uint8Array {
  return frame(MessageType.SAVED, durableCount);
}

export function encodeRoleNotice(role: CollabRole): Uint8Array {
  return frame(MessageType.ROLE, encodeRole(role));
}

export type ExtensionFrame =
  | { type: "saved"; durableCount: number }
  | { type: "role"; role: CollabRole };

/** Decodes SAVED / ROLE frames; null for anything else (incl. y-websocket frames). */
export function decodeExtensionFrame(bytes: Uint8Array): ExtensionFrame | null {
  const type = readVarUint(bytes, 0);
  if (type === null) return null;
  const payload = readVarUint(bytes, type.next);
  if (payload === null || payload.next !== bytes.length) return null;
  if (type.value === MessageType.SAVED) return { type: "saved", durableCount: payload.value };
  if (type.value === MessageType.ROLE) {
    const role = decodeRole(payload.value);
    return role === null ? null : { type: "role", role };
  }
  return null;
}

/**
 * True for frames the server counts for SAVED acks (sync step2 and sync update).
 * A client wraps its socket's `send` with this to know how many it sent.
 */
export function isDocumentUpdateFrame(bytes: Uint8Array): boolean {
  const type = readVarUint(bytes, 0);
  if (type === null || type.value !== MessageType.SYNC) return false;
  const sub = readVarUint(bytes, type.next);
  return (
    sub !== null && (sub.value === SyncMessageType.STEP2 || sub.value === SyncMessageType.UPDATE)
  );
}
