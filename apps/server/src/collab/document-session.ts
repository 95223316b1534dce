import {
  CloseCode,
  encodeAwarenessFrame,
  encodeSyncFrame,
  SyncMessageType,
} from "@runder-tisch/collab-protocol";
import * as awarenessProtocol from "y-protocols/awareness";
import * as Y from "yjs";
import { type CollabBus, documentChannel } from "./bus.ts";
import { type BusMessage, decodeBusMessage, encodeBusMessage } from "./bus-messages.ts";
import { Connection } from "./connection.ts";
import type { BusRoundTrip } from "./observer.ts";
import { BUS_ORIGIN, LOAD_ORIGIN, ServerOrigin } from "./origins.ts";
import type { PersistQueue } from "./persist-queue.ts";
import type {
  CollabHooks,
  CollabLimits,
  CollabLogger,
  CollabObserver,
  StoredDocument,
} from "./types.ts";

export interface SessionContext {
  instanceId: string;
  hooks: CollabHooks;
  limits: CollabLimits;
  logger: CollabLogger;
  queue: PersistQueue;
  bus: CollabBus | null;
  busResyncMs: number;
  observer: CollabObserver;
  /** Null without a bus or when nobody watches its delay. */
  busRoundTrip: BusRoundTrip | null;
}

/** One loaded document: the Y.Doc, its awareness and the local connections. */
export class DocumentSession {
  readonly doc = new Y.Doc();
  readonly awareness: awarenessProtocol.Awareness;
  readonly connections = new Set<Connection>();
  /** Temporary holds (CollabServer.transact) that keep the document loaded like a connection. */
  holds = 0;
  /** Set once unloading began; the document must not be used afterwards. */
  closing = false;
  onFlushed: (() => void) | null = null;
  /** Upper bound of the encoded size; recomputed exactly only near the limit. */
  private approxSize = 0;
  private unsubscribe: (() => Promise<void>) | null = null;
  private resyncTimer: NodeJS.Timeout | null = null;

  constructor(
    readonly name: string,
    private readonly ctx: SessionContext,
  ) {
    this.awareness = new awarenessProtocol.Awareness(this.doc);
    // The server itself has no presence; only clients do.
    this.awareness.setLocalState(null);
    this.doc.on("update", (update: Uint8Array, origin: unknown) =>
      this.onDocUpdate(update, origin),
    );
    this.awareness.on("update", (change: AwarenessChange, origin: unknown) =>
      this.onAwarenessUpdate(change, origin),
    );
  }

  get idle(): boolean {
    return this.connections.size === 0 && this.holds === 0;
  }

  /** Replays storage, then joins the bus and asks peers for what storage lacks. */
  async start(stored: StoredDocument): Promise<void> {
    this.doc.transact(() => {
      if (stored.snapshot !== null) Y.applyUpdate(this.doc, stored.snapshot, LOAD_ORIGIN);
      for (const update of stored.updates) Y.applyUpdate(this.doc, update, LOAD_ORIGIN);
    }, LOAD_ORIGIN);
    this.approxSize = Y.encodeStateAsUpdate(this.doc).length;
    const bus = this.ctx.bus;
    if (bus === null) return;
    this.unsubscribe = await bus.subscribe(documentChannel(this.name), (bytes) =>
      this.onBusMessage(bytes),
    );
    this.requestSync();
    // Anti-entropy: a bus (Redis) may drop messages while reconnecting; asking
    // again now and then repairs any divergence between instances.
    this.resyncTimer = setInterval(() => this.requestSync(), this.ctx.busResyncMs);
    this.resyncTimer.unref();
  }

  /** Asks the other instances for what this one lacks, and offers what it has. */
  requestSync(): void {
    this.publish({
      kind: "sync-request",
      sender: this.ctx.instanceId,
      payload: Y.encodeStateVector(this.doc),
    });
  }

  /**
   * Applies a client's update unless it would push the document past its size
   * limit. Returns the close code to use, or null if all went well.
   */
  mayApplyUpdatesOf(connection: Connection): boolean {
    const info = connection.info;
    const ask = this.ctx.hooks.mayApplyUpdates;
    return info !== null && (ask === undefined || ask(info));
  }

