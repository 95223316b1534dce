/**
 * The API under concurrent use: request rate and latency of `GET /api/inbox` and
 * `GET /api/cases` for a signed-in user against `GET /api/me` (the floor of a request:
 * session, one user row), 50 connections each, the three interleaved, on PostgreSQL.
 * First on the demo Kreis, then again after a million actions were added. Every read
 * is audited; afterwards the audit chain is sealed and verified. Last, the audit trail
 * alone: how many rows a second concurrent writers append, and how fast they are chained.
 *
 *   pnpm --filter @runder-tisch/bench bench:api
 *   (BENCH_DATABASE_URL, default the local PostgreSQL; BENCH_ACTIONS=0 skips the large
 *    data; BENCH_SECONDS per measurement, default 10; BENCH_NO_REPORT=1 prints only;
 *    BENCH_PROFILE=1 keeps the server's CPU profile in apps/bench/profiles/api)
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createDatabase, type DatabaseHandle } from "@runder-tisch/db";
import {
  agencyId,
  n,
  seedInboxScale,
  userId,
} from "@runder-tisch/server/bench/inbox-scale-data.ts";
import { AuditAppender } from "@runder-tisch/server/src/audit/audit-appender.ts";
import { recordAudit, verifyAuditChain } from "@runder-tisch/server/src/audit/audit-trail.ts";
import { sealAuditTrail } from "@runder-tisch/server/src/audit/seal-audit-trail.ts";
import { DEMO_PASSWORD } from "@runder-tisch/server/src/lib/demo-passwords.ts";
import { hashPassword } from "@runder-tisch/server/src/lib/passwords.ts";
import autocannon from "autocannon";
import { sql } from "drizzle-orm";
import pg from "pg";
import { writeBenchmarkSection } from "./benchmarks-doc.ts";
import { freePort } from "./free-port.ts";

const serverDirectory = fileURLToPath(new URL("../../server/", import.meta.url));
const PROFILE_DIRECTORY = fileURLToPath(new URL("../profiles/api", import.meta.url));
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const ACTIONS = Number(process.env.BENCH_ACTIONS ?? 1_000_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 50;
const ROUNDS = 2;
const AUDIT_WRITERS = 50;
const TARGET = { rateShare: 0.5, p99Ms: 50, auditRowsPerSecond: 5_000 };
const ALL_PATHS = ["/api/me", "/api/inbox", "/api/cases"] as const;
type ApiPath = (typeof ALL_PATHS)[number];
// BENCH_PATHS=/api/inbox measures (and, with BENCH_PROFILE=1, profiles) one path alone.
const PATHS: readonly ApiPath[] = process.env.BENCH_PATHS
  ? ALL_PATHS.filter((path) => process.env.BENCH_PATHS?.split(",").includes(path))
  : ALL_PATHS;

interface Figure {
  rate: number;
  p50: number;
  p99: number;
  failed: number;
  /** Share of one core the server process used during the measurement. */
  serverCpu: number;
}

