import { randomUUID } from "node:crypto";
import {
  CloseCode,
  type CollabRole,
  closeReason,
  DEFAULT_COLLAB_LIMITS,
  encodeAwarenessFrame,
  encodeSyncFrame,
  SyncMessageType,
} from "@runder-tisch/collab-protocol";
import * as awarenessProtocol from "y-protocols/awareness";
import * as Y from "yjs";
import { Connection } from "./connection.ts";
import { DocumentSession, type SessionContext } from "./document-session.ts";
import { handleFrame, ProtocolViolation } from "./message-handler.ts";
import { BusRoundTrip, guardObserver } from "./observer.ts";
import { type ServerActor, ServerOrigin } from "./origins.ts";
import { PersistQueue } from "./persist-queue.ts";
import {
  type CollabAuthContext,
  CollabDeniedError,
  type CollabLimits,
  type CollabLogger,
  type CollabServerOptions,
  type CollabTransport,
  type ConnectionInfo,
} from "./types.ts";

const MAX_IDLE_UNLOAD_MS = 30_000;

export const DEFAULT_LIMITS: CollabLimits = {
  ...DEFAULT_COLLAB_LIMITS,
  awarenessPerSecond: 20,
  awarenessBurst: 40,
  awarenessHardPerSecond: 100,
  awarenessHardBurst: 300,
  maxQueuedBeforeReady: 64,
  maxPendingBytes: 1024 * 1024,
};

const consoleLogger: CollabLogger = {
  warn: (fields, message) => console.warn(message, fields),
  error: (fields, message) => console.error(message, fields),
};

/** What the transport adapter drives: feed frames in, report the socket's end. */
export interface ConnectionHandle {
  readonly connectionId: number;
  receive(bytes: Uint8Array): void;
  /** The socket closed (by the peer or the network). */
  closed(): void;
}

export type ConnectionPredicate = (info: ConnectionInfo) => boolean;

/**
 * Framework-agnostic Yjs collaboration server (y-websocket protocol). Owns the
 * loaded documents, the connections and the group-commit persistence queue.
 */
export class CollabServer {
  readonly limits: CollabLimits;
  private readonly ctx: SessionContext;
  readonly idleUnloadMs: number;
  private readonly sessions = new Map<string, DocumentSession>();
  private readonly loading = new Map<string, Promise<DocumentSession>>();
  private readonly unloading = new Map<string, Promise<void>>();
  private readonly idleTimers = new Map<string, NodeJS.Timeout>();
  private readonly connections = new Set<Connection>();
  private destroyed = false;
  private readonly stopCatchingUp: () => void;

  constructor(options: CollabServerOptions) {
    this.limits = { ...DEFAULT_LIMITS, ...options.limits };
    this.idleUnloadMs = Math.min(options.idleUnloadMs ?? 10_000, MAX_IDLE_UNLOAD_MS);
    const logger = options.logger ?? consoleLogger;
    const observer = guardObserver(options.observer, logger);
    const onBusRoundTrip = observer.onBusRoundTrip;
    this.ctx = {
      instanceId: randomUUID(),
      hooks: options.hooks,
      limits: this.limits,
      logger,
      bus: options.bus ?? null,
      busResyncMs: options.busResyncMs ?? 15_000,
      observer,
      busRoundTrip:
        options.bus !== undefined && onBusRoundTrip !== undefined
          ? new BusRoundTrip(onBusRoundTrip)
          : null,
      queue: new PersistQueue({
        persist: (batch) => options.hooks.persistUpdates(batch),
        maxBatchSize: options.maxBatchSize ?? 500,
        retryBaseMs: options.retryBaseMs ?? 200,
        retryMaxMs: options.retryMaxMs ?? 10_000,
        logger,
        onPersisted: observer.onPersisted,
      }),
    };
    // Whatever the instances wrote while the bus was away is exchanged as soon as it is
    // back, not at the next periodic resync.
    this.stopCatchingUp =
      options.bus?.onReconnect?.(() => {
        for (const session of this.sessions.values()) session.requestSync();
      }) ?? (() => {});
  }

