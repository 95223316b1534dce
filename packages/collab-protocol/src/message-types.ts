/**
 * Message types of the collaboration socket. Every binary frame starts with one
 * of these as a varuint (lib0 encoding), followed by the type's payload.
 *
 * 0-3 are the stock y-websocket protocol, so an unmodified `WebsocketProvider`
 * works. 100+ are ours; the server sends them only to a connection that opted in
 * with `SUBSCRIBE_EXTENSIONS`, because a stock provider logs an error for every
 * message type it does not know.
 */
export const MessageType = {
  /** y-protocols sync: step1 (0), step2 (1) or update (2) follows. */
  SYNC: 0,
  /** y-protocols awareness update (varUint8Array). */
  AWARENESS: 1,
  /** y-protocols auth; the server does not use it (close codes carry denials). */
  AUTH: 2,
  /** Ask for all awareness states; answered with AWARENESS. */
  QUERY_AWARENESS: 3,
  /**
   * Server -> client, only after SUBSCRIBE_EXTENSIONS with `Extension.ACKS`.
   * Payload: varuint n = how many of this connection's document-update frames
   * (sync step2 + sync update, counted from 1 per connection) are processed and
   * durable. It only ever grows.
   */
  SAVED: 100,
  /**
   * Client -> server. Payload: varuint bit set of `Extension`. May be sent again
   * to change the set; the server answers with the current state (SAVED and/or
   * ROLE) right away so the client never waits for the next event.
   */
  SUBSCRIBE_EXTENSIONS: 101,
  /**
   * Server -> client, only after SUBSCRIBE_EXTENSIONS with `Extension.ROLE`.
   * Payload: varuint `RoleCode`. Sent on subscribe and whenever the role changes
   * at runtime (e.g. an editor is made read-only).
   */
  ROLE: 102,
} as const;
export type MessageType = (typeof MessageType)[keyof typeof MessageType];

/** Sub-types inside a SYNC message (same numbers as y-protocols/sync). */
export const SyncMessageType = {
  STEP1: 0,
  STEP2: 1,
  UPDATE: 2,
} as const;
export type SyncMessageType = (typeof SyncMessageType)[keyof typeof SyncMessageType];

/** Bits of the SUBSCRIBE_EXTENSIONS payload. */
export const Extension = {
  ACKS: 1,
  ROLE: 2,
} as const;
export type Extension = (typeof Extension)[keyof typeof Extension];

export const RoleCode = {
  EDITOR: 0,
  OBSERVER: 1,
} as const;
export type RoleCode = (typeof RoleCode)[keyof typeof RoleCode];

export type CollabRole = "editor" | "observer";

export function encodeRole(role: CollabRole): RoleCode {
  return role === "editor" ? RoleCode.EDITOR : RoleCode.OBSERVER;
}

export function decodeRole(code: number): CollabRole | null {
  if (code === RoleCode.EDITOR) return "editor";
  if (code === RoleCode.OBSERVER) return "observer";
  return null;
}