/** CPU seconds a process has used so far (user + system), from /proc. */
async function cpuSeconds(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** The server as `pnpm start` runs it, on the given database, with the demo Kreis. */
async function startServer(databaseUrl: string, dataDir: string) {
  const port = await freePort();
  // With BENCH_PROFILE=1 the server writes a CPU profile into apps/bench/profiles/api on exit.
  const profile =
    process.env.BENCH_PROFILE === "1" ? ["--cpu-prof", `--cpu-prof-dir=${PROFILE_DIRECTORY}`] : [];
  const child = spawn(process.execPath, [...profile, "--import", "tsx", "src/main.ts"], {
    cwd: serverDirectory,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      DATABASE_URL: databaseUrl,
      DATA_DIR: dataDir,
      IDENTITY_KEY: randomBytes(32).toString("base64"),
      PORT: String(port),
      HOST: "127.0.0.1",
      SEED_DEMO: "1",
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  // The server's log, kept for a failure message.
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString());
    if (output.length > 50) output.shift();
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const address = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    if (Date.now() > deadline) throw new Error("the server did not answer within 60 s");
    const answered = await fetch(`${address}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (answered) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    address,
    pid: child.pid as number,
    log: () => output.join(""),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    },
  };
}

async function signIn(
  { address, log }: { address: string; log: () => string },
  email: string,
): Promise<string> {
  const response = await fetch(`${address}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (response.status !== 200) {
    throw new Error(`sign-in of ${email}: HTTP ${response.status}\n${log()}`);
  }
  const cookie = response.headers
    .getSetCookie()
    .map((header) => header.split(";")[0] ?? "")
    .find((pair) => pair.startsWith("rt_session="));
  if (!cookie) throw new Error(`no session cookie for ${email}`);
  return cookie;
}

async function load(address: string, pid: number, path: ApiPath, cookie: string) {
  const cpuBefore = await cpuSeconds(pid);
  const started = performance.now();
  const result = await autocannon({
    url: `${address}${path}`,
    connections: CONNECTIONS,
    duration: SECONDS,
    headers: { cookie },
  });
  const elapsed = (performance.now() - started) / 1000;
  const cpu = (await cpuSeconds(pid)) - cpuBefore;
  return {
    rate: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failed: result.non2xx + result.errors + result.timeouts,
    serverCpu: cpu / elapsed,
  } satisfies Figure;
}

/** The three paths in turn, `ROUNDS` times, alternating the order; the better round counts. */
async function measurePaths(address: string, pid: number, cookie: string) {
  const rounds = new Map<ApiPath, Figure[]>(PATHS.map((path) => [path, []]));
  // A short warm-up of each path first: JIT, connection pool, the database's caches.
  for (const path of PATHS) {
    await autocannon({
      url: `${address}${path}`,
      connections: 10,
      duration: 2,
      headers: { cookie },
    });
  }
  for (let round = 0; round < ROUNDS; round += 1) {
    const order = round % 2 === 0 ? PATHS : [...PATHS].reverse();
    for (const path of order) {
      const figure = await load(address, pid, path, cookie);
      console.log(`  ${path} round ${round + 1}: ${JSON.stringify(figure)}`);
      rounds.get(path)?.push(figure);
    }
  }
  const best = (figures: Figure[]) =>
    figures.reduce((a, b) => (b.rate > a.rate ? b : a), figures[0] as Figure);
  return new Map(PATHS.map((path) => [path, best(rounds.get(path) ?? [])]));
}

async function scalar(handle: DatabaseHandle, query: ReturnType<typeof sql>): Promise<number> {
  const result = (await handle.db.execute(query)) as unknown as {
    rows: Record<string, unknown>[];
  };
  return Number(Object.values(result.rows[0] ?? {})[0] ?? 0);
}

/** Waits until the server's sealer has chained every row, then verifies the chain. */
async function verifiedChain(handle: DatabaseHandle) {
  const deadline = Date.now() + 60_000;
  while ((await scalar(handle, sql`select count(*) from audit_log where chain_seq is null`)) > 0) {
    if (Date.now() > deadline) throw new Error("audit rows still unsealed after 60 s");
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return verifyAuditChain(handle.db);
}

/**
 * `AUDIT_WRITERS` writers appending audit rows as fast as they are confirmed, for
 * `SECONDS`: each row in a transaction of its own (how reads were audited before), or
 * through the group commit `request.audit` uses. Then one sealing run chains them all.
 */
async function auditAppendRate(handle: DatabaseHandle, grouped: boolean) {
  const appender = new AuditAppender(handle.db);
  const entry = { action: "view", targetType: "case", detail: { bench: true } } as const;
  const append = grouped
    ? () => appender.append(entry)
    : () => handle.db.transaction((tx) => recordAudit(tx, entry));
  const stopAt = performance.now() + SECONDS * 1000;
  let appended = 0;
  const writer = async () => {
    while (performance.now() < stopAt) {
      await append();
      appended += 1;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: AUDIT_WRITERS }, writer));
  const appendSeconds = (performance.now() - started) / 1000;
  const sealStarted = performance.now();
  const sealed = await sealAuditTrail(handle.db);
  const sealSeconds = (performance.now() - sealStarted) / 1000;
  return {
    appendedPerSecond: appended / appendSeconds,
    sealedPerSecond: sealed / sealSeconds,
    sealed,
  };
}

/** A user of bench agency 1 who can sign in with the demo password. */
async function benchUser(handle: DatabaseHandle): Promise<string> {
  const email = "bench-1-1@bench.test";
  await handle.db.execute(
    sql`update users set password_hash = ${await hashPassword(DEMO_PASSWORD)}
        where id = ${userId(n(1), n(1))}`,
  );
  return email;
}

const fmt = (value: number, digits = 0) => value.toFixed(digits);
const verdict = (ok: boolean) => (ok ? "met" : "**not met**");

function describeScenario(title: string, figures: Map<ApiPath, Figure>, inboxSize: string) {
  const floor = figures.get("/api/me")?.rate ?? 0;
  const rows = PATHS.filter((path) => figures.has(path)).map((path) => {
    const figure = figures.get(path) as Figure;
    const share = floor > 0 ? figure.rate / floor : 0;
    const target =
      path === "/api/me"
        ? "floor"
        : `${verdict(share >= TARGET.rateShare)} / ${verdict(figure.p99 <= TARGET.p99Ms)}`;
    return `| ${path} | ${fmt(figure.rate)} | ${path === "/api/me" ? "1.00x" : `${share.toFixed(2)}x`} | ${figure.p50} / ${figure.p99} | ${figure.failed} | ${fmt(figure.serverCpu * 100)} % | ${target} |`;
  });
  return [
    `### ${title}`,
    "",
    inboxSize,
    "",
    `| path | requests/s | of /api/me | p50 / p99 (ms) | failed | server CPU (one core = 100 %) | ≥ ${TARGET.rateShare}x / p99 ≤ ${TARGET.p99Ms} ms |`,
    "|---|---|---|---|---|---|---|",
    ...rows,
    "",
  ];
}

async function main() {
  const databaseName = `rt_bench_api_${Date.now()}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${databaseName}`);
  const databaseUrl = new URL(ADMIN_URL);
  databaseUrl.pathname = `/${databaseName}`;
  const dataDir = await mkdtemp(join(os.tmpdir(), "rt-bench-api-"));
  const server = await startServer(databaseUrl.toString(), dataDir);
  const handle = await createDatabase({
    kind: "postgres",
    url: databaseUrl.toString(),
    poolSize: 60,
  });
  const sections: string[] = [];
  try {
    const engine = String(
      (
        (await handle.db.execute(sql`select version() as v`)) as unknown as {
          rows: { v: string }[];
        }
      ).rows[0]?.v,
    ).split(" on ")[0];

    console.log("demo Kreis");
    const demoCookie = await signIn(server, "kim@demo.test");
    const auditBefore = await scalar(handle, sql`select count(*) from audit_log`);
    const demo = await measurePaths(server.address, server.pid, demoCookie);
    const demoActions = await scalar(handle, sql`select count(*) from actions`);
    sections.push(
      ...describeScenario(
        "Demo Kreis",
        demo,
        `Signed in as kim@demo.test (KIM-Case-Management) on the demo Kreis: ${demoActions} actions in all.`,
      ),
    );

    if (ACTIONS > 0) {
      console.log(`adding ${ACTIONS} actions`);
      await seedInboxScale(handle.db, ACTIONS);
      const email = await benchUser(handle);
      const cookie = await signIn(server, email);
      const scale = await measurePaths(server.address, server.pid, cookie);
      const responsible = await scalar(
        handle,
        sql`select count(*) from actions where responsible_agency_id = ${agencyId(n(1))}`,
      );
      const total = await scalar(handle, sql`select count(*) from actions`);
      sections.push(
        ...describeScenario(
          `${(total / 1_000_000).toFixed(1)} million actions`,
          scale,
          `Signed in as a member of an agency responsible for ${responsible.toLocaleString("en")} of ${total.toLocaleString("en")} actions, with 20,000 cases shared among 50 agencies (the data of "Inbox at one million action items").`,
        ),
      );
    }

    const auditRead = (await scalar(handle, sql`select count(*) from audit_log`)) - auditBefore;
    const chain = await verifiedChain(handle);
    console.log(`chain after the API runs: ${JSON.stringify(chain)}`);
    await server.stop();

    console.log("audit appends");
    const single = await auditAppendRate(handle, false);
    const grouped = await auditAppendRate(handle, true);
    const auditChain = await verifyAuditChain(handle.db);
    console.log(JSON.stringify({ single, grouped, auditChain }));

    const section = [
      "<!-- api-throughput:start -->",
      "## API under concurrent use",
      "",
      `Generated ${new Date().toISOString().slice(0, 10)} by \`pnpm --filter @runder-tisch/bench bench:api\` on ${os.cpus().length} cores, Node ${process.version}, ${engine} on the same machine (load average at the end: ${os.loadavg()[0]?.toFixed(1)}).`,
      `One server process as \`pnpm start\` runs it (demo Kreis seeded, LOG_LEVEL=warn) on a fresh database; [autocannon](https://github.com/mcollina/autocannon) with ${CONNECTIONS} connections and one session cookie, ${SECONDS} s per measurement, the three paths interleaved in ${ROUNDS} rounds (order alternating), the better round listed. The machine runs client, server and PostgreSQL on its ${os.cpus().length} cores.`,
      "",
      ...sections,
      `Every one of these reads was audited: ${auditRead.toLocaleString("en")} rows appended during the runs; afterwards the sealer had chained them and the chain verified: ${chain.valid ? `valid, ${chain.checked.toLocaleString("en")} rows checked` : `**broken** at ${chain.firstBrokenId}: ${chain.reason}`}.`,
      "",
      "### Audit trail appends",
      "",
      `${AUDIT_WRITERS} concurrent writers append rows as fast as each is confirmed, for ${SECONDS} s: each row in a transaction of its own, then through the group commit that \`request.audit\` uses (\`audit/audit-appender.ts\`); after each, one sealing run chains the rows.`,
      "",
      "| | appended rows/s | chained by the sealer, rows/s | target | |",
      "|---|---|---|---|---|",
      `| one transaction per row | ${fmt(single.appendedPerSecond)} | ${fmt(single.sealedPerSecond)} (${single.sealed.toLocaleString("en")} rows) | | |`,
      `| group commit | ${fmt(grouped.appendedPerSecond)} | ${fmt(grouped.sealedPerSecond)} (${grouped.sealed.toLocaleString("en")} rows) | ≥ ${TARGET.auditRowsPerSecond} both | ${verdict(Math.min(grouped.appendedPerSecond, grouped.sealedPerSecond) >= TARGET.auditRowsPerSecond)} |`,
      "",
      `Chain afterwards: ${auditChain.valid ? `valid, ${auditChain.checked.toLocaleString("en")} rows checked` : `**broken**: ${auditChain.reason}`}.`,
      "<!-- api-throughput:end -->",
    ].join("\n");
    console.log(section);
    if (process.env.BENCH_NO_REPORT !== "1") writeBenchmarkSection("api-throughput", section);
  } finally {
    await server.stop().catch(() => {});
    await handle.close();
    await admin.query(`drop database if exists ${databaseName} with (force)`);
    await admin.end();
    await rm(dataDir, { recursive: true, force: true });
  }
}

await main();