  /** Starts authentication and loading right away; frames that arrive meanwhile are queued. */
  openConnection(input: {
    transport: CollabTransport;
    documentName: string;
    context: CollabAuthContext;
  }): ConnectionHandle {
    const connection = new Connection(
      input.documentName,
      input.transport,
      this.limits,
      this.ctx.observer.onAcknowledged,
    );
    this.connections.add(connection);
    if (this.destroyed) this.closeConnection(connection, CloseCode.GOING_AWAY);
    else void this.admit(connection, input.context);
    return {
      connectionId: connection.id,
      receive: (bytes) => this.receive(connection, bytes),
      closed: () => this.cleanup(connection),
    };
  }

  /** Changes the role of matching connections at runtime; returns how many matched. */
  setRole(predicate: ConnectionPredicate, role: CollabRole): number {
    const matching = this.matching(predicate);
    for (const connection of matching) connection.setRole(role);
    return matching.length;
  }

  makeReadOnly(predicate: ConnectionPredicate): number {
    return this.setRole(predicate, "observer");
  }

  /** E.g. revocation: all connections of a user, or of an agency on one document. */
  closeConnections(predicate: ConnectionPredicate, code: CloseCode): number {
    const matching = this.matching(predicate);
    for (const connection of matching) this.closeConnection(connection, code);
    return matching.length;
  }

  listConnections(): ConnectionInfo[] {
    return [...this.connections].flatMap((c) =>
      c.status === "ready" && c.info !== null ? [c.info] : [],
    );
  }

  /** See DocumentSession.applyStored; returns false when the document is not loaded here. */
  applyStoredUpdates(documentName: string, updates: readonly Uint8Array[]): boolean {
    const session = this.sessions.get(documentName);
    if (!session) return false;
    session.applyStored(updates);
    return true;
  }

  /** What the server holds right now: for figures, and to find what a long run leaks. */
  stats(): { documents: number; connections: number; pendingWrites: number } {
    return {
      documents: this.sessions.size,
      connections: this.connections.size,
      pendingWrites: this.ctx.queue.size,
    };
  }

  /** For transport adapters that close a socket themselves (e.g. a frame too large to read). */
  noteSocketClosed(code: number): void {
    this.ctx.observer.onSocketClosed?.(code);
  }

  isLoaded(documentName: string): boolean {
    return this.sessions.has(documentName);
  }

  /** Full state for compaction or export; loads the document if needed. */
  async encodeState(documentName: string): Promise<Uint8Array> {
    return this.withDocument(documentName, (doc) => Y.encodeStateAsUpdate(doc));
  }

  /**
   * Runs a server-side change (e.g. setting a projectionError marker). It is
   * relayed, persisted and published like a client's change.
   */
  async transact(
    documentName: string,
    change: (doc: Y.Doc) => void,
    actor: ServerActor,
  ): Promise<void> {
    await this.withDocument(documentName, (doc) =>
      doc.transact(() => change(doc), new ServerOrigin(actor)),
    );
  }

  /** Resolves once every accepted update is durable (waits through retries). */
  flush(): Promise<void> {
    return this.ctx.queue.whenIdle();
  }

  /** Flushes pending writes (up to `timeoutMs`), then closes every socket with GOING_AWAY. */
  async destroy(options: { timeoutMs?: number } = {}): Promise<void> {
    if (this.destroyed) return;
    this.destroyed = true;
    this.ctx.queue.retryNow();
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<"timeout">((resolve) => {
      timer = setTimeout(() => resolve("timeout"), options.timeoutMs ?? 10_000);
    });
    const outcome = await Promise.race([this.flush().then(() => "flushed" as const), timedOut]);
    clearTimeout(timer);
    if (outcome === "timeout") {
      this.ctx.logger.error(
        { pending: this.ctx.queue.size },
        "collab: shutting down with unsaved updates",
      );
    }
    this.ctx.queue.stop();
    for (const connection of [...this.connections])
      this.closeConnection(connection, CloseCode.GOING_AWAY);
    for (const timer of this.idleTimers.values()) clearTimeout(timer);
    this.idleTimers.clear();
    this.stopCatchingUp();
    await Promise.allSettled([...this.loading.values()]);
    await Promise.all([...this.sessions.keys()].map((name) => this.unload(name)));
    await Promise.all([...this.unloading.values()]);
  }

