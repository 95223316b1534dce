// The client workload, the same for every server. Each phase uses documents of
// its own (logical indices below), so no phase sees another's leftovers.
import { BenchClient, type Endpoint, probeSink } from "./client.ts";
import { typedState } from "./docgen.ts";
import { loopDelay, loopDelaySample } from "./ipc.ts";
import type { ServerProcess } from "./parent.ts";
import { percentile, pool, sleep } from "./stats.ts";

export const DOC = {
  prop10: 0,
  prop100: 1,
  multi: 2, // 100
  durable: 102,
  durableTuned: 103,
  memIdle: 104,
  memDocs: 105, // 100
  coldLog: 205, // 4 (first is a warm-up)
  coldSnapshot: 209, // 4 (ours only)
  presence: 213, // 50
  count: 263,
} as const;

export const SIZES = {
  propagationUpdates: 400,
  propagationRounds: 2,
  propagationWarmup: 30,
  propagationHz: 50,
  multiDocs: 100,
  multiClients: 10,
  multiHz: 200,
  multiSeconds: 8,
  durableHz: 200,
  durableUpdates: 1200,
  durableWarmup: 200,
  idleConnections: 1000,
  loadedDocuments: 100,
  loadedDocumentKeystrokes: 2000,
  coldUpdates: 10_000,
  presenceDocs: 50,
  presenceClients: 10,
  presenceSeconds: 10,
} as const;

export interface Target {
  name: string;
  endpoint: Endpoint;
  server: ServerProcess;
  doc(index: number): string;
  /** Our collab token for a document (POST /api/conferences/:id/collab-token). */
  token?(documentName: string): Promise<string>;
  /** How durability is observed: our SAVED ack, a store hook signalled over IPC, or not at all. */
  durable: "saved" | "store-hook" | "none";
  prepareCold?(documents: string[]): Promise<void>;
  afterCold?(): Promise<void>;
  coldSnapshot?: boolean;
}

export interface Latency {
  p50: number;
  p99: number;
  samples: number;
  lost: number;
  /** Longest event-loop stall (ms) in the server and in the bench client during the run. */
  serverStallMs?: number;
  clientStallMs?: number;
}

export async function resetStalls(server: ServerProcess) {
  loopDelay.reset();
  await server.call("loopReset");
}
export async function stalls(server: ServerProcess) {
  const s = await server.call<{ max: number }>("loop");
  return { serverStallMs: s.max, clientStallMs: loopDelaySample().max };
}

export interface Results {
  prop10?: Latency & { cpuPerObserverUpdateUs: number };
  prop100?: Latency & { cpuPerObserverUpdateUs: number };
  multi?: Latency & { serverCpuPct: number; connectMs: number };
  durable?: Latency & { note: string };
  durableDefault?: Latency & { note: string };
  memIdle?: { rssKb: number; heapKb: number };
  memDoc?: { rssKb: number; heapKb: number };
  cold?: { e2eMs: number[]; loadMs: (number | null)[]; warmConnectMs: number };
  coldSnapshot?: { e2eMs: number[]; loadMs: (number | null)[] };
  presence?: { serverCpuPct: number; relayed: number; expectedRelays: number };
  clientCpuPct: Record<string, number>;
  errors: string[];
}

let phaseCounter = 0;
/** A number no earlier phase used, for probes to say which phase they belong to. */
export const nextPhase = () => ++phaseCounter;
export const clientCpu = () => {
  const c = process.cpuUsage();
  return c.user + c.system;
};

/**
 * Starts recording the probes of a new phase: every arrival counts as received; those
 * of probes numbered `from` or later (set once the warm-up is over) are also samples.
 */
export function recordProbes() {
  const recording = {
    phase: nextPhase(),
    samples: [] as number[],
    received: 0,
    from: Number.POSITIVE_INFINITY,
  };
  probeSink.phase = recording.phase;
  probeSink.record = (latency, _key, seq) => {
    recording.received += 1;
    if (seq >= recording.from) recording.samples.push(latency);
  };
  return recording;
}

/** Opens the measured window: the bench's CPU, the server's CPU and its stalls from now. */
export function openWindow(server: ServerProcess) {
  const window = { at: performance.now(), clientCpu: clientCpu(), serverCpu: 0 };
  void resetStalls(server);
  void server.cpu().then((cpu) => {
    window.serverCpu = cpu;
  });
  return window;
}

