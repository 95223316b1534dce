import v8 from "node:v8";
import vm from "node:vm";
import * as Y from "yjs";
import {
  connectClient,
  identity,
  MemoryStore,
  startTestServer,
  type TestClient,
  type TestServer,
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
  /** Called right after each heap figure is taken, with nobody connected and nothing loaded (for heap snapshots). */
  onQuiet?(phase: "warm-up" | "end"): void;
}

export interface SoakFigures {
  rounds: number;
  sessions: number;
  /** Edits the server acknowledged as saved. */
  acknowledged: number;
  /** Acknowledged edits not found in the store afterwards. */
  lost: number;
  failedWrites: number;
  /** The heap after a full collection, in MB (the stored bytes and the record of edits are outside it). */
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

/**
 * Which edit went into which document, kept outside the JavaScript heap (typed
 * arrays) so that the soak's own record, which grows with every edit, does not count
 * as the server's memory. An edit is `[round.clientID]`; Yjs client ids are 32-bit.
 */
class WrittenPieces {
  private documents = new Uint32Array(1 << 16);
  private pieces = new Float64Array(1 << 16);
  private count = 0;

  add(documentIndex: number, round: number, clientId: number): void {
    if (this.count === this.pieces.length) {
      const documents = new Uint32Array(this.count * 2);
      const pieces = new Float64Array(this.count * 2);
      documents.set(this.documents);
      pieces.set(this.pieces);
      this.documents = documents;
      this.pieces = pieces;
    }
    this.documents[this.count] = documentIndex;
    this.pieces[this.count] = round * 2 ** 32 + clientId;
    this.count += 1;
  }

  static text(round: number, clientId: number): string {
    return `[${round}.${clientId}]`;
  }

  /** How many recorded edits `textOf` (by document index) does not contain. */
  missingIn(textOf: (documentIndex: number) => string): number {
    let missing = 0;
    for (let n = 0; n < this.count; n++) {
      const code = this.pieces[n] ?? 0;
      const piece = WrittenPieces.text(Math.floor(code / 2 ** 32), code % 2 ** 32);
      if (!textOf(this.documents[n] ?? 0).includes(piece)) missing += 1;
    }
    return missing;
  }
}

/**
 * The heap after a full collection. The store's bytes live in ArrayBuffers, outside
 * the heap, and the store is compacted first as the real one is.
 */
function serverHeapMb(store: MemoryStore): number {
  compactStore(store);
  collectGarbage();
  return process.memoryUsage().heapUsed / 1_048_576;
}

/**
 * Everyone has left: documents unload once their writes are stored, and the clients
 * that left last are gone too. A stock client schedules one last reconnect attempt
 * when its socket closes (a no-op after destroy) and that timer holds the client and
 * its copy of the document until it fires: 100 ms times 2 to the number of failed
 * attempts. Measured before then, the heap would count the last round's copies,
 * which grow with the documents, as server memory.
 */
async function everythingUnloaded(server: TestServer, lastReconnectMs: number): Promise<void> {
  await waitUntil(() => server.collab.stats().documents === 0, "documents unloaded", 30_000);
  await new Promise((resolve) => setTimeout(resolve, lastReconnectMs + 10));
}

/** When the last of these destroyed clients' final reconnect timers fires, in ms from now. */
function lastReconnectAttemptMs(clients: TestClient[]): number {
  return Math.max(
    0,
    ...clients.map(({ provider }) =>
      Math.min(2 ** provider.wsUnsuccessfulReconnects * 100, provider.maxBackoffTime),
    ),
  );
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
  const written = new WrittenPieces();
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
  let lastReconnectMs = 0;
  const started = Date.now();
  const warmupEnds = started + Math.min(options.durationMs / 10, 60_000);
  try {
    while (Date.now() - started < options.durationMs) {
      const clients: {
        client: TestClient;
        documentIndex: number;
        acks: ReturnType<typeof trackAcks>;
      }[] = [];
      for (let n = 0; n < options.clientsPerRound; n++) {
        const documentIndex = Math.floor(random() * names.length);
        const client = connectClient(server, names[documentIndex] ?? "soak-0", "soak");
        clients.push({ client, documentIndex, acks: trackAcks(client) });
      }
      await waitUntil(
        () => clients.every(({ client }) => client.provider.synced),
        "synced",
        10_000,
      );
      for (const { client, documentIndex } of clients) {
        client.doc.getText("t").insert(0, WrittenPieces.text(figures.rounds, client.doc.clientID));
        written.add(documentIndex, figures.rounds, client.doc.clientID);
      }
      await waitUntil(
        () => clients.every(({ acks }) => acks.sent() > 0 && acks.saved() >= acks.sent()),
        "every edit saved",
        10_000,
      );
      figures.acknowledged += clients.length;
      figures.sessions += clients.length;
      for (const { client } of clients) client.destroy();
      lastReconnectMs = lastReconnectAttemptMs(clients.map(({ client }) => client));
      figures.rounds += 1;
      if (figures.rounds % 50 === 0) compactStore(store);
      if (figures.heapAfterWarmupMb === 0 && Date.now() > warmupEnds) {
        // Measured as the end is: everyone gone and every document unloaded.
        await everythingUnloaded(server, lastReconnectMs);
        figures.heapAfterWarmupMb = serverHeapMb(store);
        options.onQuiet?.("warm-up");
      }
      options.onRound?.(figures);
    }
    await everythingUnloaded(server, lastReconnectMs);
    const stats = server.collab.stats();
    figures.documentsLoadedAtEnd = stats.documents;
    figures.connectionsAtEnd = stats.connections;
    figures.pendingWritesAtEnd = stats.pendingWrites;
    const texts = new Map<number, string>();
    figures.lost = written.missingIn((documentIndex) => {
      let text = texts.get(documentIndex);
      if (text === undefined) {
        text = store
          .stateOf(names[documentIndex] ?? "")
          .getText("t")
          .toString();
        texts.set(documentIndex, text);
      }
      return text;
    });
    texts.clear();
    figures.failedWrites = failedWrites;
    figures.heapAtEndMb = serverHeapMb(store);
    options.onQuiet?.("end");
    if (figures.heapAfterWarmupMb === 0) figures.heapAfterWarmupMb = figures.heapAtEndMb;
    figures.driftPercent =
      ((figures.heapAtEndMb - figures.heapAfterWarmupMb) / figures.heapAfterWarmupMb) * 100;
    return figures;
  } finally {
    await server.close();
  }
}