  private matching(predicate: ConnectionPredicate): Connection[] {
    return [...this.connections].filter((c) => {
      const info = c.info;
      return !c.isClosed && info !== null && predicate(info);
    });
  }

  private async admit(connection: Connection, context: CollabAuthContext): Promise<void> {
    try {
      connection.identity = await this.ctx.hooks.authenticate({
        documentName: connection.documentName,
        context,
      });
    } catch (error) {
      // A deliberate denial carries its code; anything else (database down) is
      // transient, so the client may retry.
      const code = error instanceof CollabDeniedError ? error.closeCode : CloseCode.INTERNAL_ERROR;
      if (!(error instanceof CollabDeniedError)) {
        this.ctx.logger.error(
          { err: error, documentName: connection.documentName },
          "collab: authenticate failed",
        );
      }
      this.closeConnection(connection, code);
      return;
    }
    if (connection.isClosed) return;
    let session: DocumentSession;
    try {
      session = await this.acquire(connection.documentName);
    } catch (error) {
      this.ctx.logger.error(
        { err: error, documentName: connection.documentName },
        "collab: load failed",
      );
      this.closeConnection(connection, CloseCode.DOCUMENT_UNAVAILABLE);
      return;
    }
    if (connection.isClosed || this.destroyed) {
      this.scheduleIdleCheck(session);
      if (this.destroyed) this.closeConnection(connection, CloseCode.GOING_AWAY);
      return;
    }
    session.connections.add(connection);
    this.cancelIdle(connection.documentName);
    connection.status = "ready";
    connection.send(encodeSyncFrame(SyncMessageType.STEP1, Y.encodeStateVector(session.doc)));
    const present = [...session.awareness.getStates().keys()];
    if (present.length > 0) {
      connection.send(
        encodeAwarenessFrame(awarenessProtocol.encodeAwarenessUpdate(session.awareness, present)),
      );
    }
    this.handleQueued(session, connection);
  }

  /** Handles the frames that waited; one that must wait again keeps the rest behind it. */
  private handleQueued(session: DocumentSession, connection: Connection): void {
    const queued = connection.queued.splice(0);
    connection.queuedBytes = 0;
    for (const bytes of queued) this.process(session, connection, bytes);
  }

  /** Keeps a frame for later, within the limits of what a client may have waiting. */
  private hold(connection: Connection, bytes: Uint8Array): void {
    connection.queued.push(bytes);
    connection.queuedBytes += bytes.length;
    if (
      connection.queued.length > this.limits.maxQueuedBeforeReady ||
      connection.queuedBytes > 4 * this.limits.maxMessageBytes
    ) {
      this.closeConnection(connection, CloseCode.RATE_LIMITED);
    }
  }

  /**
   * The host could not vouch for the editor's access when an update came: that frame
   * and every later one wait until it has asked afresh. Confirmed, they are handled in
   * order (a re-check meanwhile may have made the editor an observer or closed the
   * socket); not confirmed, the connection closes and the client re-sends after
   * reconnecting. Without a way to ask afresh it closes at once.
   */
  private async awaitAccess(
    session: DocumentSession,
    connection: Connection,
    bytes: Uint8Array,
  ): Promise<void> {
    const confirm = this.ctx.hooks.confirmUpdates;
    const info = connection.info;
    if (confirm === undefined || info === null) {
      this.closeConnection(connection, CloseCode.ACCESS_UNCONFIRMED);
      return;
    }
    connection.awaitingAccess = true;
    this.hold(connection, bytes);
    const confirmed = await confirm(info).catch(() => false);
    // Shutting down, frames are left unapplied like new ones; the client re-sends them.
    if (connection.isClosed || this.destroyed) return;
    connection.awaitingAccess = false;
    if (!confirmed) {
      this.closeConnection(connection, CloseCode.ACCESS_UNCONFIRMED);
      return;
    }
    this.handleQueued(session, connection);
  }

  private receive(connection: Connection, data: Uint8Array): void {
    // While shutting down, new frames are ignored so the final flush can finish;
    // clients re-send anything unsaved in their sync step2 after reconnecting.
    if (connection.isClosed || this.destroyed) return;
    if (data.length > this.limits.maxMessageBytes) {
      this.closeConnection(connection, CloseCode.MESSAGE_TOO_LARGE);
      return;
    }
    // Copy into an exactly sized buffer: ws hands out views into pooled memory,
    // and lib0 would read past a view's end instead of failing on a lying length.
    const bytes = new Uint8Array(data);
    if (connection.holdsFrames) {
      this.hold(connection, bytes);
      return;
    }
    const session = this.sessions.get(connection.documentName);
    if (session === undefined) return;
    this.process(session, connection, bytes);
  }