  applyClientUpdate(connection: Connection, update: Uint8Array): CloseCode | null {
    const max = this.ctx.limits.maxDocumentBytes;
    if (this.approxSize + this.pendingBytes() + update.length > max) {
      this.approxSize = Y.encodeStateAsUpdate(this.doc).length;
      // Conservative: an update never grows the encoded state by more than its own size.
      if (this.approxSize + this.pendingBytes() + update.length > max) {
        return CloseCode.DOCUMENT_TOO_LARGE;
      }
    }
    const store = this.doc.store;
    // Yjs changes its pending record in place, so keep copies to compare with and to restore.
    const pendingBefore = {
      structs: store.pendingStructs && {
        missing: new Map(store.pendingStructs.missing),
        update: store.pendingStructs.update,
      },
      ds: store.pendingDs,
    };
    try {
      Y.applyUpdate(this.doc, update, connection);
    } catch {
      // Whatever Yjs integrated before throwing was emitted as a normal update
      // (relayed and persisted), so the document stays consistent.
      return CloseCode.MALFORMED_MESSAGE;
    }
    // Content that builds on something this document has not seen yet waits in
    // Yjs' pending store and emits no update event.
    const pendingChanged =
      store.pendingStructs?.update !== pendingBefore.structs?.update ||
      store.pendingDs !== pendingBefore.ds;
    if (!pendingChanged || (store.pendingStructs === null && store.pendingDs === null)) return null;
    if (this.pendingBytes() > this.ctx.limits.maxPendingBytes) {
      // Put the waiting content back as it was: what this frame added is dropped, unstored.
      store.pendingStructs = pendingBefore.structs;
      store.pendingDs = pendingBefore.ds;
      return CloseCode.DOCUMENT_TOO_LARGE;
    }
    // Store the frame as it came, so it is durable before it is acknowledged (and
    // loads back as pending).
    this.store(update, connection, this.actorOf(connection));
    return null;
  }

  /** Bytes of content waiting in Yjs' pending store for a dependency. */
  private pendingBytes(): number {
    const store = this.doc.store;
    return (store.pendingStructs?.update.length ?? 0) + (store.pendingDs?.length ?? 0);
  }

  broadcast(bytes: Uint8Array, except: Connection | null): void {
    for (const connection of this.connections) {
      if (connection !== except && connection.status === "ready") connection.send(bytes);
    }
  }

  /** Removes a connection's presence; its clientIDs can be claimed again (e.g. after reconnecting). */
  removeConnection(connection: Connection): void {
    this.connections.delete(connection);
    const owned = [...connection.ownedClientIds];
    // The clocks stay in awareness.meta: a rejoining client is bumped past them.
    awarenessProtocol.removeAwarenessStates(this.awareness, owned, connection);
  }

  async stop(): Promise<void> {
    this.closing = true;
    if (this.resyncTimer !== null) clearInterval(this.resyncTimer);
    try {
      await this.ctx.hooks.onUnload?.({ documentName: this.name, doc: this.doc });
    } catch (error) {
      this.ctx.logger.error({ err: error, documentName: this.name }, "collab: onUnload failed");
    }
    try {
      await this.unsubscribe?.();
    } catch (error) {
      this.ctx.logger.warn(
        { err: error, documentName: this.name },
        "collab: bus unsubscribe failed",
      );
    }
    this.awareness.destroy();
    this.doc.destroy();
  }

  /**
   * Updates read back from storage that this instance has not seen (another
   * instance stored them while their bus message was lost). They reach the local
   * clients like bus updates and are neither stored nor published again.
   */
  applyStored(updates: readonly Uint8Array[]): void {
    if (this.closing) return;
    this.doc.transact(() => {
      for (const update of updates) Y.applyUpdate(this.doc, update, BUS_ORIGIN);
    }, BUS_ORIGIN);
  }

  private onDocUpdate(update: Uint8Array, origin: unknown): void {
    if (origin === LOAD_ORIGIN) return;
    this.approxSize += update.length;
    const sender = origin instanceof Connection ? origin : null;
    this.ctx.observer.onUpdateApplied?.(
      sender !== null ? "client" : origin === BUS_ORIGIN ? "peer" : "server",
    );
    this.broadcast(encodeSyncFrame(SyncMessageType.UPDATE, update), sender);

    let actor: { userId: string; agencyId: string | null } | null = null;
    if (origin !== BUS_ORIGIN) {
      actor = sender
        ? this.actorOf(sender)
        : origin instanceof ServerOrigin
          ? origin.actor
          : SYSTEM;
      // The other nodes get it only once it is stored. A node keeps what comes over the
      // bus without storing it and tells reconnecting clients it has it, so they do not
      // send it again: relayed before it was stored, it would be lost with this node.
      this.store(update, sender, actor, () =>
        this.publish({ kind: "update", sender: this.ctx.instanceId, payload: update }),
      );
    }
    this.reportChange(update, actor);
  }

