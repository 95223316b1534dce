import { randomUUID } from "node:crypto";
import type { CollabBus } from "../collab/index.ts";
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
export async function relayDomainEvents(
  events: DomainEvents,
  bus: CollabBus,
  onError: (error: unknown) => void,
): Promise<() => Promise<void>> {
  const node = randomUUID();
  const encoder = new TextEncoder();
  const decoder = new TextDecoder();
  const unsubscribe = await bus.subscribe(CHANNEL, (bytes) => {
    try {
      const envelope = JSON.parse(decoder.decode(bytes)) as Envelope;
      if (envelope.node !== node && envelope.event && typeof envelope.event.kind === "string") {
        events.deliver(envelope.event);
      }
    } catch (error) {
      onError(error);
    }
  });
  events.forwardTo((event) => {
    bus
      .publish(CHANNEL, encoder.encode(JSON.stringify({ node, event } satisfies Envelope)))
      .catch(onError);
  });
  return async () => {
    events.forwardTo(null);
    await unsubscribe();
  };
}
