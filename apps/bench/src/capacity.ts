// Capacity of one node: many idle connections over many documents, and editors over a
// smaller set of documents, each editor writing one update a second. Measures how long an
// update takes to reach the other editors of its document, whether every one arrived, and
// what the server process spends in CPU and memory meanwhile.
//   npx --yes pnpm@10 --filter @runder-tisch/bench bench:capacity
// Env: CAPACITY_IDLE (10000 connections) over CAPACITY_IDLE_DOCS (1000 documents),
// CAPACITY_EDITORS (1000) over CAPACITY_EDITOR_DOCS (100), CAPACITY_SECONDS (30 measured,
// after 5 of warm-up); BENCH_DATABASE_URL as for `bench`; BENCH_PROFILE=1 keeps the
// server's CPU profile; BENCH_NO_REPORT=1 leaves docs/benchmarks.md alone.
import os from "node:os";
import { type BenchDatabase, createBenchDatabase } from "./bench-database.ts";
import { writeBenchmarkSection } from "./benchmarks-doc.ts";
import { probeSink } from "./client.ts";
import { oursTarget } from "./ours-target.ts";
import { ServerProcess } from "./parent.ts";
import { percentile, sleep } from "./stats.ts";
import {
  clientCpu,
  closeAll,
  openClients,
  openWindow,
  paced,
  recordProbes,
  stalls,
  waitFor,
} from "./workload.ts";

const numberFrom = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const SIZE = {
  idle: numberFrom("CAPACITY_IDLE", 10_000),
  idleDocs: numberFrom("CAPACITY_IDLE_DOCS", 1_000),
  editors: numberFrom("CAPACITY_EDITORS", 1_000),
  editorDocs: numberFrom("CAPACITY_EDITOR_DOCS", 100),
  seconds: numberFrom("CAPACITY_SECONDS", 30),
  warmupSeconds: 5,
};
/** Sends are grouped into this many batches a second, each editor once a second in all. */
const BATCHES_PER_SECOND = 50;
const P99_TARGET_MS = 50;

const log = (line: string) => console.log(line);
const adminUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const mb = (bytes: number) => bytes / 1024 / 1024;

/** What to clean up however the run ends. */
const held: { server: ServerProcess | null; database: BenchDatabase | null } = {
  server: null,
  database: null,
};
process.on("exit", () => held.server?.kill());

async function measure() {
  const loadBefore = os.loadavg()[0] as number;
  const database = await createBenchDatabase(adminUrl, log);
  held.database = database;
  const target = await oursTarget(
    async (name, script, flags = [], env = {}) => {
      const server = await ServerProcess.start(
        name,
        script,
        { BENCH_PG_URL: database?.url, ...env },
        ["--max-old-space-size=4096", ...flags],
      );
      held.server = server;
      return server;
    },
    { documents: SIZE.idleDocs + SIZE.editorDocs },
  );
  const base = await target.server.mem();

  const idleSpecs = Array.from({ length: SIZE.idle }, (_, i) => ({
    doc: target.doc(i % SIZE.idleDocs),
  }));
  let started = performance.now();
  const idle = await openClients(target, idleSpecs, 50);
  const idleConnectS = (performance.now() - started) / 1000;
  const withIdle = await target.server.mem();
  log(
    `${SIZE.idle} idle connections over ${SIZE.idleDocs} documents in ${idleConnectS.toFixed(1)} s`,
  );

  const perDoc = Math.floor(SIZE.editors / SIZE.editorDocs);
  const editorSpecs = Array.from({ length: SIZE.editorDocs * perDoc }, (_, i) => ({
    doc: target.doc(SIZE.idleDocs + Math.floor(i / perDoc)),
  }));
  started = performance.now();
  const editors = await openClients(target, editorSpecs, 50);
  const editorConnectS = (performance.now() - started) / 1000;
  log(
    `${editors.length} editors over ${SIZE.editorDocs} documents in ${editorConnectS.toFixed(1)} s`,
  );
  await sleep(1000);

  const recording = recordProbes();
  const perBatch = Math.ceil(editors.length / BATCHES_PER_SECOND);
  const warmBatches = SIZE.warmupSeconds * BATCHES_PER_SECOND;
  const batches = warmBatches + SIZE.seconds * BATCHES_PER_SECOND;
  let sent = 0;
  let window = openWindow(target.server);
  await paced(batches, BATCHES_PER_SECOND, (batch) => {
    if (batch === warmBatches) {
      recording.from = sent;
      window = openWindow(target.server);
    }
    // Batch b writes editors [b*perBatch, (b+1)*perBatch) modulo the count: each once a second.
    for (let j = 0; j < perBatch; j++) {
      const index = ((batch % BATCHES_PER_SECOND) * perBatch + j) % editors.length;
      editors[index]?.writeProbe(`e${index % perDoc}`, sent++, recording.phase);
    }
  });
  const expected = sent * (perDoc - 1);
  const complete = await waitFor(() => recording.received >= expected, 10_000);
  const cpu1 = await target.server.cpu();
  const elapsed = performance.now() - window.at;
  const stall = await stalls(target.server);
  const clientCpuPct = ((clientCpu() - window.clientCpu) / (elapsed * 1000)) * 100;
  probeSink.record = null;
  const { samples, received } = recording;
  const loaded = await target.server.mem();
  closeAll(editors);
  closeAll(idle);
  await target.server.stop();
  held.server = null;

  const measuredUpdates = sent - Math.min(recording.from, sent);
  return {
    date: new Date(),
    loadBefore,
    loadAfter: os.loadavg()[0] as number,
    database: database ? "PostgreSQL (local, loopback)" : "PGlite",
    idleConnectS,
    editorConnectS,
    editors: editors.length,
    perDoc,
    updatesPerSecond: measuredUpdates / (elapsed / 1000),
    deliveries: samples.length,
    p50: percentile(samples, 50),
    p99: percentile(samples, 99),
    max: percentile(samples, 100),
    missed: complete ? 0 : expected - received,
    expected,
    serverCpuPct: ((cpu1 - window.serverCpu) / (elapsed * 1000)) * 100,
    clientCpuPct,
    rss: { base: base.rss, withIdle: withIdle.rss, loaded: loaded.rss },
    heap: { base: base.heapUsed, withIdle: withIdle.heapUsed, loaded: loaded.heapUsed },
    ...stall,
  };
}