export async function openClients(
  target: Target,
  specs: { doc: string; options?: ConstructorParameters<typeof BenchClient>[2] }[],
  concurrency = 50,
): Promise<BenchClient[]> {
  const clients: BenchClient[] = new Array(specs.length);
  await pool(specs, concurrency, async (spec, index) => {
    const client = new BenchClient(target.endpoint, spec.doc, spec.options ?? {});
    clients[index] = client;
    await client.connect();
  });
  return clients;
}

export function closeAll(clients: readonly (BenchClient | undefined)[]) {
  for (const client of clients) client?.close();
}

/** Sends `count` times at `hz`, correcting drift; `send(i)` does one send. */
export async function paced(count: number, hz: number, send: (i: number) => void): Promise<void> {
  const interval = 1000 / hz;
  const start = performance.now();
  for (let i = 0; i < count; i++) {
    const due = start + i * interval;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    send(i);
  }
}

export async function waitFor(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) return false;
    await sleep(5);
  }
  return true;
}

interface PropagationRound {
  samples: number[];
  lost: number;
  cpuUs: number;
  updates: number;
  clientCpuUs: number;
  elapsedMs: number;
  serverStallMs: number;
  clientStallMs: number;
}

/** (1)+(3): one writer (ours: with a collab token), `observers` observers on one document. */
async function propagationRound(
  target: Target,
  index: number,
  observers: number,
): Promise<PropagationRound> {
  const name = target.doc(index);
  const token = await target.token?.(name);
  const [writer] = await openClients(target, [{ doc: name, options: token ? { token } : {} }]);
  const watchers = await openClients(
    target,
    Array.from({ length: observers }, () => ({ doc: name })),
    25,
  );
  await sleep(300);
  const run = async (updates: number, record: boolean) => {
    const phase = nextPhase();
    const samples: number[] = [];
    let received = 0;
    probeSink.phase = phase;
    probeSink.record = (latency) => {
      received += 1;
      if (record) samples.push(latency);
    };
    await paced(updates, SIZES.propagationHz, (i) => writer?.writeProbe("w", i, phase));
    const complete = await waitFor(() => received >= updates * observers, 5_000);
    probeSink.record = null;
    return { samples, lost: complete ? 0 : updates * observers - received };
  };
  await run(SIZES.propagationWarmup, false);
  await sleep(300);
  await resetStalls(target.server);
  const cpu0 = await target.server.cpu();
  const c0 = clientCpu();
  const t0 = performance.now();
  const updates = SIZES.propagationUpdates / SIZES.propagationRounds;
  const { samples, lost } = await run(updates, true);
  const stall = await stalls(target.server);
  await sleep(300); // the server's persistence tail belongs to these updates
  const cpu1 = await target.server.cpu();
  const round = {
    samples,
    lost,
    cpuUs: cpu1 - cpu0,
    updates,
    clientCpuUs: clientCpu() - c0,
    elapsedMs: performance.now() - t0,
    ...stall,
  };
  closeAll([writer, ...watchers]);
  await sleep(300);
  return round;
}

function combineRounds(rounds: PropagationRound[], observers: number) {
  const samples = rounds.flatMap((r) => r.samples);
  const updates = rounds.reduce((a, r) => a + r.updates, 0);
  return {
    latency: {
      p50: percentile(samples, 50),
      p99: percentile(samples, 99),
      samples: samples.length,
      lost: rounds.reduce((a, r) => a + r.lost, 0),
      cpuPerObserverUpdateUs: rounds.reduce((a, r) => a + r.cpuUs, 0) / (updates * observers),
      serverStallMs: Math.max(...rounds.map((r) => r.serverStallMs)),
      clientStallMs: Math.max(...rounds.map((r) => r.clientStallMs)),
    },
    clientCpuPct:
      (rounds.reduce((a, r) => a + r.clientCpuUs, 0) /
        (rounds.reduce((a, r) => a + r.elapsedMs, 0) * 1000)) *
      100,
  };
}