  private actorOf(connection: Connection): { userId: string; agencyId: string | null } {
    return connection.identity != null
      ? { userId: connection.identity.userId, agencyId: connection.identity.agencyId }
      : SYSTEM;
  }

  /** Queues an update for the log; the sender's frame counts as saved once it is written. */
  private store(
    update: Uint8Array,
    sender: Connection | null,
    actor: { userId: string; agencyId: string | null },
    afterStored?: () => void,
  ): void {
    const seq = sender?.currentSeq ?? null;
    if (sender !== null && seq !== null) sender.markPending(seq);
    this.ctx.queue.enqueue({ documentName: this.name, update, ...actor, at: new Date() }, () => {
      afterStored?.();
      if (sender !== null && seq !== null) sender.markDurable(seq);
      if (this.ctx.queue.pendingFor(this.name) === 0) this.onFlushed?.();
    });
  }

  private reportChange(
    update: Uint8Array,
    actor: { userId: string; agencyId: string | null } | null,
  ): void {
    const onChange = this.ctx.hooks.onChange;
    if (onChange === undefined) return;
    try {
      const result = onChange({ documentName: this.name, doc: this.doc, update, actor });
      if (result instanceof Promise) {
        result.catch((error: unknown) =>
          this.ctx.logger.error({ err: error, documentName: this.name }, "collab: onChange failed"),
        );
      }
    } catch (error) {
      this.ctx.logger.error({ err: error, documentName: this.name }, "collab: onChange failed");
    }
  }

  private onAwarenessUpdate(change: AwarenessChange, origin: unknown): void {
    const changed = [...change.added, ...change.updated, ...change.removed];
    const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed);
    // Echo to the sender too, like the stock server: a client alone in a room
    // otherwise receives nothing and its 30 s watchdog reconnects.
    this.broadcast(encodeAwarenessFrame(update), null);
    if (origin !== BUS_ORIGIN)
      this.publish({ kind: "awareness", sender: this.ctx.instanceId, payload: update });
  }

  private publish(message: BusMessage): void {
    const bus = this.ctx.bus;
    if (bus === null || this.closing) return;
    const bytes = encodeBusMessage(message);
    this.ctx.busRoundTrip?.published(bytes);
    bus.publish(documentChannel(this.name), bytes).catch((error: unknown) => {
      this.ctx.logger.warn({ err: error, documentName: this.name }, "collab: bus publish failed");
    });
  }

  /**
   * Sends the peer what it lacks, and asks back if the peer has what we lack. The
   * peer keeps what comes over the bus without storing it, so the answer waits until
   * what this node had queued for storage is stored: everything else in the document
   * (loaded, or from other nodes) was stored by whoever wrote it.
   */
  private answerSyncRequest(peerStateVector: Uint8Array): void {
    const diff = Y.encodeStateAsUpdate(this.doc, peerStateVector);
    if (!isEmptyUpdate(diff)) {
      this.ctx.queue.afterQueuedDurable(() =>
        this.publish({ kind: "update", sender: this.ctx.instanceId, payload: diff }),
      );
    }
    const ours = Y.decodeStateVector(Y.encodeStateVector(this.doc));
    for (const [clientId, clock] of Y.decodeStateVector(peerStateVector)) {
      if (clock > (ours.get(clientId) ?? 0)) {
        this.requestSync();
        return;
      }
    }
  }

  private onBusMessage(bytes: Uint8Array): void {
    const message = decodeBusMessage(bytes);
    if (message === null) return;
    if (message.sender === this.ctx.instanceId) {
      this.ctx.busRoundTrip?.returned(bytes);
      return;
    }
    if (this.closing) return;
    try {
      if (message.kind === "update") {
        Y.applyUpdate(this.doc, message.payload, BUS_ORIGIN);
      } else if (message.kind === "awareness") {
        awarenessProtocol.applyAwarenessUpdate(this.awareness, message.payload, BUS_ORIGIN);
      } else {
        this.answerSyncRequest(message.payload);
        const present = [...this.awareness.getStates().keys()];
        if (present.length > 0) {
          const payload = awarenessProtocol.encodeAwarenessUpdate(this.awareness, present);
          this.publish({ kind: "awareness", sender: this.ctx.instanceId, payload });
        }
      }
    } catch (error) {
      this.ctx.logger.warn(
        { err: error, documentName: this.name },
        "collab: ignoring unreadable bus message",
      );
    }
  }
}

const SYSTEM = { userId: "system", agencyId: null };

/** An update with no structs and no deletions: nothing worth publishing. */
function isEmptyUpdate(update: Uint8Array): boolean {
  return update.length === 2 && update[0] === 0 && update[1] === 0;
}

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}