function render(r: Awaited<ReturnType<typeof measure>>): string {
  const perIdleKb = ((r.rss.withIdle - r.rss.base) / SIZE.idle / 1024).toFixed(1);
  const met = r.p99 <= P99_TARGET_MS && r.missed === 0;
  return `<!-- capacity:start -->
## Capacity of one node

Run ${r.date.toISOString().slice(0, 10)} with \`npx --yes pnpm@10 --filter @runder-tisch/bench bench:capacity\` (apps/bench/src/capacity.ts) on ${os.cpus().length} cores, Node ${process.version}, ${r.database}; the server (the real app, one node, in-process bus), PostgreSQL and all clients share this machine (1-minute load average ${r.loadBefore.toFixed(1)} before, ${r.loadAfter.toFixed(1)} after).
${SIZE.idle} idle connections over ${SIZE.idleDocs} documents, then ${r.editors} editors over ${SIZE.editorDocs} documents (${r.perDoc} each), every editor writing one update a second; ${SIZE.warmupSeconds} s warm-up, ${SIZE.seconds} s measured. Propagation is the time from an editor's send until another editor of the same document received it; every update must reach all ${r.perDoc - 1} others. Every update is stored before its acknowledgement.

| measure | value | target | met |
|---|---|---|---|
| updates stored and relayed per second | ${r.updatesPerSecond.toFixed(0)} | ${r.editors} | ${r.updatesPerSecond >= r.editors * 0.95 ? "yes" : "**no**"} |
| propagation p50 / p99 / max (ms; ${r.deliveries} deliveries) | ${r.p50.toFixed(1)} / ${r.p99.toFixed(1)} / ${r.max.toFixed(1)} | p99 <= ${P99_TARGET_MS} ms | ${r.p99 <= P99_TARGET_MS ? "yes" : "**no**"} |
| deliveries missed (of ${r.expected}) | ${r.missed} | 0 | ${r.missed === 0 ? "yes" : "**no**"} |
| server CPU while editing (% of one core) | ${r.serverCpuPct.toFixed(0)} | - |  |
| server resident memory: started / with the idle connections / with the editors too (MB) | ${mb(r.rss.base).toFixed(0)} / ${mb(r.rss.withIdle).toFixed(0)} / ${mb(r.rss.loaded).toFixed(0)} | - |  |
| per idle connection, resident (kB) | ${perIdleKb} | - |  |
| server heap after GC: started / idle / editors (MB) | ${mb(r.heap.base).toFixed(0)} / ${mb(r.heap.withIdle).toFixed(0)} / ${mb(r.heap.loaded).toFixed(0)} | - |  |
| connecting: idle connections / editors (s) | ${r.idleConnectS.toFixed(1)} / ${r.editorConnectS.toFixed(1)} | - |  |

${met ? "The node carried the load within the target." : "Not within the target on this machine; see the CPU of the bench client and the longest stalls below to tell where the time went."}
The bench client (all ${SIZE.idle + r.editors} connections, applying every update it receives) used ${r.clientCpuPct.toFixed(0)} % of one core; longest event-loop stall during the measured window: server ${r.serverStallMs.toFixed(0)} ms, bench client ${r.clientStallMs.toFixed(0)} ms.
<!-- capacity:end -->`;
}

try {
  const result = await measure();
  const section = render(result);
  console.log(`\n${section}`);
  if (!process.env.BENCH_NO_REPORT) {
    writeBenchmarkSection("capacity", section);
    log("written to docs/benchmarks.md");
  }
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  held.server?.kill();
  await held.database?.drop().catch((error: unknown) => console.error("dropping failed:", error));
}
process.exit(process.exitCode ?? 0);
