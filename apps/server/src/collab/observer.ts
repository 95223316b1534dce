import type { CollabLogger, CollabObserver } from "./types.ts";

/**
 * The observer as the core calls it: only the methods it was given, each of which
 * swallows its own errors. A broken figure must never break editing; it is logged
 * once, not once per update.
 */
export function guardObserver(
  observer: CollabObserver | undefined,
  logger: CollabLogger,
): CollabObserver {
  if (observer === undefined) return {};
  let reported = false;
  const guard = <A extends unknown[]>(call: ((...args: A) => void) | undefined) =>
    call === undefined
      ? undefined
      : (...args: A) => {
          try {
            call.apply(observer, args);
          } catch (error) {
            if (reported) return;
            reported = true;
            logger.warn({ err: error }, "collab: observer failed, further failures not logged");
          }
        };
  return {
    onUpdateApplied: guard(observer.onUpdateApplied),
    onPersisted: guard(observer.onPersisted),
    onAcknowledged: guard(observer.onAcknowledged),
    onSocketClosed: guard(observer.onSocketClosed),
    onBusRoundTrip: guard(observer.onBusRoundTrip),
  };
}

/**
 * Times the bus with the node's own messages, which a broker like Redis hands back
 * to their publisher. The message format carries no send time (and nodes refuse
 * bytes they do not expect, so one cannot be added compatibly); the round trip takes
 * the same path through the broker as a message to another node does. One message
 * is timed at a time, so the cost is a length comparison per returning message.
 */
export class BusRoundTrip {
  private probe: Uint8Array | null = null;
  private sentAt = 0;

  constructor(
    private readonly report: (latencyMs: number) => void,
    /** A probe that never comes back (lost while Redis was away) is replaced after this. */
    private readonly giveUpMs = 30_000,
  ) {}

  published(bytes: Uint8Array): void {
    const now = performance.now();
    if (this.probe !== null && now - this.sentAt < this.giveUpMs) return;
    this.probe = bytes;
    this.sentAt = now;
  }

  /** One of this node's own messages came back through the bus. */
  returned(bytes: Uint8Array): void {
    const probe = this.probe;
    if (probe === null || probe.length !== bytes.length) return;
    if (!Buffer.from(probe.buffer, probe.byteOffset, probe.byteLength).equals(bytes)) return;
    this.probe = null;
    this.report(performance.now() - this.sentAt);
  }
}
