import v8 from "node:v8";
import vm from "node:vm";
import * as Y from "yjs";
import {
  connectClient,
  identity,
  MemoryStore,
  startTestServer,
  type TestClient,
  trackAcks,
} from "./collab-harness.ts";
import { waitUntil } from "./wait.ts";

/*
 * A long run of the collaboration core as a Kreis would use it between and during
 * conferences: clients join documents, write, wait until the server says "saved",
 * and leave, round after round, while the store refuses a share of its writes.
 * `npx --yes pnpm@10 --filter @runder-tisch/server soak` runs it for an hour; the
 * test suite runs it for seconds.
 */

export interface SoakOptions {
  durationMs: number;
  documents: number;
  /** Clients connected at the same time, each to a random document. */
  clientsPerRound: number;
  /** Share of the store's writes that fail (the core retries them). */
  failRate: number;
  seed?: number;
  onRound?(figures: SoakFigures): void;
}

export interface SoakFigures {
  rounds: number;
  sessions: number;
  /** Edits the server acknowledged as saved. */
  acknowledged: number;
  /** Acknowledged edits not found in the store afterwards. */
  lost: number;
  failedWrites: number;
  /** Heap minus the bytes the store holds, after a full collection, in MB. */
  heapAfterWarmupMb: number;
  heapAtEndMb: number;
  driftPercent: number;
  documentsLoadedAtEnd: number;
  connectionsAtEnd: number;
  pendingWritesAtEnd: number;
}

/** A seeded generator, so a run can be repeated. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function collectGarbage(): void {
  v8.setFlagsFromString("--expose-gc");
  (vm.runInNewContext("gc") as () => void)();
}

/**
 * Keeps the in-memory store at one merged update per document, as compaction keeps the
 * real one, and forgets its call log: otherwise the test store's own growth would hide
 * the server's memory in the figures.
 */
function compactStore(store: MemoryStore): void {
  store.persistCalls.length = 0;
  for (const [name, updates] of store.updates) {
    if (updates.length > 1) store.updates.set(name, [Y.mergeUpdates(updates)]);
  }
}

function storedBytes(store: MemoryStore): number {
  let total = 0;
  for (const updates of store.updates.values())
    for (const update of updates) total += update.length;
  return total;
}

function serverHeapMb(store: MemoryStore): number {
  compactStore(store);
  collectGarbage();
  return (process.memoryUsage().heapUsed - storedBytes(store)) / 1_048_576;
}

export async function runSoak(options: SoakOptions): Promise<SoakFigures> {
  const random = mulberry32(options.seed ?? 1);
  const store = new MemoryStore();
  let failedWrites = 0;
  store.random = () => {
    const value = random();
    if (value < options.failRate) failedWrites += 1;
    return value;
  };
  store.failRate = options.failRate;
  // Each stock client listens for the process's exit; a round holds many at once.
  process.setMaxListeners(Math.max(process.getMaxListeners(), options.clientsPerRound * 2));
  const server = await startTestServer({ store, idleUnloadMs: 100 });
  server.tokens.set("soak", identity("soak"));
  const names = Array.from({ length: options.documents }, (_, n) => `soak-${n}`);
  const written = new Map<string, string[]>();
  const figures: SoakFigures = {
    rounds: 0,
    sessions: 0,
    acknowledged: 0,
    lost: 0,
    failedWrites: 0,
    heapAfterWarmupMb: 0,
    heapAtEndMb: 0,
    driftPercent: 0,
    documentsLoadedAtEnd: 0,
    connectionsAtEnd: 0,
    pendingWritesAtEnd: 0,
  };
  const started = Date.now();
  const warmupEnds = started + Math.min(options.durationMs / 10, 60_000);
  try {
    while (Date.now() - started < options.durationMs) {
      const clients: { client: TestClient; name: string; acks: ReturnType<typeof trackAcks> }[] =
        [];
      for (let n = 0; n < options.clientsPerRound; n++) {
        const name = names[Math.floor(random() * names.length)] ?? "soak-0";
        const client = connectClient(server, name, "soak");
        clients.push({ client, name, acks: trackAcks(client) });
      }
      await waitUntil(
        () => clients.every(({ client }) => client.provider.synced),
        "synced",
        10_000,
      );
      for (const { client, name } of clients) {
        const piece = `[${figures.rounds}.${client.doc.clientID}]`;
        client.doc.getText("t").insert(0, piece);
        written.set(name, [...(written.get(name) ?? []), piece]);
      }
      await waitUntil(
        () => clients.every(({ acks }) => acks.sent() > 0 && acks.saved() >= acks.sent()),
        "every edit saved",
        10_000,
      );
      figures.acknowledged += clients.length;
      figures.sessions += clients.length;
      for (const { client } of clients) client.destroy();
      figures.rounds += 1;
      if (figures.rounds % 50 === 0) compactStore(store);
      if (figures.heapAfterWarmupMb === 0 && Date.now() > warmupEnds) {
        figures.heapAfterWarmupMb = serverHeapMb(store);
      }
      options.onRound?.(figures);
    }
    // Everyone has left: documents unload once their writes are stored.
    await waitUntil(() => server.collab.stats().documents === 0, "documents unloaded", 30_000);
    const stats = server.collab.stats();
    figures.documentsLoadedAtEnd = stats.documents;
    figures.connectionsAtEnd = stats.connections;
    figures.pendingWritesAtEnd = stats.pendingWrites;
    for (const [name, pieces] of written) {
      const text = store.stateOf(name).getText("t").toString();
      figures.lost += pieces.filter((piece) => !text.includes(piece)).length;
    }
    figures.failedWrites = failedWrites;
    figures.heapAtEndMb = serverHeapMb(store);
    if (figures.heapAfterWarmupMb === 0) figures.heapAfterWarmupMb = figures.heapAtEndMb;
    figures.driftPercent =
      ((figures.heapAtEndMb - figures.heapAfterWarmupMb) / figures.heapAfterWarmupMb) * 100;
    return figures;
  } finally {
    await server.close();
  }
}
