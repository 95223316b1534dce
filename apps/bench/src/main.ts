// Collaboration benchmark: our server vs @hocuspocus/server 3.x vs @y/websocket-server,
// same client workload, loopback only, each server in a child process of its own.
//   npx --yes pnpm@10 --filter @runder-tisch/bench bench
// Env: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres; a fresh
// rt_bench_<random> database is created there and dropped afterwards; unreachable -> PGlite),
// BENCH_ONLY=ours,hocuspocus,ywss (subset), BENCH_PROFILE=1 (--cpu-prof our server into
// apps/bench/profiles), BENCH_NO_REPORT=1 (do not touch docs/benchmarks.md),
// BENCH_VARIANT=no-persist (adds a diagnostic column: our app without database writes).
import os from "node:os";
import { type BenchDatabase, createBenchDatabase } from "./bench-database.ts";
import { oursTarget } from "./ours-target.ts";
import { ServerProcess } from "./parent.ts";
import { renderReport, writeReport } from "./report.ts";
import { DOC, type Results, runAll, type Target } from "./workload.ts";

const YJS_WARNING = "Yjs was already imported";
const warnings: string[] = [];
for (const method of ["warn", "error"] as const) {
  const original = console[method].bind(console);
  console[method] = (...args: unknown[]) => {
    if (args.some((a) => String(a).includes(YJS_WARNING)))
      warnings.push(`bench client: ${String(args[0])}`);
    original(...args);
  };
}

const log = (line: string) => console.log(line);
const started = Date.now();
const only = (process.env.BENCH_ONLY ?? "ours,hocuspocus,ywss").split(",");
const adminUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

const running = new Set<ServerProcess>();
let database: BenchDatabase | null = null;
const emergency = () => {
  for (const server of running) server.kill();
};
process.on("exit", emergency);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    emergency();
    const drop = database?.drop().catch(() => {}) ?? Promise.resolve();
    void drop.finally(() => process.exit(130));
  });
}

async function start(
  name: string,
  script: string,
  extraFlags: string[] = [],
  env: Record<string, string> = {},
) {
  const server = await ServerProcess.start(
    name,
    script,
    { BENCH_PG_URL: database?.url, ...env },
    extraFlags,
  );
  running.add(server);
  return server;
}

async function stop(server: ServerProcess) {
  await server.stop();
  running.delete(server);
  if (server.output.includes(YJS_WARNING)) warnings.push(`${server.name}: ${YJS_WARNING}`);
  const unexpected = server.output.trim();
  if (unexpected)
    log(`  ${server.name} printed:\n${unexpected.split("\n").slice(0, 20).join("\n")}`);
}

async function hocuspocusTarget(): Promise<Target> {
  const server = await start("hocuspocus", "hocuspocus.ts");
  return {
    name: "hocuspocus",
    endpoint: {
      name: "hocuspocus",
      flavor: "hocuspocus",
      url: () => `ws://127.0.0.1:${server.port}/`,
    },
    server,
    doc: (i) => `doc-${i}`,
    durable: "store-hook",
  };
}

async function ywssTarget(): Promise<Target> {
  const server = await start("y-websocket-server", "ywss.ts");
  return {
    name: "y-websocket-server",
    endpoint: {
      name: "y-websocket-server",
      flavor: "plain",
      url: (doc) => `ws://127.0.0.1:${server.port}/${doc}`,
    },
    server,
    doc: (i) => `doc-${i}`,
    durable: "none",
    prepareCold: async () => {
      await server.call("persistence", { on: true });
    },
    afterCold: async () => {
      await server.call("persistence", { on: false });
    },
  };
}

const results: Partial<Record<"ours" | "hocuspocus" | "ywss" | "oursFix", Results>> = {};
let failed = false;
const loadBefore = os.loadavg()[0] as number;
try {
  database = await createBenchDatabase(adminUrl, log);
  log(
    `machine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? "?"}), node ${process.version}, load average ${loadBefore.toFixed(1)}`,
  );
  // All servers run side by side (idle ones cost nothing) and the phases are interleaved.
  const targets: Target[] = [];
  if (only.includes("ours")) targets.push(await oursTarget(start, { documents: DOC.count }));
  if (only.includes("hocuspocus")) targets.push(await hocuspocusTarget());
  if (only.includes("ywss")) targets.push(await ywssTarget());
  // Diagnostic: a second copy of our app with the persistence changes proposed in the report.
  if (process.env.BENCH_VARIANT)
    targets.push(
      await oursTarget(start, {
        documents: DOC.count,
        name: "ours-fix",
        variant: process.env.BENCH_VARIANT,
      }),
    );
  const all = await runAll(targets, log);
  results.ours = all.get("ours");
  results.hocuspocus = all.get("hocuspocus");
  results.ywss = all.get("y-websocket-server");
  results.oursFix = all.get("ours-fix");
  for (const target of targets) await stop(target.server);
} catch (error) {
  failed = true;
  console.error(error);
} finally {
  emergency();
  await database
    ?.drop()
    .catch((error: unknown) => console.error("dropping the database failed:", error));
}
const loadAfter = os.loadavg()[0] as number;

const report = renderReport(results, {
  date: new Date(),
  storage: database ? "PostgreSQL 15 (local, loopback)" : "PGlite (in memory)",
  warnings,
  runtimeS: (Date.now() - started) / 1000,
  load: [loadBefore, loadAfter],
});
console.log(`\n${report.console}`);
if (!failed && !process.env.BENCH_NO_REPORT && only.length === 3) {
  writeReport(report.markdown);
  log("written to docs/benchmarks.md");
}
process.exit(failed ? 1 : 0);