/** (2): 100 documents x 10 clients; writers rotate within each document. */
async function multi(target: Target, results: Results) {
  const { multiDocs, multiClients } = SIZES;
  const specs = [];
  for (let d = 0; d < multiDocs; d++)
    for (let k = 0; k < multiClients; k++) specs.push({ doc: target.doc(DOC.multi + d) });
  const connectStart = performance.now();
  const clients = await openClients(target, specs, 50);
  const connectMs = performance.now() - connectStart;
  await sleep(1000);
  const recording = recordProbes();
  const warmTicks = SIZES.multiHz; // one second of warm-up
  const ticks = warmTicks + SIZES.multiHz * SIZES.multiSeconds;
  let window = openWindow(target.server);
  await paced(ticks, SIZES.multiHz, (tick) => {
    if (tick === warmTicks) {
      recording.from = tick;
      window = openWindow(target.server);
    }
    const d = tick % multiDocs;
    const k = Math.floor(tick / multiDocs) % multiClients;
    clients[d * multiClients + k]?.writeProbe(`c${k}`, tick, recording.phase);
  });
  const expected = ticks * (multiClients - 1);
  const complete = await waitFor(() => recording.received >= expected, 5_000);
  const cpu1 = await target.server.cpu();
  const stall = await stalls(target.server);
  const elapsed = performance.now() - window.at;
  results.clientCpuPct.multi = ((clientCpu() - window.clientCpu) / (elapsed * 1000)) * 100;
  probeSink.record = null;
  const { samples } = recording;
  results.multi = {
    p50: percentile(samples, 50),
    p99: percentile(samples, 99),
    samples: samples.length,
    lost: complete ? 0 : expected - recording.received,
    serverCpuPct: ((cpu1 - window.serverCpu) / (elapsed * 1000)) * 100,
    connectMs,
    ...stall,
  };
  closeAll(clients);
  await sleep(500);
}

/** (4): one writer at 200 updates/s; time from send until the update is durable. */
async function durable(
  target: Target,
  index: number,
  note: string,
): Promise<(Latency & { note: string }) | undefined> {
  if (target.durable === "none") return undefined;
  const name = target.doc(index);
  const token = await target.token?.(name);
  const writer = new BenchClient(target.endpoint, name, {
    acks: target.durable === "saved",
    ...(token ? { token } : {}),
  });
  await writer.connect();
  await sleep(200);
  await resetStalls(target.server);
  const phase = nextPhase();
  const sentAt = new Map<number, number>(); // our ack unit (frame number) or probe seq -> send time
  const samples: number[] = [];
  let done = 0;
  const settle = (upTo: number, at: number, keyOf: "frame" | "seq") => {
    for (const [key, t] of sentAt) {
      if (key > upTo) break;
      sentAt.delete(key);
      done += 1;
      const seq = keyOf === "frame" ? (frameToSeq.get(key) as number) : key;
      if (seq >= SIZES.durableWarmup) {
        samples.push(at - t);
        if (process.env.BENCH_TRACE) trace.push([seq, at - t]);
      }
    }
  };
  const frameToSeq = new Map<number, number>();
  const trace: [number, number][] = [];
  writer.onSaved = (count, at) => settle(count, at, "frame");
  const onStored = (data: { documentName: string; seq: number }) => {
    if (data.documentName === name) settle(data.seq, performance.now(), "seq");
  };
  target.server.on("stored", onStored);
  await paced(SIZES.durableUpdates, SIZES.durableHz, (seq) => {
    const t = performance.now();
    const frame = writer.writeProbe("durable", seq, phase);
    if (target.durable === "saved") {
      frameToSeq.set(frame, seq);
      sentAt.set(frame, t);
    } else {
      sentAt.set(seq, t);
    }
  });
  const complete = await waitFor(() => done >= SIZES.durableUpdates, 15_000);
  target.server.off("stored", onStored);
  const stall = await stalls(target.server);
  if (process.env.BENCH_TRACE) {
    const worst = [...trace].sort((a, b) => b[1] - a[1]).slice(0, 15);
    console.log(
      `  durable worst (seq: ms): ${worst.map(([q, ms]) => `${q}: ${ms.toFixed(1)}`).join(", ")}`,
    );
  }
  writer.close();
  return {
    p50: percentile(samples, 50),
    p99: percentile(samples, 99),
    samples: samples.length,
    lost: complete ? 0 : SIZES.durableUpdates - done,
    note,
    ...stall,
  };
}