  private process(session: DocumentSession, connection: Connection, bytes: Uint8Array): void {
    if (connection.status !== "ready") return;
    if (connection.awaitingAccess) {
      this.hold(connection, bytes);
      return;
    }
    try {
      if (handleFrame(session, connection, bytes) === "awaiting-access") {
        void this.awaitAccess(session, connection, bytes);
      }
    } catch (error) {
      const code =
        error instanceof ProtocolViolation ? error.closeCode : CloseCode.MALFORMED_MESSAGE;
      this.closeConnection(connection, code);
    }
  }

  private closeConnection(connection: Connection, code: CloseCode): void {
    if (connection.isClosed) return;
    this.ctx.observer.onSocketClosed?.(code);
    connection.closeTransport(code, closeReason[code]);
    this.cleanup(connection);
  }

  private cleanup(connection: Connection): void {
    if (!connection.markClosed()) return;
    this.connections.delete(connection);
    const session = this.sessions.get(connection.documentName);
    if (session === undefined || !session.connections.has(connection)) return;
    try {
      session.removeConnection(connection);
    } catch (error) {
      this.ctx.logger.error({ err: error }, "collab: removing a connection failed");
    }
    this.scheduleIdleCheck(session);
  }

  /** Loads each document once, however many connections ask at the same time. */
  private acquire(documentName: string): Promise<DocumentSession> {
    const loaded = this.sessions.get(documentName);
    if (loaded !== undefined) return Promise.resolve(loaded);
    const pending = this.loading.get(documentName);
    if (pending !== undefined) return pending;
    const promise = this.load(documentName).finally(() => this.loading.delete(documentName));
    this.loading.set(documentName, promise);
    return promise;
  }

  private async load(documentName: string): Promise<DocumentSession> {
    // A document that is still unloading finishes first, so onUnload and the
    // next load never see two live copies.
    await this.unloading.get(documentName);
    const stored = await this.ctx.hooks.loadDocument(documentName);
    const session = new DocumentSession(documentName, this.ctx);
    try {
      await session.start(stored);
    } catch (error) {
      await session.stop();
      throw error;
    }
    session.onFlushed = () => this.scheduleIdleCheck(session);
    this.sessions.set(documentName, session);
    this.scheduleIdleCheck(session);
    return session;
  }

  private async withDocument<T>(documentName: string, use: (doc: Y.Doc) => T): Promise<T> {
    const session = await this.acquire(documentName);
    session.holds += 1;
    this.cancelIdle(documentName);
    try {
      return use(session.doc);
    } finally {
      session.holds -= 1;
      this.scheduleIdleCheck(session);
    }
  }

  private scheduleIdleCheck(session: DocumentSession): void {
    if (!session.idle || session.closing || this.idleTimers.has(session.name) || this.destroyed)
      return;
    const timer = setTimeout(() => {
      this.idleTimers.delete(session.name);
      // Unload only when nothing is unsaved; the durable callback re-arms this check.
      if (session.idle && this.ctx.queue.pendingFor(session.name) === 0) {
        this.unload(session.name).catch((error: unknown) =>
          this.ctx.logger.error(
            { err: error, documentName: session.name },
            "collab: unload failed",
          ),
        );
      }
    }, this.idleUnloadMs);
    this.idleTimers.set(session.name, timer);
  }

  private cancelIdle(documentName: string): void {
    const timer = this.idleTimers.get(documentName);
    if (timer !== undefined) clearTimeout(timer);
    this.idleTimers.delete(documentName);
  }

  private unload(documentName: string): Promise<void> {
    const session = this.sessions.get(documentName);
    if (session === undefined) return Promise.resolve();
    this.sessions.delete(documentName);
    this.cancelIdle(documentName);
    const promise = session.stop().finally(() => this.unloading.delete(documentName));
    this.unloading.set(documentName, promise);
    return promise;
  }
}
