// Inbox at one million action items: loads synthetic data, times the inbox the
// way the route runs it, and writes the figures to docs/benchmarks.md.
// Run from apps/server, where tsx is installed:
//   node --import tsx bench/inbox-scale.ts                  (in-memory PGlite)
//   DATABASE_URL=postgres://... node --import tsx bench/inbox-scale.ts
import { type TInboxQuery, ZInboxQuery } from "@runder-tisch/contracts";
import { createDatabase, type Database } from "@runder-tisch/db";
import { type SQL, sql } from "drizzle-orm";
import { todayInBerlin } from "../src/lib/time.ts";
import { buildInboxQueries, listInbox } from "../src/routes/inbox/list-inbox.ts";
import { writeBenchmarkSection } from "./benchmark-report.ts";
import { AGENCIES, agencyId, CASES, n, seedInboxScale, userId } from "./inbox-scale-data.ts";

// Smaller only for a quick check of the script itself; the recorded figures use the default.
const ACTIONS = Number(process.env.BENCH_ACTIONS ?? 1_000_000);
const RUNS = 20;
const SECTION = "## Inbox at one million action items";

async function timed<T>(label: string, run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await run();
  console.log(`${label}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return result;
}

/**
 * The partial indexes of migration 0002: they hand out pending actions already in
 * inbox order, so a page reads ~200 rows instead of every pending row of the agency.
 * The benchmark drops them for a second measurement to show what they are worth.
 */
const INBOX_ORDER_INDEXES = [
  ["actions_inbox_agency_pending_idx", "responsible_agency_id"],
  ["actions_inbox_user_pending_idx", "responsible_user_id"],
].map(([name, column]) => ({
  name: name as string,
  create:
    sql.raw(`create index if not exists ${name} on actions (${column}, due_date asc nulls last,
    created_at, id) include (case_id) where status in ('open', 'in_progress')`),
  drop: sql.raw(`drop index if exists ${name}`),
}));

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;

async function explain(db: Database, query: { getSQL(): SQL }): Promise<string[]> {
  const result = (await db.execute(
    sql`explain (analyze, buffers) ${query.getSQL()}`,
  )) as unknown as { rows: Record<string, string>[] };
  return result.rows.map((row) => Object.values(row)[0] ?? "");
}

async function measure(db: Database, label: string, query: TInboxQuery) {
  const reader = {
    agencyId: (await scalar(db, sql`select ${agencyId(n(1))}::text`)) as string,
    userId: (await scalar(db, sql`select ${userId(n(1), n(1))}::text`)) as string,
  };
  const filters = ZInboxQuery.parse(query);
  const today = todayInBerlin();
  let result = await listInbox(db, reader, filters, today);
  const times: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    const started = performance.now();
    result = await listInbox(db, reader, filters, today);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  // One query per part of the scope (the agency's own, the orphaned ones of its cases).
  const { lists, counts } = buildInboxQueries(db, reader, filters, today);
  const explainAll = async (queries: readonly { getSQL(): SQL }[]) => {
    const plans: string[] = [];
    for (const [part, query] of queries.entries()) {
      plans.push(...(part > 0 ? ["", `-- part ${part + 1}`] : []), ...(await explain(db, query)));
    }
    return plans;
  };
  const listPlan = await explainAll(lists);
  const countsPlan = await explainAll(counts);
  // Summed over the parts.
  const executionMs = (plan: string[]) =>
    plan
      .filter((line) => line.startsWith("Execution Time"))
      .reduce((sum, line) => sum + Number(line.match(/[\d.]+/)?.[0] ?? NaN), 0);
  const row = {
    label,
    returned: result.actions.length,
    counts: result.counts,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    listMs: executionMs(listPlan),
    countsMs: executionMs(countsPlan),
  };
  console.log(row);
  return { row, listPlan, countsPlan };
}

async function scalar(db: Database, query: SQL): Promise<unknown> {
  const result = (await db.execute(query)) as unknown as { rows: Record<string, unknown>[] };
  return Object.values(result.rows[0] ?? {})[0];
}

const SCENARIOS: [string, TInboxQuery][] = [
  ["agency, default filters", {}],
  ["me, default filters", { scope: "me" }],
  ["agency, overdue=true", { overdue: "true" }],
];

type Measurement = Awaited<ReturnType<typeof measure>>;

async function measureAll(db: Database): Promise<Measurement[]> {
  const results: Measurement[] = [];
  for (const [label, query] of SCENARIOS) results.push(await measure(db, label, query));
  return results;
}

function describeRun(variant: string, results: Measurement[]): string[] {
  const fmt = (ms: number) => ms.toFixed(1);
  const [first] = results;
  const plan = (title: string, lines: string[] = []) => [
    `<details><summary>${title}</summary>`,
    "",
    "```",
    ...lines,
    "```",
    "",
    "</details>",
    "",
  ];
  return [
    `### ${variant}`,
    "",
    "| scenario | returned | counts (open / overdue / ≤7 days) | p50 ms | p95 ms | EXPLAIN page ms | EXPLAIN counts ms |",
    "|---|---|---|---|---|---|---|",
    ...results.map(
      ({ row }) =>
        `| ${row.label} | ${row.returned} | ${row.counts.open} / ${row.counts.overdue} / ${row.counts.dueWithin7Days} | ${fmt(row.p50)} | ${fmt(row.p95)} | ${fmt(row.listMs)} | ${fmt(row.countsMs)} |`,
    ),
    "",
    ...plan("Plans of the page queries (agency, default filters)", first?.listPlan),
    ...plan("Plans of the counts queries (agency)", first?.countsPlan),
  ];
}

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  const handle = await createDatabase(
    url ? { kind: "postgres", url, poolSize: 2 } : { kind: "pglite" },
  );
  try {
    await handle.migrate();
    const db = handle.db;
    const seeded = await scalar(
      db,
      sql`select count(*)::int from agencies where id = ${agencyId(n(1))}`,
    );
    if (Number(seeded) === 0) await timed("load", () => seedInboxScale(db, ACTIONS));
    else console.log("bench data already present; reusing it");
    const engine = String(await scalar(db, sql`select version()`)).split(" on ")[0] ?? "";
    const actionsTotal = Number(await scalar(db, sql`select count(*)::int from actions`));
    const runs: string[] = [...describeRun("Schema as migrated", await measureAll(db))];
    // Side by side in the same run: the same data without the inbox-order indexes.
    for (const index of INBOX_ORDER_INDEXES) await db.execute(index.drop);
    await db.execute(sql`vacuum analyze actions`);
    runs.push(
      "Without the partial indexes in inbox order (migration 0002), every pending row of the",
      "agency is read from the heap and sorted for each page:",
      "",
      ...describeRun("Without the inbox-order indexes", await measureAll(db)),
    );
    for (const index of INBOX_ORDER_INDEXES) await db.execute(index.create);
    const lines = [
      `Run ${new Date().toISOString().slice(0, 10)} with \`node --import tsx bench/inbox-scale.ts\` (in apps/server)`,
      `on ${handle.kind === "pglite" ? `in-memory PGlite (${engine})` : engine}.`,
      `Data: ${actionsTotal.toLocaleString("en")} actions, ${CASES.toLocaleString("en")} cases,`,
      `${AGENCIES} agencies (each case owned by one, shared with two; 10 % of the second bases revoked).`,
      `The measured agency is responsible for ~${Math.round(actionsTotal / AGENCIES / 1000)}k actions.`,
      `Timings are \`listInbox\` (page of 200 + counts, as GET /api/inbox runs it), ${RUNS} runs after one warm-up.`,
      "",
      ...runs,
    ];
    writeBenchmarkSection(SECTION, lines.join("\n"));
  } finally {
    await handle.close();
  }
}

await main();
