import os from "node:os";
import { writeBenchmarkSection } from "./benchmarks-doc.ts";
import { median } from "./stats.ts";
import { type Results, SIZES } from "./workload.ts";

const START = "<!-- collab-bench:start -->";
const END = "<!-- collab-bench:end -->";

type Cell = number | [number, number] | null | undefined;
type Key = "ours" | "hocuspocus" | "ywss" | "oursFix";

interface Row {
  id: string;
  metric: string;
  cells: Record<Key, Cell>;
  target: string;
  met: boolean | null;
  digits?: number;
}

const last = (cell: Cell) => (Array.isArray(cell) ? cell[1] : (cell ?? Number.NaN));
const fmtNum = (value: number, digits: number) =>
  Number.isFinite(value) ? value.toFixed(digits) : "n/a";
const fmt = (cell: Cell, digits = 1) =>
  cell === null || cell === undefined
    ? "n/a"
    : Array.isArray(cell)
      ? `${fmtNum(cell[0], digits)} / ${fmtNum(cell[1], digits)}`
      : fmtNum(cell, digits);
const ratio = (ours: Cell, peer: Cell) => {
  const a = last(ours);
  const b = last(peer);
  return Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(2)}x` : "n/a";
};
const notWorse = (ours: Cell, ...peers: Cell[]) =>
  peers.every((peer) => !Number.isFinite(last(peer)) || last(ours) <= last(peer));
/** p50 and p99 both at most the relay's (the floor a server that stores nothing sets). */
const notWorseThanRelay = (ours: Cell, relay: Cell) =>
  Array.isArray(ours) && Array.isArray(relay) && ours[0] <= relay[0] && ours[1] <= relay[1];
/** Server CPU per update (µs) with `observers` observers, from the per-delivery figure. */
const perUpdate = (x: Results | undefined, observers: 10 | 100) => {
  const perDelivery = (observers === 10 ? x?.prop10 : x?.prop100)?.cpuPerObserverUpdateUs;
  return perDelivery === undefined ? undefined : perDelivery * observers;
};

export interface Meta {
  date: Date;
  storage: string;
  warnings: string[];
  runtimeS: number;
  /** 1-minute load average before and after the run (the machine may be shared). */
  load: [number, number];
}

const LATENCY_TAIL =
  "y-websocket-server keeps documents in memory and stores nothing per update; ours stores every update before acknowledging it (one INSERT and commit per batch), runs the access, projection and mention hooks on it, and every 500 updates folds the log into a snapshot, which replays those updates in Yjs on the event loop. On this shared 2-core machine every server's p99 moves by milliseconds between runs (see the stall line), so one run does not rank the tails";

/** Why a target was missed, from profiling (node --cpu-prof, BENCH_PROFILE=1) and the diagnostic variants. */
export const CAUSES: Record<string, string> = {
  prop10: `${LATENCY_TAIL}.`,
  prop100: `${LATENCY_TAIL}.`,
  multi: `${LATENCY_TAIL}; here ours also spends more CPU than the peers on storing 200 updates/s durably (see the CPU row).`,
  cpu: "every server pays one WebSocket frame and one write system call per delivery; ours adds a fixed cost per update (the row below) that 100 deliveries share. BENCH_VARIANT=no-persist measures ours without the database write for comparison.",
  cpuFixed:
    "this intercept holds all of a process's CPU that does not grow with observers, its background work included: the relay, which stores nothing, comes to 1.4 ms per update at 50 updates/s, so the figure cannot show a fixed cost of 150 µs for any server. Ours carries more background work (the access version read twice a second, the job queue's polling) and stores each update before acknowledging it. A CPU profile of ours over the whole benchmark (BENCH_ONLY=ours BENCH_PROFILE=1, summarised in \"Where our server's time went\" below) finds three quarters of the time idle; of the busy quarter, a quarter is drizzle building the SQL text of each statement as it runs (the update log's INSERT per batch, and the session and access lookups as clients join) and a fifth is writing to sockets; Yjs itself is 3 %.",
  durable:
    "the acknowledgement waits for the INSERT to commit (p50 is about 1.5 ms); the tail is event-loop stalls on the shared machine plus the snapshot fold every 500 updates, which runs on the same thread. BENCH_TRACE=1 prints the slowest acks by update number.",
  cold: "replaying 10,000 separate updates; compaction keeps real logs far shorter (a snapshot plus at most 500 updates), and the row below shows the same document loaded from a snapshot.",
  memIdle:
    "per-connection state (two token buckets, a heartbeat interval per socket, the Fastify request kept by @fastify/websocket).",
  memDoc:
    "besides the Yjs document, a loaded document of ours holds its awareness, the projection's view of its action items and the update-log bookkeeping; resident memory also follows when V8 returns pages, which differs between the processes.",
  presence: "awareness is decoded, re-stamped with the identity and re-encoded as JSON per update.",
};

export function buildRows(r: Partial<Record<Key, Results>>): Row[] {
  const lat = (key: Key, pick: (x: Results) => { p50: number; p99: number } | undefined): Cell => {
    const x = r[key] && pick(r[key] as Results);
    return x ? [x.p50, x.p99] : null;
  };
  const num = (key: Key, pick: (x: Results) => number | undefined): Cell => {
    const x = r[key];
    return x ? (pick(x) ?? null) : null;
  };
  const all = (f: (key: Key) => Cell): Record<Key, Cell> => ({
    ours: f("ours"),
    hocuspocus: f("hocuspocus"),
    ywss: f("ywss"),
    oursFix: f("oursFix"),
  });
  const rows: Row[] = [];
  const p10 = all((k) => lat(k, (x) => x.prop10));
  rows.push({
    id: "prop10",
    metric: "Propagation p50 / p99, 1 writer -> 10 observers (ms)",
    cells: p10,
    target: "p50 and p99 not worse than y-websocket-server",
    met: notWorseThanRelay(p10.ours, p10.ywss),
    digits: 2,
  });
  const p100 = all((k) => lat(k, (x) => x.prop100));
  rows.push({
    id: "prop100",
    metric: "Propagation p50 / p99, 1 writer -> 100 observers (ms)",
    cells: p100,
    target: "p50 and p99 not worse than y-websocket-server",
    met: notWorseThanRelay(p100.ours, p100.ywss),
    digits: 2,
  });
  const multi = all((k) => lat(k, (x) => x.multi));
  rows.push({
    id: "multi",
    metric: `Propagation p50 / p99, ${SIZES.multiDocs} documents x ${SIZES.multiClients} clients, ${SIZES.multiHz} updates/s in all (ms)`,
    cells: multi,
    target: "p99 not worse than either peer",
    met: notWorse(multi.ours, multi.hocuspocus, multi.ywss),
    digits: 2,
  });
  rows.push({
    id: "multiCpu",
    metric: "  server CPU during it (% of one core)",
    cells: all((k) => num(k, (x) => x.multi?.serverCpuPct)),
    target: "-",
    met: null,
  });
  const cpu = all((k) => num(k, (x) => x.prop100?.cpuPerObserverUpdateUs));
  rows.push({
    id: "cpu",
    metric: "Server CPU per observer per update, 100 observers (µs)",
    cells: cpu,
    target: "<= 0.8x y-websocket-server",
    met: last(cpu.ours) <= 0.8 * last(cpu.ywss),
    digits: 2,
  });
  const marginal = all((k) => {
    const a = r[k]?.prop10?.cpuPerObserverUpdateUs;
    const b = r[k]?.prop100?.cpuPerObserverUpdateUs;
    return a !== undefined && b !== undefined ? (b * 100 - a * 10) / 90 : null;
  });
  rows.push({
    id: "cpuMarginal",
    metric: "  marginal CPU per additional observer per update, slope 10 -> 100 observers (µs)",
    cells: marginal,
    target: "-",
    met: null,
    digits: 2,
  });
  rows.push({
    id: "cpu10",
    metric: "  same with 10 observers (µs)",
    cells: all((k) => num(k, (x) => x.prop10?.cpuPerObserverUpdateUs)),
    target: "-",
    met: null,
    digits: 2,
  });
  // What an update costs before it is delivered to anyone (storing included): the
  // per-update cost at 10 observers less ten times the cost of one more observer.
  const fixed = all((k) => {
    const at10 = perUpdate(r[k], 10);
    const at100 = perUpdate(r[k], 100);
    return at10 !== undefined && at100 !== undefined ? at10 - (10 * (at100 - at10)) / 90 : null;
  });
  rows.push({
    id: "cpuFixed",
    metric:
      "  CPU per update not explained by deliveries (µs; intercept of the 10 and 100 observer runs, background work included)",
    cells: fixed,
    target: "<= 150 µs",
    met: last(fixed.ours) <= 150,
    digits: 0,
  });
  const durable = all((k) => lat(k, (x) => x.durable));
  rows.push({
    id: "durable",
    metric: `Durable ack p50 / p99 at ${SIZES.durableHz} updates/s (ms)`,
    cells: durable,
    target: "p99 <= 25 ms",
    met: last(durable.ours) <= 25,
  });
  rows.push({
    id: "durableDefault",
    metric: "  Hocuspocus at its default debounce (ms)",
    cells: {
      ours: null,
      hocuspocus: lat("hocuspocus", (x) => x.durableDefault),
      ywss: null,
      oursFix: null,
    },
    target: "-",
    met: null,
    digits: 0,
  });
  // RSS after GC is noisy (V8 returns pages late), heap + external misses native
  // socket state: the target is judged on the larger of the two.
  const idle = all((k) =>
    num(k, (x) => (x.memIdle ? Math.max(x.memIdle.rssKb, x.memIdle.heapKb) : undefined)),
  );
  rows.push({
    id: "memIdle",
    metric: `Memory per idle connection, max(RSS, heap + external) delta (kB; ${SIZES.idleConnections} connections)`,
    cells: idle,
    target: "<= 50 kB",
    met: last(idle.ours) <= 50,
  });
  rows.push({
    id: "memIdleHeap",
    metric: "  RSS / heap + external per idle connection (kB)",
    cells: all((k) => {
      const m = r[k]?.memIdle;
      return m ? ([m.rssKb, m.heapKb] as [number, number]) : null;
    }),
    target: "-",
    met: null,
  });
  const memDoc = all((k) => num(k, (x) => x.memDoc?.rssKb));
  rows.push({
    id: "memDoc",
    metric: `Memory per loaded document, RSS (kB; ${SIZES.loadedDocumentKeystrokes} keystrokes each)`,
    cells: memDoc,
    target: "not more than y-websocket-server",
    met: notWorse(memDoc.ours, memDoc.ywss),
  });
  rows.push({
    id: "memDocHeap",
    metric: "  heap + external per loaded document (kB)",
    cells: all((k) => num(k, (x) => x.memDoc?.heapKb)),
    target: "-",
    met: null,
  });
  const cold = all((k) => num(k, (x) => (x.cold ? median(x.cold.e2eMs) : undefined)));
  rows.push({
    id: "cold",
    metric: `Cold load, ${SIZES.coldUpdates.toLocaleString("en")} stored updates: connect until the client holds it (ms, median of 3)`,
    cells: cold,
    target: "not slower than y-websocket-server",
    met: notWorse(cold.ours, cold.ywss),
  });
  rows.push({
    id: "coldLoad",
    metric: "  of which the storage read (ms; ours: DocumentStore.load)",
    cells: all((k) =>
      num(k, (x) =>
        x.cold ? median(x.cold.loadMs.filter((v): v is number => v !== null)) : undefined,
      ),
    ),
    target: "-",
    met: null,
  });
  rows.push({
    id: "warmConnect",
    metric: "  connecting to the same document once loaded (ms)",
    cells: all((k) => num(k, (x) => x.cold?.warmConnectMs)),
    target: "-",
    met: null,
  });
  rows.push({
    id: "coldSnapshot",
    metric: "  ours from a compacted snapshot instead of the log (ms)",
    cells: {
      ours: r.ours?.coldSnapshot ? median(r.ours.coldSnapshot.e2eMs) : null,
      hocuspocus: null,
      ywss: null,
      oursFix: r.oursFix?.coldSnapshot ? median(r.oursFix.coldSnapshot.e2eMs) : null,
    },
    target: "-",
    met: null,
  });
  const presence = all((k) => num(k, (x) => x.presence?.serverCpuPct));
  rows.push({
    id: "presence",
    metric: `Presence: ${SIZES.presenceDocs * SIZES.presenceClients} clients (${SIZES.presenceDocs} docs x ${SIZES.presenceClients}) at 1 Hz, server CPU (% of one core)`,
    cells: presence,
    target: "<= 25 %",
    met: last(presence.ours) <= 25,
  });
  return rows;
}

const present = (r: Partial<Record<Key, Results>>) =>
  (Object.entries(r) as [Key, Results | undefined][]).filter(
    (e): e is [Key, Results] => e[1] !== undefined,
  );

export function renderReport(r: Partial<Record<Key, Results>>, meta: Meta) {
  const rows = buildRows(r);
  const header = [
    "metric",
    "ours",
    "Hocuspocus 3.4",
    "y-websocket-server 0.1.5",
    ...(r.oursFix ? ["ours, variant (diagnostic)"] : []),
    "ours / Hocuspocus",
    "ours / y-ws-server",
    "target",
    "met",
  ];
  const lines = rows.map((row) => [
    row.metric,
    fmt(row.cells.ours, row.digits),
    fmt(row.cells.hocuspocus, row.digits),
    fmt(row.cells.ywss, row.digits),
    ...(r.oursFix ? [fmt(row.cells.oursFix, row.digits)] : []),
    ratio(row.cells.ours, row.cells.hocuspocus),
    ratio(row.cells.ours, row.cells.ywss),
    row.target,
    row.met === null ? "" : row.met ? "yes" : "**no**",
  ]);
  const table = [
    `| ${header.join(" | ")} |`,
    `|${header.map(() => "---").join("|")}|`,
    ...lines.map((cells) => `| ${cells.join(" | ")} |`),
  ].join("\n");
  const missed = rows.filter((row) => row.met === false);
  const cpuModel = os.cpus()[0]?.model ?? "unknown CPU";
  const date = meta.date.toISOString().slice(0, 10);
  const errors = present(r).flatMap(([key, x]) => x.errors.map((e) => `${key}: ${e}`));
  const lost = present(r).flatMap(([key, x]) =>
    (["prop10", "prop100", "multi", "durable"] as const).flatMap((phase) => {
      const value = x[phase];
      return value && value.lost > 0
        ? [`${key} ${phase}: ${value.lost} deliveries missing at the deadline`]
        : [];
    }),
  );
  const clientCpu = present(r)
    .map(
      ([key, x]) =>
        `${key}: ${Object.entries(x.clientCpuPct)
          .map(([phase, pct]) => `${phase} ${pct.toFixed(0)} %`)
          .join(", ")}`,
    )
    .join("; ");
  const stallLine = present(r)
    .map(
      ([key, x]) =>
        `${key}: ${(["prop10", "prop100", "multi", "durable"] as const)
          .map((phase) => {
            const v = x[phase];
            return v?.serverStallMs !== undefined
              ? `${phase} ${v.serverStallMs.toFixed(0)} / ${(v.clientStallMs ?? Number.NaN).toFixed(0)}`
              : null;
          })
          .filter(Boolean)
          .join(", ")}`,
    )
    .join("; ");
  const md = [
    START,
    "## Live collaboration: our server vs Hocuspocus and y-websocket-server",
    "",
    `Run ${date} with \`npx --yes pnpm@10 --filter @runder-tisch/bench bench\` (apps/bench) on ${os.cpus().length} cores (${cpuModel}), Node ${process.version}, loopback only, ${meta.runtimeS.toFixed(0)} s in all.`,
    `The machine was shared with other work: 1-minute load average ${meta.load[0].toFixed(1)} before and ${meta.load[1].toFixed(1)} after the run on ${os.cpus().length} cores. To keep that fair, all three servers run side by side (idle ones cost nothing) and every phase runs server after server, alternating the order; the propagation phases run in ${SIZES.propagationRounds} rounds each. Tails (p99) still move from run to run by several milliseconds; the longest event-loop stall of each process during each latency phase is listed below the table, to tell server stalls from client or machine stalls.`,
    `Storage: ${meta.storage}. Ours is the real app (\`buildApp\`, update log + group commit, SAVED acks); Hocuspocus runs its Database extension against the same database; y-websocket-server runs in memory (its persistence hook is used only for the cold load, with a y-leveldb-style update log in the same database).`,
    "Each server runs in a child process of its own (`--expose-gc`); CPU is that process's `process.cpuUsage()` (the PostgreSQL server's own CPU is not counted for anyone). All clients run in the bench process with the same workload: the stock y-websocket framing for ours and y-websocket-server, Hocuspocus's document-name-prefixed framing with the same y-protocols payloads. Arrival times are taken in the socket's message event; the update is applied afterwards.",
    `Yjs duplicate-import warnings ("Yjs was already imported"): ${meta.warnings.length === 0 ? "none in any process" : meta.warnings.join("; ")}.`,
    "",
    table,
    "",
    "Workload: propagation = 1 writer (ours: collab token) sending a probe (send time in a Y.Map entry) at " +
      `${SIZES.propagationHz}/s, ${SIZES.propagationUpdates} measured after ${SIZES.propagationWarmup} warm-up; CPU per observer per update = server CPU over that window / (updates x observers), persistence included. ` +
      `${SIZES.multiDocs} x ${SIZES.multiClients}: writers rotate within each document, ${SIZES.multiSeconds} s measured. Durable ack: one writer, ${SIZES.durableUpdates} updates at ${SIZES.durableHz}/s, first ${SIZES.durableWarmup} excluded; ours from send until the SAVED count covers the frame; Hocuspocus until its store hook finished writing a state that contains the update (signalled to the bench over IPC, a stand-in: its protocol has no durable ack); y-websocket-server has no durability to wait for. ` +
      `Memory: RSS and heap deltas after GC for ${SIZES.idleConnections} idle connections on one document, then ${SIZES.loadedDocuments} documents with one connection each (per-document figure minus one connection). ` +
      `Cold load: ${SIZES.coldUpdates} keystroke updates stored per document (ours: ${SIZES.coldUpdates} rows of the update log, no snapshot; y-websocket-server: the same rows through its persistence hook; Hocuspocus: its own format, one merged state, so it replays nothing); first of 4 documents is a warm-up.`,
    `Longest event-loop stall, server / bench client (ms): ${stallLine}.`,
    `Client (bench process) CPU, for judging whether the client side limited the figures: ${clientCpu}.`,
    ...(errors.length || lost.length
      ? ["", `Problems during the run: ${[...errors, ...lost].join("; ")}.`]
      : []),
    "",
    "### Missed targets",
    "",
    ...(missed.length === 0
      ? ["None."]
      : missed.map(
          (row) =>
            `- **${row.metric.trim()}** (${row.target}): ${CAUSES[row.id] ?? "see the figures above."}`,
        )),
    END,
  ].join("\n");
  const consoleTable = [
    header.join(" | "),
    ...lines.map((cells) => cells.join(" | ").replaceAll("**", "")),
  ].join("\n");
  return { markdown: md, console: consoleTable };
}

export function writeReport(section: string): void {
  writeBenchmarkSection("collab-bench", section);
}
