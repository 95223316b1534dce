import { randomBytes } from "node:crypto";
import pg from "pg";
import { writeBenchmarkSection } from "../bench/benchmark-report.ts";
import { type ClusterFaultReport, runClusterFaults } from "../test/cluster/cluster-faults.ts";

/*
 * The long series of the three-node fault run (see test/cluster/cluster-faults.ts):
 * CLUSTER_RUNS runs of CLUSTER_KILLS kills each (default 10 x 20), seeds from
 * CLUSTER_FIRST_SEED (default 1) on, each
 * on a database of its own on the PostgreSQL server DATABASE_URL names (default the
 * local one). Prints a line per run and writes the figures into docs/benchmarks.md.
 */
const adminUrl = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const runs = Number(process.env.CLUSTER_RUNS ?? 10);
const killsPerRun = Number(process.env.CLUSTER_KILLS ?? 20);
const revocationsPerRun = Number(process.env.CLUSTER_REVOCATIONS ?? 4);
const firstSeed = Number(process.env.CLUSTER_FIRST_SEED ?? 1);

async function onOwnDatabase<T>(run: (url: string) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const name = `rt_faults_${randomBytes(4).toString("hex")}`;
  await admin.query(`create database ${name}`);
  try {
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    return await run(url.toString());
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

const reports: ClusterFaultReport[] = [];
for (let seed = firstSeed; seed < firstSeed + runs; seed += 1) {
  const report = await onOwnDatabase((databaseUrl) =>
    runClusterFaults({ seed, kills: killsPerRun, revocations: revocationsPerRun, databaseUrl }),
  );
  reports.push(report);
  const slowest = Math.max(...report.revocations.map((r) => r.closedAfterMs));
  console.log(
    `seed ${seed}: ${report.nodeKills} node and ${report.redisKills} Redis kills, ` +
      `${report.acknowledged} saved edits, ${report.lostAcknowledged.length} lost, ` +
      `converged ${report.convergedAfterMs.toFixed(0)} ms after recovery, ` +
      `slowest revocation ${slowest.toFixed(0)} ms (${JSON.stringify(report.revocations.map((r) => [Math.round(r.closedAfterMs), Math.round(r.requestMs), r.closeCodes]))}), sockets closed ${JSON.stringify(report.writerCloseCodes)}, ` +
      `${(report.durationMs / 1000).toFixed(0)} s`,
  );
}

const all = reports.flatMap((report) => report.revocations);
const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
const max = (values: number[]) => Math.max(...values);
const ms = (value: number) => value.toFixed(0);
const sorted = all.map((r) => r.closedAfterMs).sort((a, b) => a - b);
const median = sorted[sorted.length >> 1] ?? Number.NaN;
const closeCodes: Record<string, number> = {};
for (const [code, count] of reports.flatMap((r) => Object.entries(r.writerCloseCodes))) {
  closeCodes[code] = (closeCodes[code] ?? 0) + count;
}
const failures = {
  lost: sum(reports.map((r) => r.lostAcknowledged.length)),
  violations: sum(reports.map((r) => r.violations.length)),
  unconverged: reports.filter((r) => !(r.convergedAfterMs <= 5_000)).length,
  lateRevocations: all.filter((r) => r.closedAfterMs > 2_000).length,
  lateAcknowledgements: sum(all.map((r) => r.acknowledgedLate)),
  acceptedAfterRevocation: all.filter((r) => !r.reconnectRefused).length,
};

writeBenchmarkSection(
  "## Three nodes, killed while people edit",
  [
    `Run ${new Date().toISOString().slice(0, 10)} with \`npx --yes pnpm@10 --filter @runder-tisch/server cluster-faults\` on PostgreSQL, Node ${process.version}, all on this 2-core machine: ${runs} runs (seeds ${firstSeed}-${firstSeed + runs - 1}) of ${killsPerRun} kills each.`,
    "Three server nodes on one database and one Redis behind a round-robin TCP proxy; four people (two agencies) type into one conference document through the proxy, about 25 edits a second each, and reconnect whenever their node dies. Seeded kills (SIGKILL) of a node or of Redis, 0.2-1.2 s apart, a node restarting after up to 0.8 s, Redis after up to 3 s; at least one node always serves. Four times a run, the case owner revokes an agency's sharing basis while that agency has the document open twice, every other time while Redis is down.",
    "",
    "| runs | node kills | Redis kills | saved edits | saved edits lost | converged after the last recovery (max) | revocations (with Redis down) | sockets closed after revoking, median / max | edits saved later than 2 s after revoking | new socket of the revoked agency refused |",
    "|---|---|---|---|---|---|---|---|---|---|",
    `| ${runs} | ${sum(reports.map((r) => r.nodeKills))} | ${sum(reports.map((r) => r.redisKills))} | ${sum(reports.map((r) => r.acknowledged))} | ${failures.lost} | ${ms(max(reports.map((r) => r.convergedAfterMs)))} ms | ${all.length} (${all.filter((r) => r.busDown).length}) | ${ms(median)} / ${ms(max(sorted))} ms | ${failures.lateAcknowledgements} | ${all.length - failures.acceptedAfterRevocation} of ${all.length} |`,
    "",
    `The people's sockets were closed ${sum(Object.values(closeCodes))} times, by close code: ${Object.entries(
      closeCodes,
    )
      .map(([code, count]) => `${code} x ${count}`)
      .join(
        ", ",
      )} (1006: their node was killed; 4504: a node could not confirm access in time and closed rather than trust it; 1001: a node shutting down).`,
    "",
    "Revocation times run from the time the database gave the revocation (its transaction's start, a little before the commit, on the same clock as the clients); on this machine a node restart takes about 4 s of CPU (loading the TypeScript sources), which the other nodes, PostgreSQL and the clients share. The CI suite runs the same scenario once, shorter (`src/live/cluster-faults.postgres.test.ts`, 8 kills, 2 revocations).",
  ].join("\n"),
);
console.log(JSON.stringify(failures));
if (Object.values(failures).some((count) => count > 0)) process.exitCode = 1;
