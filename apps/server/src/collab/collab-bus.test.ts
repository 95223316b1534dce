import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { freePort, RedisProcess } from "../../test/cluster/redis-process.ts";
import {
  connectClient,
  identity,
  MemoryStore,
  startTestServer,
  type TestClient,
  type TestServer,
  waitSynced,
} from "../../test/collab-harness.ts";
import { waitUntil } from "../../test/wait.ts";
import type { CollabBus } from "./bus.ts";
import { InProcessBus } from "./bus.ts";
import { RedisBus } from "./redis-bus.ts";

const servers: TestServer[] = [];
const clients: TestClient[] = [];
const buses: CollabBus[] = [];

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  for (const s of servers.splice(0)) await s.close();
  for (const b of buses.splice(0)) await b.close();
});

// The real Redis when the run names one (CI does); the in-process bus always.
const redisUrl = process.env.TEST_REDIS_URL;
const busFactories: Array<[string, () => CollabBus]> = [
  ["in-process", () => new InProcessBus()],
  ...(redisUrl
    ? [["redis", () => new RedisBus({ url: redisUrl })] as [string, () => CollabBus]]
    : []),
];

describe.each(busFactories)("two instances on a %s bus", (_name, createBus) => {
  async function twoServers(): Promise<[TestServer, TestServer, MemoryStore]> {
    const store = new MemoryStore();
    const makeBus = (): CollabBus => {
      const bus = createBus();
      buses.push(bus);
      return bus;
    };
    // Redis needs a connection pair per instance; the in-process bus must be shared.
    const shared = makeBus();
    const first = await startTestServer({ store, bus: shared });
    const second = await startTestServer({
      store,
      bus: shared instanceof InProcessBus ? shared : makeBus(),
    });
    servers.push(first, second);
    for (const s of [first, second]) {
      s.tokens.set("a", identity("a"));
      s.tokens.set("b", identity("b"));
    }
    return [first, second, store];
  }

  it("relays an update to the other instances only once it is stored", async () => {
    const [first, second, store] = await twoServers();
    const name = `bus-stored-${randomUUID()}`;
    const writer = connectClient(first, name, "a");
    const reader = connectClient(second, name, "b");
    clients.push(writer, reader);
    await Promise.all([writer, reader].map(waitSynced));

    // A node keeps what it gets over the bus without storing it, and a client that
    // reconnects does not send it again: relayed before it is stored, it could be lost.
    const release = store.holdWrites();
    writer.doc.getText("t").insert(0, "gesichert");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(reader.doc.getText("t").toString()).toBe("");

    release();
    await waitUntil(
      () => reader.doc.getText("t").toString() === "gesichert",
      "the update relayed once stored",
    );
  });

  it("converges clients connected to different instances", async () => {
    const [first, second] = await twoServers();
    // Unique names: test runs on one machine share the Redis server.
    const name = `bus-1-${randomUUID()}`;
    const peers = [first, second, first, second].map((s, i) =>
      connectClient(s, name, i % 2 ? "b" : "a"),
    );
    clients.push(...peers);
    await Promise.all(peers.map(waitSynced));
    for (const [i, peer] of peers.entries()) peer.doc.getText("t").insert(0, `<${i}>`);
    const text = () => peers[0]?.doc.getText("t").toString();
    await waitUntil(
      () =>
        peers.every(
          (p) => p.doc.getText("t").length === 12 && p.doc.getText("t").toString() === text(),
        ),
      "all converge across instances",
    );
    peers[0]?.provider.awareness.setLocalStateField("cursor", { anchor: 1 });
    const clientId = peers[0]?.doc.clientID ?? -1;
    await waitUntil(
      () => peers[1]?.provider.awareness.getStates().get(clientId)?.cursor !== undefined,
      "awareness crosses instances",
    );
    expect(peers[1]?.provider.awareness.getStates().get(clientId)?.user).toMatchObject({ id: "a" });
    // Each instance persists only what its own clients wrote: no duplicates.
    await Promise.all([first.collab.flush(), second.collab.flush()]);
    expect(first.store.persistCalls.flat()).toHaveLength(4);
  });

  it("gives a late-loading instance the other's changes once they are stored, not before", async () => {
    const [first, second] = await twoServers();
    const name = `bus-2-${randomUUID()}`;
    const writer = connectClient(first, name, "a");
    clients.push(writer);
    await waitSynced(writer);
    const release = first.store.holdWrites();
    writer.doc.getText("t").insert(0, "noch nicht gespeichert");
    await waitUntil(() => first.collab.isLoaded(name), "first loaded");
    const probe = connectClient(first, name, "a");
    clients.push(probe);
    await waitUntil(() => probe.doc.getText("t").length > 0, "first instance has the update");

    // The late instance asks the others for what storage lacks; it would keep the
    // answer without storing it, so an answer with unstored changes could lose them.
    const late = connectClient(second, name, "b");
    clients.push(late);
    await waitSynced(late);
    await waitUntil(() => second.collab.isLoaded(name), "second loaded");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(late.doc.getText("t").toString()).toBe("");

    release();
    await waitUntil(
      () => late.doc.getText("t").toString() === "noch nicht gespeichert",
      "late instance caught up",
    );
  });
});

