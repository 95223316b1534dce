/**
 * WebSocket close codes of the collaboration socket.
 *
 * y-websocket 3.x stops reconnecting for 4400-4499 ("the server decided,
 * retrying cannot help") and retries everything else with backoff. The codes
 * are chosen to fit that: a denial or a client bug that would repeat on every
 * reconnect is 44xx; a transient condition is 45xx or a standard code.
 */
export const CloseCode = {
  /** Server shuts down or restarts; reconnect (to another instance). */
  GOING_AWAY: 1001,
  /** Unexpected server error (e.g. the document could not be loaded); retry. */
  INTERNAL_ERROR: 1011,
  /** A frame that is not a valid protocol message, or an update Yjs rejects. */
  MALFORMED_MESSAGE: 4400,
  /** No valid session cookie or collab token (or it expired): re-authenticate. */
  UNAUTHORISED: 4401,
  /** Authenticated, but not invited to this conference (or no such conference). */
  FORBIDDEN: 4403,
  /** Access was withdrawn while connected (invitation revoked, conference finalised). */
  ACCESS_REVOKED: 4410,
  /** One frame exceeded the message size limit; it was not read. */
  MESSAGE_TOO_LARGE: 4413,
  /** Applying the update would push the document past its size limit; not applied. */
  DOCUMENT_TOO_LARGE: 4414,
  /** Awareness flood beyond the hard limit (normal bursts are coalesced, not closed). */
  RATE_LIMITED: 4429,
  /** The document is temporarily unavailable (storage down while loading); retry. */
  DOCUMENT_UNAVAILABLE: 4503,
  /** The server cannot confirm the connection's access right now (database unreachable); retry. */
  ACCESS_UNCONFIRMED: 4504,
  /** The client did not read fast enough and the server's send buffer overflowed; reconnect. */
  SLOW_CONSUMER: 4508,
} as const;
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

/** Close reasons are short English strings; the UI maps codes to German texts. */
export const closeReason: Record<CloseCode, string> = {
  [CloseCode.GOING_AWAY]: "server going away",
  [CloseCode.INTERNAL_ERROR]: "internal error",
  [CloseCode.MALFORMED_MESSAGE]: "malformed message",
  [CloseCode.UNAUTHORISED]: "unauthorised",
  [CloseCode.FORBIDDEN]: "forbidden",
  [CloseCode.ACCESS_REVOKED]: "access revoked",
  [CloseCode.MESSAGE_TOO_LARGE]: "message too large",
  [CloseCode.DOCUMENT_TOO_LARGE]: "document too large",
  [CloseCode.RATE_LIMITED]: "rate limited",
  [CloseCode.DOCUMENT_UNAVAILABLE]: "document unavailable",
  [CloseCode.ACCESS_UNCONFIRMED]: "access cannot be confirmed",
  [CloseCode.SLOW_CONSUMER]: "slow consumer",
};

/** Whether a client should reconnect on its own after this close code. */
export function isPermanentClose(code: number): boolean {
  return code >= 4400 && code < 4500;
}