/** (5): memory per idle connection and per loaded document, after GC. */
async function memory(target: Target, results: Results) {
  // Warm-up: open and close the same number of connections once, so the heap and
  // the young generation have grown to their working size before the baseline.
  const warm = await openClients(
    target,
    Array.from({ length: SIZES.idleConnections }, () => ({ doc: target.doc(DOC.memIdle) })),
  );
  closeAll(warm);
  await sleep(1000);
  const m0 = await target.server.mem();
  const idle = await openClients(
    target,
    Array.from({ length: SIZES.idleConnections }, () => ({ doc: target.doc(DOC.memIdle) })),
  );
  await sleep(500);
  const m1 = await target.server.mem();
  const perConnRss = (m1.rss - m0.rss) / SIZES.idleConnections;
  const perConnHeap =
    (m1.heapUsed + m1.external - m0.heapUsed - m0.external) / SIZES.idleConnections;
  results.memIdle = { rssKb: perConnRss / 1024, heapKb: perConnHeap / 1024 };
  const state = typedState(SIZES.loadedDocumentKeystrokes);
  const loaded = await openClients(
    target,
    Array.from({ length: SIZES.loadedDocuments }, (_, d) => ({
      doc: target.doc(DOC.memDocs + d),
      options: { initialState: state },
    })),
  );
  await sleep(1500);
  const m2 = await target.server.mem();
  const n = SIZES.loadedDocuments;
  results.memDoc = {
    rssKb: ((m2.rss - m1.rss) / n - perConnRss) / 1024,
    heapKb: ((m2.heapUsed + m2.external - m1.heapUsed - m1.external) / n - perConnHeap) / 1024,
  };
  closeAll([...idle, ...loaded]);
  await sleep(500);
}

/** (6): connect to a document whose 10,000 updates are only in storage; until the client holds it all. */
async function coldLoad(target: Target, first: number, expectLength: number) {
  const e2eMs: number[] = [];
  const loadMs: (number | null)[] = [];
  const clients: BenchClient[] = [];
  for (let i = 0; i < 4; i++) {
    const name = target.doc(first + i);
    const client = new BenchClient(target.endpoint, name);
    clients.push(client);
    const started = performance.now();
    let completeAt = 0;
    client.onProcessed = () => {
      if (completeAt === 0 && client.syncedAt > 0 && client.text.length >= expectLength)
        completeAt = performance.now();
    };
    await client.connect();
    client.onProcessed();
    await waitFor(() => completeAt > 0, 10_000);
    if (i === 0) continue; // warm-up: first load JIT-compiles the paths
    e2eMs.push(completeAt > 0 ? completeAt - started : Number.NaN);
    loadMs.push(
      await target.server.call<number | null>("loadMs", { document: name }).catch(() => null),
    );
  }
  // Connecting to the same, now loaded, document: the part of e2e that is not loading.
  const again = new BenchClient(target.endpoint, target.doc(first + 1));
  const started = performance.now();
  await again.connect();
  await waitFor(() => again.text.length >= expectLength, 5_000);
  const warmConnectMs = performance.now() - started;
  closeAll([...clients, again]);
  await sleep(300);
  return { e2eMs, loadMs, warmConnectMs };
}

/** (7): 500 clients (50 documents x 10) moving their cursor once a second. */
async function presence(target: Target, results: Results) {
  const specs = [];
  for (let d = 0; d < SIZES.presenceDocs; d++)
    for (let k = 0; k < SIZES.presenceClients; k++)
      specs.push({ doc: target.doc(DOC.presence + d), options: { awareness: true } });
  const clients = await openClients(target, specs, 50);
  const n = clients.length;
  // Each announces itself once, then a 2 s warm-up at the full rate.
  for (const client of clients) client.sendPresence(0);
  await sleep(1000);
  await paced(2 * n, n, (i) => clients[i % n]?.sendPresence(i));
  const before = clients.reduce((sum, c) => sum + c.awarenessReceived, 0);
  const cpu0 = await target.server.cpu();
  const c0 = clientCpu();
  const t0 = performance.now();
  const sends = SIZES.presenceSeconds * n;
  await paced(sends, n, (i) => clients[i % n]?.sendPresence(i + 1000));
  const cpu1 = await target.server.cpu();
  const elapsed = performance.now() - t0;
  results.clientCpuPct.presence = ((clientCpu() - c0) / (elapsed * 1000)) * 100;
  await sleep(300);
  const relayed = clients.reduce((sum, c) => sum + c.awarenessReceived, 0) - before;
  results.presence = {
    serverCpuPct: ((cpu1 - cpu0) / (elapsed * 1000)) * 100,
    relayed,
    expectedRelays: sends * SIZES.presenceClients,
  };
  closeAll(clients);
  await sleep(500);
}