/** Loses every message while `dropping` is set, like a Redis outage. */
class LossyBus extends InProcessBus {
  dropping = false;
  private readonly reconnectListeners = new Set<() => void>();

  override async publish(channel: string, bytes: Uint8Array): Promise<void> {
    if (!this.dropping) await super.publish(channel, bytes);
  }

  onReconnect(listener: () => void): () => void {
    this.reconnectListeners.add(listener);
    return () => this.reconnectListeners.delete(listener);
  }

  /** The bus is back, as Redis' "ready" after an outage. */
  reconnect(): void {
    this.dropping = false;
    for (const listener of this.reconnectListeners) listener();
  }
}

/**
 * Two instances on a lossy bus, each with a client on one document, that both wrote
 * while the bus dropped everything: each instance stored its own client's edit only.
 */
async function divergedInstances(documentName: string, busResyncMs: number) {
  const store = new MemoryStore();
  const bus = new LossyBus();
  buses.push(bus);
  const first = await startTestServer({ store, bus, busResyncMs });
  const second = await startTestServer({ store, bus, busResyncMs });
  servers.push(first, second);
  first.tokens.set("a", identity("a"));
  second.tokens.set("b", identity("b"));
  const left = connectClient(first, documentName, "a");
  const right = connectClient(second, documentName, "b");
  clients.push(left, right);
  await Promise.all([waitSynced(left), waitSynced(right)]);

  bus.dropping = true;
  left.doc.getText("t").insert(0, "links ");
  right.doc.getText("t").insert(0, "rechts ");
  await waitUntil(
    () => store.stateOf(documentName).getText("t").length === 13,
    "both edits stored",
  );
  const converged = () =>
    left.doc.getText("t").length === 13 &&
    left.doc.getText("t").toString() === right.doc.getText("t").toString();
  return { bus, left, converged };
}

describe("anti-entropy between instances", () => {
  it("repairs divergence after the bus lost messages", async () => {
    const { bus, left, converged } = await divergedInstances("ae-1", 30);
    expect(left.doc.getText("t").toString()).toBe("links ");
    bus.dropping = false;
    await waitUntil(converged, "instances converge again");
  });

  it("catches up as soon as the bus is back, without waiting for the periodic resync", async () => {
    // A resync far beyond the test's time: only the reconnect can repair the divergence.
    const { bus, converged } = await divergedInstances("ae-2", 600_000);
    bus.reconnect();
    await waitUntil(converged, "instances converge right after the bus is back", 1_000);
  });
});

// A Redis server of the test's own, which it can stop; only where the run has Redis (CI does).
const ownRedis: Array<[string]> = redisUrl ? [["a Redis server that goes away"]] : [];

describe.each(ownRedis)("two instances on %s", () => {
  it("open documents while Redis is down and exchange the edits once it is back", async () => {
    const redis = new RedisProcess(await freePort());
    await redis.start();
    try {
      const store = new MemoryStore();
      const makeBus = () => {
        const bus = new RedisBus({ url: redis.url });
        buses.push(bus);
        return bus;
      };
      const first = await startTestServer({ store, bus: makeBus(), busResyncMs: 600_000 });
      const second = await startTestServer({ store, bus: makeBus(), busResyncMs: 600_000 });
      servers.push(first, second);
      first.tokens.set("a", identity("a"));
      second.tokens.set("b", identity("b"));
      const left = connectClient(first, "outage-1", "a");
      clients.push(left);
      await waitSynced(left);
      left.doc.getText("t").insert(0, "vorher ");
      await waitUntil(
        () => store.stateOf("outage-1").getText("t").length === 7,
        "first edit stored",
      );

      await redis.kill();
      // The second instance has not loaded the document yet: it must not wait for Redis.
      const right = connectClient(second, "outage-1", "b");
      clients.push(right);
      await waitSynced(right);
      expect(right.doc.getText("t").toString()).toBe("vorher ");
      right.doc.getText("t").insert(7, "rechts ");
      left.doc.getText("t").insert(0, "links ");

      await redis.start();
      const text = (client: TestClient) => client.doc.getText("t").toString();
      await waitUntil(
        () => text(left).length === 20 && text(left) === text(right),
        "both instances have both edits after Redis is back",
        6_000,
      );
      right.doc.getText("t").insert(0, "live ");
      await waitUntil(() => text(left).startsWith("live "), "edits flow live again");
    } finally {
      await redis.kill();
    }
  });
});
