import {
  CloseCode,
  encodeAwarenessFrame,
  encodeSyncFrame,
  MessageType,
  SyncMessageType,
} from "@runder-tisch/collab-protocol";
import * as decoding from "lib0/decoding";
import * as awarenessProtocol from "y-protocols/awareness";
import * as Y from "yjs";
import {
  type AwarenessEntry,
  decodeAwarenessUpdate,
  encodeAwarenessUpdate,
  stampIdentity,
} from "./awareness-codec.ts";
import type { Connection } from "./connection.ts";
import type { DocumentSession } from "./document-session.ts";

/** A close decision: the caller closes the connection with this code. */
export class ProtocolViolation extends Error {
  constructor(
    readonly closeCode: CloseCode,
    message: string,
  ) {
    super(message);
  }
}

function malformed(message: string): ProtocolViolation {
  return new ProtocolViolation(CloseCode.MALFORMED_MESSAGE, message);
}

function expectEnd(decoder: decoding.Decoder): void {
  if (decoding.hasContent(decoder)) throw malformed("trailing bytes");
}

/**
 * What became of a frame: handled, or left untouched because the host cannot vouch
 * for the editor's access right now (the caller holds it until the host can).
 */
export type FrameOutcome = "handled" | "awaiting-access";

/**
 * Handles one frame of a ready connection. Throws ProtocolViolation (or any
 * decoding error, which the caller treats as malformed) to close the connection.
 */
export function handleFrame(
  session: DocumentSession,
  connection: Connection,
  bytes: Uint8Array,
): FrameOutcome {
  const decoder = decoding.createDecoder(bytes);
  const type = decoding.readVarUint(decoder);
  if (type === MessageType.SYNC) return handleSync(session, connection, decoder);
  handleOtherFrame(session, connection, type, decoder);
  return "handled";
}

function handleOtherFrame(
  session: DocumentSession,
  connection: Connection,
  type: number,
  decoder: decoding.Decoder,
): void {
  switch (type) {
    case MessageType.AWARENESS: {
      const update = decoding.readVarUint8Array(decoder);
      expectEnd(decoder);
      handleAwareness(session, connection, decodeAwarenessUpdate(update));
      return;
    }
    case MessageType.AUTH:
      // Clients have nothing to say here; authentication happens on connect.
      return;
    case MessageType.QUERY_AWARENESS: {
      expectEnd(decoder);
      const clients = [...session.awareness.getStates().keys()];
      connection.send(
        encodeAwarenessFrame(awarenessProtocol.encodeAwarenessUpdate(session.awareness, clients)),
      );
      return;
    }
    case MessageType.SUBSCRIBE_EXTENSIONS: {
      const flags = decoding.readVarUint(decoder);
      expectEnd(decoder);
      connection.setExtensions(flags);
      return;
    }
    default:
      throw malformed(`unknown message type ${type}`);
  }
}

function handleSync(
  session: DocumentSession,
  connection: Connection,
  decoder: decoding.Decoder,
): FrameOutcome {
  const subType = decoding.readVarUint(decoder);
  const payload = decoding.readVarUint8Array(decoder);
  expectEnd(decoder);
  if (subType === SyncMessageType.STEP1) {
    // Throws for a malformed state vector, which closes the connection as malformed.
    connection.send(
      encodeSyncFrame(SyncMessageType.STEP2, Y.encodeStateAsUpdate(session.doc, payload)),
    );
    return "handled";
  }
  if (subType !== SyncMessageType.STEP2 && subType !== SyncMessageType.UPDATE) {
    throw malformed(`unknown sync message type ${subType}`);
  }
  // Before the frame takes its number: a held frame is handled again, whole, later.
  if (connection.isEditor && !session.mayApplyUpdatesOf(connection)) return "awaiting-access";
  const seq = connection.nextUpdateSeq();
  if (!connection.isEditor) {
    // Observers: drop, do not apply, do not close. Closing would cut them off
    // from the live document, and a stock client re-sends its step2 on every
    // reconnect anyway. The dropped frame counts as processed for SAVED acks;
    // the ROLE extension tells a client that it is read-only.
    connection.maybeAck();
    return "handled";
  }
  connection.currentSeq = seq;
  let closeCode: CloseCode | null;
  try {
    closeCode = session.applyClientUpdate(connection, payload);
  } finally {
    connection.currentSeq = null;
  }
  if (closeCode !== null) throw new ProtocolViolation(closeCode, "update refused");
  // Covers updates that changed nothing (duplicates, empty step2).
  connection.maybeAck();
  return "handled";
}

