import { Redis, type RedisOptions } from "ioredis";
import type { CollabBus } from "./bus.ts";

/**
 * How long opening or unloading a document, or shutting down, waits for Redis to
 * answer. A Redis that is away (or died a moment ago, before ioredis noticed) must
 * not hold any of them; what it missed is repaired once it is back.
 */
const REDIS_ANSWER_MS = 1_000;

/** Waits for `promise`, but no longer than `ms`, and never fails. */
async function atMost(promise: Promise<unknown> | undefined, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    promise?.catch(() => {}),
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, ms);
    }),
  ]);
  clearTimeout(timer);
}

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

  constructor(options: RedisOptions & { url?: string; onError?: (error: Error) => void } = {}) {
    const { url, onError = () => {}, ...rest } = options;
    this.publisher = url === undefined ? new Redis(rest) : new Redis(url, rest);
    this.subscriber = this.publisher.duplicate();
    // ioredis reconnects on its own; without listeners it would print every
    // connection error as "unhandled". Publishes fail meanwhile and are logged.
    this.publisher.on("error", onError);
    this.subscriber.on("error", onError);
    // ioredis emits "ready" on every (re)connection. Channels a document subscribed
    // while Redis was away (or whose SUBSCRIBE failed meanwhile) are subscribed now;
    // what was published while Redis was away is lost, so listeners then catch up.
    this.subscriber.on("ready", () => {
      const channels = [...this.handlers.keys()];
      const subscribed = channels.length > 0 ? this.subscriber.subscribe(...channels) : null;
      Promise.resolve(subscribed).then(
        () => {
          for (const listener of this.reconnectListeners) listener();
        },
        (error: Error) => onError(error),
      );
    });
    this.subscriber.on("messageBuffer", (channel: Buffer, message: Buffer) => {
      const handlers = this.handlers.get(channel.toString());
      if (handlers === undefined) return;
      for (const handler of handlers) handler(new Uint8Array(message));
    });
  }

  isConnected(): boolean {
    return this.publisher.status === "ready" && this.subscriber.status === "ready";
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
      this.subscribing.set(
        channel,
        this.subscriber.subscribe(channel).catch(() => {
          // Redis went away before it answered: "ready" subscribes again.
        }),
      );
    }
    handlers.add(handler);
    // A document opens whether Redis is there or not: while it is away the SUBSCRIBE
    // waits in ioredis' queue, and the catch-up on "ready" brings what other nodes wrote.
    await atMost(this.subscribing.get(channel), REDIS_ANSWER_MS);
    return async () => {
      handlers.delete(handler);
      if (handlers.size === 0 && this.handlers.get(channel) === handlers) {
        this.handlers.delete(channel);
        this.subscribing.delete(channel);
        // While Redis is away it is sent once Redis is back; unloading does not wait for that.
        await atMost(this.subscriber.unsubscribe(channel), REDIS_ANSWER_MS);
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
    // QUIT would wait in the offline queue while Redis is away, and shutdown with it.
    await Promise.all(
      [this.subscriber, this.publisher].map(async (client) => {
        await atMost(client.quit(), REDIS_ANSWER_MS);
        client.disconnect();
      }),
    );
  }
}
