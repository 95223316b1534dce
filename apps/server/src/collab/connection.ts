import { Extension, encodeRoleNotice, encodeSaved } from "@runder-tisch/collab-protocol";
import type { AwarenessEntry } from "./awareness-codec.ts";
import { TokenBucket } from "./token-bucket.ts";
import type { CollabIdentity, CollabLimits, CollabTransport, ConnectionInfo } from "./types.ts";

let nextConnectionId = 1;

/**
 * Per-socket state: identity, the frames that arrived before it was ready, the
 * ack bookkeeping and the awareness rate limits. Message handling lives in
 * message-handler.ts, document state in document-session.ts.
 */
export class Connection {
  readonly id = nextConnectionId++;
  identity: CollabIdentity | null = null;
  status: "authenticating" | "ready" | "closed" = "authenticating";
  /** Ready, but its frames wait while the host confirms the editor's access afresh. */
  awaitingAccess = false;
  /** Frames that arrived while authenticating or awaiting access, in order. */
  readonly queued: Uint8Array[] = [];
  queuedBytes = 0;

  /** The clientID whose awareness this connection may set (claimed on first use; at most one). */
  readonly ownedClientIds = new Set<number>();
  readonly awarenessSoft: TokenBucket;
  readonly awarenessHard: TokenBucket;
  /** Latest coalesced awareness entries per clientID while over the soft limit. */
  readonly deferredAwareness = new Map<number, AwarenessEntry>();
  deferredTimer: NodeJS.Timeout | null = null;

  /** Seq of the frame being applied, so the doc's update handler can attribute it. */
  currentSeq: number | null = null;
  private extensions = 0;
  /** Document-update frames (sync step2 + update) received so far; the ack counter's unit. */
  private receivedUpdates = 0;
  /** Seqs applied but not yet durable, in ascending order (Set keeps insertion order). */
  private readonly notDurable = new Set<number>();
  private lastAcked = 0;
  /** When each stored frame was accepted (ascending seqs), kept only while acks are timed. */
  private readonly acceptedAt = new Map<number, number>();

  constructor(
    readonly documentName: string,
    private readonly transport: CollabTransport,
    limits: CollabLimits,
    private readonly onAcknowledged?: (latencyMs: number) => void,
  ) {
    this.awarenessSoft = new TokenBucket(limits.awarenessPerSecond, limits.awarenessBurst);
    this.awarenessHard = new TokenBucket(limits.awarenessHardPerSecond, limits.awarenessHardBurst);
  }

  get info(): ConnectionInfo | null {
    if (this.identity === null) return null;
    return { ...this.identity, connectionId: this.id, documentName: this.documentName };
  }

  // A getter, so TypeScript does not carry a narrowed status across awaits.
  get isClosed(): boolean {
    return this.status === "closed";
  }

  /** Whether an arriving frame must wait in `queued` instead of being handled now. */
  get holdsFrames(): boolean {
    return this.status === "authenticating" || this.awaitingAccess;
  }

  get isEditor(): boolean {
    return this.identity?.role === "editor";
  }

  send(bytes: Uint8Array): void {
    if (this.status === "closed") return;
    try {
      this.transport.send(bytes);
    } catch {
      // The transport reports the broken socket through its close path.
    }
  }

  /** Returns false if it was already closed, so cleanup runs once. */
  markClosed(): boolean {
    if (this.status === "closed") return false;
    this.status = "closed";
    if (this.deferredTimer !== null) clearTimeout(this.deferredTimer);
    this.deferredTimer = null;
    return true;
  }

  closeTransport(code: number, reason: string): void {
    try {
      this.transport.close(code, reason);
    } catch {
      // Already closed underneath us; nothing left to tell the peer.
    }
  }

  setExtensions(flags: number): void {
    this.extensions = flags;
    if (flags & Extension.ACKS) this.send(encodeSaved(this.durableCount()));
    if (flags & Extension.ROLE && this.identity !== null)
      this.send(encodeRoleNotice(this.identity.role));
  }

  setRole(role: CollabIdentity["role"]): void {
    if (this.identity === null || this.identity.role === role) return;
    this.identity = { ...this.identity, role };
    if (this.extensions & Extension.ROLE) this.send(encodeRoleNotice(role));
  }

  /** Called for every sync step2/update frame; returns its sequence number. */
  nextUpdateSeq(): number {
    this.receivedUpdates += 1;
    return this.receivedUpdates;
  }

  /** The frame changed the document; it counts as saved once `markDurable(seq)` runs. */
  markPending(seq: number): void {
    this.notDurable.add(seq);
    if (this.onAcknowledged !== undefined && !this.acceptedAt.has(seq)) {
      this.acceptedAt.set(seq, performance.now());
    }
  }

  markDurable(seq: number): void {
    this.notDurable.delete(seq);
    this.maybeAck();
  }

  /** A frame that needs no write (duplicate, empty or refused) is done right away. */
  maybeAck(): void {
    const durable = this.durableCount();
    if (durable <= this.lastAcked) return;
    this.lastAcked = durable;
    const acking = (this.extensions & Extension.ACKS) !== 0;
    if (acking) this.send(encodeSaved(durable));
    if (this.onAcknowledged === undefined) return;
    // One SAVED covers every frame up to `durable`; each stored one is timed by it.
    const now = performance.now();
    for (const [seq, at] of this.acceptedAt) {
      if (seq > durable) break;
      this.acceptedAt.delete(seq);
      if (acking) this.onAcknowledged(now - at);
    }
  }

  private durableCount(): number {
    for (const seq of this.notDurable) return seq - 1;
    return this.receivedUpdates;
  }
}