function handleAwareness(
  session: DocumentSession,
  connection: Connection,
  entries: AwarenessEntry[],
): void {
  // Stock clients echo everybody's awareness back; entries for clientIDs this
  // connection does not own are dropped silently, which also makes spoofing
  // another participant's presence impossible.
  const own = entries.filter((entry) => mayClaim(session, connection, entry));
  if (own.length === 0) return;
  if (!connection.awarenessHard.tryTake()) {
    throw new ProtocolViolation(CloseCode.RATE_LIMITED, "awareness flood");
  }
  if (!connection.awarenessSoft.tryTake()) {
    // Over the soft limit: keep only the newest state per client and deliver it
    // when a token is free, so the last cursor position is never lost.
    for (const entry of own) connection.deferredAwareness.set(entry.clientId, entry);
    scheduleDeferred(session, connection);
    return;
  }
  applyOwnAwareness(session, connection, own);
}

/**
 * A connection owns one clientID: the first it announces a state for (a stock
 * client sends its own state right on open, before it can echo anybody else's).
 * Echoed removals (null) never claim, so a client that left can rejoin.
 */
function mayClaim(
  session: DocumentSession,
  connection: Connection,
  entry: AwarenessEntry,
): boolean {
  if (connection.ownedClientIds.has(entry.clientId)) return true;
  if (connection.ownedClientIds.size > 0 || entry.state === null) return false;
  if (session.awareness.getStates().has(entry.clientId)) return false;
  for (const other of session.connections) {
    if (other !== connection && other.ownedClientIds.has(entry.clientId)) return false;
  }
  return true;
}

function applyOwnAwareness(
  session: DocumentSession,
  connection: Connection,
  entries: AwarenessEntry[],
): void {
  const identity = connection.identity;
  if (identity === null) return;
  const states = session.awareness.getStates();
  const stamped: AwarenessEntry[] = [];
  for (const entry of entries) {
    connection.ownedClientIds.add(entry.clientId);
    const present = states.has(entry.clientId);
    if (entry.state === null && !present) continue;
    const knownClock = session.awareness.meta.get(entry.clientId)?.clock ?? 0;
    // A client that (re)joins keeps its old clock, which peers still remember
    // from before it left (and a brand-new client starts at 0, which no peer
    // accepts). Bump it past what everybody knows; the echo teaches the client
    // the new clock, so its next update is accepted too.
    const clock = !present && entry.clock <= knownClock ? knownClock + 1 : entry.clock;
    stamped.push({ clientId: entry.clientId, clock, state: stampIdentity(entry.state, identity) });
  }
  if (stamped.length === 0) return;
  awarenessProtocol.applyAwarenessUpdate(
    session.awareness,
    encodeAwarenessUpdate(stamped),
    connection,
  );
}

function scheduleDeferred(session: DocumentSession, connection: Connection): void {
  if (connection.deferredTimer !== null) return;
  connection.deferredTimer = setTimeout(() => {
    connection.deferredTimer = null;
    if (connection.status !== "ready" || session.closing) return;
    if (!connection.awarenessSoft.tryTake()) {
      scheduleDeferred(session, connection);
      return;
    }
    const entries = [...connection.deferredAwareness.values()];
    connection.deferredAwareness.clear();
    applyOwnAwareness(session, connection, entries);
  }, connection.awarenessSoft.msUntilNext());
}
