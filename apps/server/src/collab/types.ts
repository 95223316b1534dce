import type { CloseCode, CollabRole } from "@runder-tisch/collab-protocol";
import type * as Y from "yjs";
import type { CollabBus } from "./bus.ts";

/** Who is behind a connection; decided by the `authenticate` hook, never by the client. */
export interface CollabIdentity {
  userId: string;
  userName: string;
  agencyId: string;
  agencyName: string;
  role: CollabRole;
  /** What the connection was admitted with (e.g. a session), so the host can end it with it. */
  credential?: string;
}

/** Whatever the transport knows about the request (its caller, a token query parameter, ip). */
export interface CollabAuthContext {
  /** What the host application already resolved about the caller (e.g. its session); opaque here. */
  principal?: unknown;
  token?: string | undefined;
  remoteAddress?: string | undefined;
}

/** What revocation and role switches match on. */
export interface ConnectionInfo extends CollabIdentity {
  connectionId: number;
  documentName: string;
}

export interface StoredDocument {
  /** Compacted state (Y.encodeStateAsUpdate), or null for a new document. */
  snapshot: Uint8Array | null;
  /** Updates written after the snapshot, oldest first. */
  updates: Uint8Array[];
}

export interface PendingUpdate {
  documentName: string;
  /** One Yjs v1 update as emitted by the server's Y.Doc (the effective change). */
  update: Uint8Array;
  /** "system" for changes the server made itself (see CollabServer.transact). */
  userId: string;
  agencyId: string | null;
  at: Date;
}

export interface ChangeEvent {
  documentName: string;
  doc: Y.Doc;
  update: Uint8Array;
  /** null when the change came from another server instance through the bus. */
  actor: { userId: string; agencyId: string | null } | null;
}

export interface UnloadEvent {
  documentName: string;
  /** Still readable here; compaction can call Y.encodeStateAsUpdate(doc). Destroyed afterwards. */
  doc: Y.Doc;
}

export interface CollabHooks {
  /**
   * Resolve the identity for this document or throw. Throw `CollabDeniedError`
   * to choose the close code (UNAUTHORISED / FORBIDDEN); any other error closes
   * with INTERNAL_ERROR.
   */
  authenticate(input: {
    documentName: string;
    context: CollabAuthContext;
  }): Promise<CollabIdentity>;
  loadDocument(documentName: string): Promise<StoredDocument>;
  /** Resolve only once every update in the batch is durable; reject to retry the whole batch. */
  persistUpdates(batch: PendingUpdate[]): Promise<void>;
  /** After an update was applied (before it is durable). Errors are logged, never fatal. */
  onChange?(event: ChangeEvent): void | Promise<void>;
  /** The document leaves memory: no connections, all writes flushed. */
  onUnload?(event: UnloadEvent): void | Promise<void>;
  /**
   * Whether the host can vouch, right now, for this editor's right to change the
   * document. When it cannot, the update is not applied: the connection's frames are
   * held while `confirmUpdates` asks afresh, or, without that hook, the connection is
   * closed with ACCESS_UNCONFIRMED and the client sends the change after reconnecting.
   */
  mayApplyUpdates?(info: ConnectionInfo): boolean;
  /**
   * Asked when `mayApplyUpdates` said no: resolves true once the host could vouch
   * again, with a check begun after the question, or false when it cannot (closed with
   * ACCESS_UNCONFIRMED). On true the held frames are handled in order as if they had
   * just come, so each asks `mayApplyUpdates` again. A slow check thus delays an
   * editor's typing instead of cutting the editor off.
   */
  confirmUpdates?(info: ConnectionInfo): Promise<boolean>;
}

export interface CollabLogger {
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}

export interface CollabLimits {
  maxMessageBytes: number;
  maxDocumentBytes: number;
  /**
   * Content waiting for a dependency that has not arrived (Yjs' pending store). It
   * counts toward maxDocumentBytes and is bounded on its own: nobody sees it, and every
   * new piece is merged into all of it, so a flood of it would grow memory and stall
   * the server without ever showing up in the document.
   */
  maxPendingBytes: number;
  /** Awareness updates per second a connection may send on average (extra ones are coalesced). */
  awarenessPerSecond: number;
  awarenessBurst: number;
  /** Beyond this rate the connection is closed with RATE_LIMITED. */
  awarenessHardPerSecond: number;
  awarenessHardBurst: number;
  /**
   * Frames a connection may have waiting: before it is authenticated and the document
   * is loaded, or while the host confirms an editor's access afresh.
   */
  maxQueuedBeforeReady: number;
}

/** Where a change of a loaded document came from. */
export type UpdateSource = "client" | "server" | "peer";

/**
 * Figures for monitoring; every method is optional. They run on the hot path, so
 * they should be cheap; an observer that throws is ignored, never fatal.
 */
export interface CollabObserver {
  /** A change reached a loaded document: from a client, the server itself, or another node. */
  onUpdateApplied?(source: UpdateSource): void;
  /** One update became durable, `latencyMs` after it was queued for storage. */
  onPersisted?(latencyMs: number): void;
  /** A client's update was confirmed with a SAVED acknowledgement, `latencyMs` after it was accepted. */
  onAcknowledged?(latencyMs: number): void;
  /** The server closed a socket with this code (refused frame, limit, denial, revocation, shutdown). */
  onSocketClosed?(code: number): void;
  /** This node received one of its own bus messages back, `latencyMs` after publishing it. */
  onBusRoundTrip?(latencyMs: number): void;
}

export interface CollabServerOptions {
  hooks: CollabHooks;
  observer?: CollabObserver;
  limits?: Partial<CollabLimits>;
  /** Idle time before an unused document is unloaded; default 10 s, capped at 30 s. */
  idleUnloadMs?: number;
  /** Upper bound of entries per persistUpdates call. */
  maxBatchSize?: number;
  /** First retry delay after persistUpdates rejected; doubles up to retryMaxMs. */
  retryBaseMs?: number;
  retryMaxMs?: number;
  bus?: CollabBus;
  /** How often a loaded document re-checks with other instances (anti-entropy). Default 15 s. */
  busResyncMs?: number;
  logger?: CollabLogger;
}

export interface CollabTransport {
  send(bytes: Uint8Array): void;
  close(code: number, reason: string): void;
}

/** Thrown by `authenticate` to refuse a connection with a specific close code. */
export class CollabDeniedError extends Error {
  constructor(
    readonly closeCode: CloseCode,
    message: string,
  ) {
    super(message);
    this.name = "CollabDeniedError";
  }
}
