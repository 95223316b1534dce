import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import {
  type CollabRole,
  decodeRole,
  encodeRole,
  MessageType,
  SyncMessageType,
} from "./message-types.ts";

/*
 * Every frame of the collaboration socket, encoded and decoded in one place
 * with lib0 (the encoding y-protocols uses), for the server and the browser.
 */

function frame(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

/** A y-protocols sync message: step1 (a state vector), step2 or update (a Yjs update). */
export function encodeSyncFrame(subType: SyncMessageType, payload: Uint8Array): Uint8Array {
  return frame((encoder) => {
    encoding.writeVarUint(encoder, MessageType.SYNC);
    encoding.writeVarUint(encoder, subType);
    encoding.writeVarUint8Array(encoder, payload);
  });
}

/** A y-protocols awareness message carrying an encoded awareness update. */
export function encodeAwarenessFrame(update: Uint8Array): Uint8Array {
  return frame((encoder) => {
    encoding.writeVarUint(encoder, MessageType.AWARENESS);
    encoding.writeVarUint8Array(encoder, update);
  });
}

const extensionFrame = (type: MessageType, payload: number) =>
  frame((encoder) => {
    encoding.writeVarUint(encoder, type);
    encoding.writeVarUint(encoder, payload);
  });

export function encodeSubscribeExtensions(flags: number): Uint8Array {
  return extensionFrame(MessageType.SUBSCRIBE_EXTENSIONS, flags);
}

export function encodeSaved(durableCount: number): Uint8Array {
  return extensionFrame(MessageType.SAVED, durableCount);
}

export function encodeRoleNotice(role: CollabRole): Uint8Array {
  return extensionFrame(MessageType.ROLE, encodeRole(role));
}

/** SAVED's payload, for a provider's message handler (the type was read already). */
export const readSavedPayload = (decoder: decoding.Decoder): number =>
  decoding.readVarUint(decoder);

/** ROLE's payload, for a provider's message handler; null for a role this client does not know. */
export const readRolePayload = (decoder: decoding.Decoder): CollabRole | null =>
  decodeRole(decoding.readVarUint(decoder));

export type ExtensionFrame =
  | { type: "saved"; durableCount: number }
  | { type: "role"; role: CollabRole };

/** The leading varuints of a frame, or null when it is truncated or a number is out of range. */
function readHeader(bytes: Uint8Array, count: number): { values: number[]; rest: number } | null {
  try {
    const decoder = decoding.createDecoder(bytes);
    const values: number[] = [];
    for (let index = 0; index < count; index += 1) values.push(decoding.readVarUint(decoder));
    return { values, rest: decoder.arr.length - decoder.pos };
  } catch {
    return null;
  }
}

/** Decodes SAVED / ROLE frames; null for anything else (incl. y-websocket frames). */
export function decodeExtensionFrame(bytes: Uint8Array): ExtensionFrame | null {
  const header = readHeader(bytes, 2);
  if (header === null || header.rest !== 0) return null;
  const [type, payload] = header.values as [number, number];
  if (type === MessageType.SAVED) return { type: "saved", durableCount: payload };
  if (type === MessageType.ROLE) {
    const role = decodeRole(payload);
    return role === null ? null : { type: "role", role };
  }
  return null;
}

/**
 * True for frames the server counts for SAVED acks (sync step2 and sync update).
 * A client wraps its socket's `send` with this to know how many it sent.
 */
export function isDocumentUpdateFrame(bytes: Uint8Array): boolean {
  const header = readHeader(bytes, 2);
  if (header === null || header.values[0] !== MessageType.SYNC) return false;
  const sub = header.values[1];
  return sub === SyncMessageType.STEP2 || sub === SyncMessageType.UPDATE;
}
