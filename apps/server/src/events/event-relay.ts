import { randomUUID } from "node:crypto";
import type { CollabBus } from "../collab/index.ts";
import type { LiveUnit } from "../live/live-unit.ts";
import type { DomainEvent, DomainEvents } from "./domain-events.ts";

const CHANNEL = "rt:domain-events";

interface Envelope {
  node: string;
  event: DomainEvent;
}

/**
 * Carries domain events between server nodes over the bus (Redis), so that a
 * revocation on one node cuts off sockets held by every other node.
 */
export class DomainEventRelay implements LiveUnit {
  private readonly node = randomUUID();
  private unsubscribe: (() => Promise<void>) | null = null;

  constructor(
    private readonly events: DomainEvents,
    private readonly bus: CollabBus,
    private readonly onError: (error: unknown) => void,
  ) {}

  async start(): Promise<void> {
    const decoder = new TextDecoder();
    this.unsubscribe = await this.bus.subscribe(CHANNEL, (bytes) => {
      try {
        const envelope = JSON.parse(decoder.decode(bytes)) as Envelope;
        if (envelope.node !== this.node && typeof envelope.event?.kind === "string") {
          this.events.deliver(envelope.event);
        }
      } catch (error) {
        this.onError(error);
      }
    });
    const encoder = new TextEncoder();
    this.events.forwardTo((event) => {
      const envelope: Envelope = { node: this.node, event };
      this.bus.publish(CHANNEL, encoder.encode(JSON.stringify(envelope))).catch(this.onError);
    });
  }

  async stop(): Promise<void> {
    this.events.forwardTo(null);
    await this.unsubscribe?.();
  }
}