/**
 * Runs every phase on every target, interleaved (phase by phase, alternating the
 * order of the servers), so that background load on a shared machine falls on
 * all servers alike. Latency phases run in rounds and pool their samples.
 */
export async function runAll(
  targets: Target[],
  log: (line: string) => void,
): Promise<Map<string, Results>> {
  const all = new Map<string, Results>(
    targets.map((t) => [t.name, { clientCpuPct: {}, errors: [] }]),
  );
  let flip = false;
  const each = async (label: string, run: (target: Target, results: Results) => Promise<void>) => {
    const order = flip ? [...targets].reverse() : targets;
    flip = !flip;
    for (const target of order) {
      const results = all.get(target.name) as Results;
      const started = performance.now();
      try {
        await run(target, results);
        log(`  ${label}: ${target.name} ${((performance.now() - started) / 1000).toFixed(1)} s`);
      } catch (error) {
        results.errors.push(`${label}: ${(error as Error).message}`);
        log(`  ${label}: ${target.name} FAILED: ${(error as Error).message}`);
      }
    }
  };
  for (const observers of [10, 100] as const) {
    const rounds = new Map<string, PropagationRound[]>();
    for (let r = 0; r < SIZES.propagationRounds; r++) {
      await each(`propagation to ${observers}, round ${r + 1}`, async (target) => {
        const round = await propagationRound(
          target,
          observers === 10 ? DOC.prop10 : DOC.prop100,
          observers,
        );
        rounds.set(target.name, [...(rounds.get(target.name) ?? []), round]);
      });
    }
    for (const target of targets) {
      const list = rounds.get(target.name);
      if (!list?.length) continue;
      const results = all.get(target.name) as Results;
      const { latency, clientCpuPct } = combineRounds(list, observers);
      results[observers === 10 ? "prop10" : "prop100"] = latency;
      results.clientCpuPct[`prop${observers}`] = clientCpuPct;
    }
  }
  await each("100 documents x 10 clients", (target, results) => multi(target, results));
  await each("durable acknowledgement", async (target, results) => {
    if (target.name === "hocuspocus") {
      results.durableDefault = await durable(
        target,
        DOC.durable,
        "defaults: debounce 2 s, maxDebounce 10 s",
      );
      await target.server.call("configure", { debounce: 0, maxDebounce: 0 });
      results.durable = await durable(
        target,
        DOC.durableTuned,
        "debounce 0: store on every change",
      );
      await target.server.call("configure", { debounce: 2000, maxDebounce: 10000 });
    } else {
      results.durable = await durable(target, DOC.durable, "SAVED ack (group commit)");
    }
  });
  await each("memory", (target, results) => memory(target, results));
  await each("cold load", async (target, results) => {
    const first = DOC.coldLog;
    const names = [0, 1, 2, 3].map((i) => target.doc(first + i));
    await target.prepareCold?.(names);
    await target.server.call("seedCold", { documents: names, n: SIZES.coldUpdates });
    results.cold = await coldLoad(target, first, SIZES.coldUpdates);
    if (target.coldSnapshot) {
      const snaps = [0, 1, 2, 3].map((i) => target.doc(DOC.coldSnapshot + i));
      await target.server.call("seedCold", { documents: snaps, n: SIZES.coldUpdates });
      for (const document of snaps) await target.server.call("compact", { document });
      const { e2eMs, loadMs } = await coldLoad(target, DOC.coldSnapshot, SIZES.coldUpdates);
      results.coldSnapshot = { e2eMs, loadMs };
    }
    await target.afterCold?.();
  });
  await each("presence", (target, results) => presence(target, results));
  return all;
}
