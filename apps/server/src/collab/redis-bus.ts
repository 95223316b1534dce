import { Redis, type RedisOptions } from "ioredis";
import type { CollabBus } from "./bus.ts";

/**
 * Redis pub/sub bus. Pub/sub needs its own connection (a subscribed client can
 * only subscribe), so we hold two. Redis delivers a publisher's own messages
 * back to it; the sessions drop them by sender id.
 */
export class RedisBus implements CollabBus {
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private readonly handlers = new Map<string, Set<(bytes: Uint8Array) => void>>();
  /** In-flight SUBSCRIBE per channel, so a second subscriber also waits for it. */
  private readonly subscribing = new Map<string, Promise<unknown>>();
  private readonly reconnectListeners = new Set<() => void>();
  private everReady = false;

  constructor(options: RedisOptions & { url?: string; onError?: (error: Error) => void } = {}) {
    const { url, onError = () => {}, ...rest } = options;
    this.publisher = url === undefined ? new Redis(rest) : new Redis(url, rest);
    this.subscriber = this.publisher.duplicate();
    // ioredis reconnects on its own; without listeners it would print every
    // connection error as "unhandled". Publishes fail meanwhile and are logged.
    this.publisher.on("error", onError);
    this.subscriber.on("error", onError);
    // ioredis emits "ready" on every (re)connection and resubscribes by itself; what was
    // published while it was away is lost, so listeners catch up.
    this.subscriber.on("ready", () => {
      if (this.everReady) for (const listener of this.reconnectListeners) listener();
      this.everReady = true;
    });
    this.subscriber.on("messageBuffer", (channel: Buffer, message: Buffer) => {
      const handlers = this.handlers.get(channel.toString());
      if (handlers === undefined) return;
      for (const handler of handlers) handler(new Uint8Array(message));
    });
  }

  async publish(channel: string, bytes: Uint8Array): Promise<void> {
    await this.publisher.publish(
      channel,
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    );
  }

  async subscribe(
    channel: string,
    handler: (bytes: Uint8Array) => void,
  ): Promise<() => Promise<void>> {
    let handlers = this.handlers.get(channel);
    if (handlers === undefined) {
      handlers = new Set();
      this.handlers.set(channel, handlers);
      this.subscribing.set(channel, this.subscriber.subscribe(channel));
    }
    handlers.add(handler);
    await this.subscribing.get(channel);
    return async () => {
      handlers.delete(handler);
      if (handlers.size === 0 && this.handlers.get(channel) === handlers) {
        this.handlers.delete(channel);
        this.subscribing.delete(channel);
        await this.subscriber.unsubscribe(channel);
      }
    };
  }

  onReconnect(listener: () => void): () => void {
    this.reconnectListeners.add(listener);
    return () => this.reconnectListeners.delete(listener);
  }

  async close(): Promise<void> {
    this.handlers.clear();
    this.reconnectListeners.clear();
    await Promise.allSettled([this.subscriber.quit(), this.publisher.quit()]);
  }
}
