/**
 * Fan-out between server instances. Each document has one channel; payloads are
 * opaque bytes (see bus-messages.ts). Implementations must deliver a publisher's
 * messages in order but need not echo them back to the publisher.
 */
export interface CollabBus {
  publish(channel: string, bytes: Uint8Array): Promise<void>;
  /** Resolves once the subscription is active, with a function that ends it. */
  subscribe(channel: string, handler: (bytes: Uint8Array) => void): Promise<() => Promise<void>>;
  /**
   * Called each time the bus is back after an outage, when messages may have been
   * lost meanwhile; returns a function that stops listening. Buses that cannot lose
   * messages need not implement it.
   */
  onReconnect?(listener: () => void): () => void;
  /** Whether messages reach the other nodes right now; buses that cannot fail need not say. */
  isConnected?(): boolean;
  close(): Promise<void>;
}

/** For a single process, and for tests that run several CollabServers in one process. */
export class InProcessBus implements CollabBus {
  private readonly handlers = new Map<string, Set<(bytes: Uint8Array) => void>>();

  async publish(channel: string, bytes: Uint8Array): Promise<void> {
    const handlers = this.handlers.get(channel);
    if (handlers === undefined) return;
    // Copy per receiver and deliver asynchronously, like a network bus would.
    for (const handler of [...handlers]) queueMicrotask(() => handler(bytes.slice()));
  }

  async subscribe(
    channel: string,
    handler: (bytes: Uint8Array) => void,
  ): Promise<() => Promise<void>> {
    let handlers = this.handlers.get(channel);
    if (handlers === undefined) {
      handlers = new Set();
      this.handlers.set(channel, handlers);
    }
    handlers.add(handler);
    return async () => {
      handlers.delete(handler);
      if (handlers.size === 0) this.handlers.delete(channel);
    };
  }

  async close(): Promise<void> {
    this.handlers.clear();
  }
}

export function documentChannel(documentName: string): string {
  return `collab:doc:${documentName}`;
}
