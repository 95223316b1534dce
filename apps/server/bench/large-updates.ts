// Large conference-document updates and the event loop: how long one node stops
// answering anything while it stores and reloads 900 KiB updates, on the embedded
// database as started by `pnpm start`, on stock PGlite (as before), and on PostgreSQL, side by side in one run. Writes to docs/benchmarks.md.
// Run from apps/server:
//   node --import tsx bench/large-updates.ts
//   BENCH_POSTGRES_URL=postgres://postgres@127.0.0.1:5432/postgres node --import tsx bench/large-updates.ts
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { createDatabase, type Database, schema } from "@runder-tisch/db";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import * as Y from "yjs";
import { DocumentStore } from "../src/live/document-store.ts";
import { writeBenchmarkSection } from "./benchmark-report.ts";

const UPDATES = 8;
const UPDATE_KIB = 900;
const SECTION = "## Large updates and the event loop";
const migrationsFolder = fileURLToPath(new URL("../../../packages/db/migrations", import.meta.url));

interface Subject {
  label: string;
  open(): Promise<{ db: Database; close(): Promise<void> }>;
}

interface Figures {
  label: string;
  storeMs: number[];
  loadMs: number[];
  longestBlockMs: number;
}

/** One Yjs update of about `kib` KiB, as a paste of a long text would make it. */
function largeUpdate(kib: number): Uint8Array {
  const doc = new Y.Doc();
  doc.getText("notes").insert(0, randomBytes((kib * 1024) / 2).toString("hex"));
  return Y.encodeStateAsUpdate(doc);
}

/** The longest stretch in which a 2 ms timer could not run: what every other request waited. */
function watchEventLoop() {
  let longest = 0;
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 2);
  return {
    stop(): number {
      clearInterval(timer);
      return Math.max(longest, performance.now() - last);
    },
  };
}

async function measure(subject: Subject, updates: readonly Uint8Array[]): Promise<Figures> {
  const { db, close } = await subject.open();
  const documentName = `bench-large-${Date.now()}`;
  await db.delete(schema.documentUpdates);
  await db.delete(schema.documentSnapshots);
  const store = new DocumentStore(db);
  const figures: Figures = { label: subject.label, storeMs: [], loadMs: [], longestBlockMs: 0 };
  const watch = watchEventLoop();
  for (const update of updates) {
    let started = performance.now();
    await store.append([
      { documentName, update, userId: "bench", agencyId: null, at: new Date() } as never,
    ]);
    if (await store.needsCompaction(documentName)) await store.compact(documentName);
    figures.storeMs.push(performance.now() - started);
    started = performance.now();
    await store.load(documentName);
    figures.loadMs.push(performance.now() - started);
  }
  figures.longestBlockMs = watch.stop();
  await close();
  return figures;
}

function embedded(label: string, stockClient: boolean): Subject {
  return {
    label,
    async open() {
      const dataDir = mkdtempSync(join(tmpdir(), "rt-bench-large-"));
      const remove = () => rmSync(dataDir, { recursive: true, force: true });
      if (!stockClient) {
        const handle = await createDatabase({ kind: "pglite", dataDir });
        await handle.migrate();
        return { db: handle.db, close: () => handle.close().then(remove) };
      }
      const client = new PGlite({ dataDir });
      const db = drizzle(client, { schema });
      await migrate(db, { migrationsFolder });
      return {
        db: db as unknown as Database,
        close: () => client.close().then(remove),
      };
    },
  };
}

function postgres(url: string): Subject {
  return {
    label: "PostgreSQL",
    async open() {
      const handle = await createDatabase({ kind: "postgres", url });
      await handle.migrate();
      return { db: handle.db, close: () => handle.close() };
    },
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1] ?? 0;
const max = (values: number[]) => Math.max(...values);
const ms = (value: number) => value.toFixed(0);

const updates = Array.from({ length: UPDATES }, () => largeUpdate(UPDATE_KIB));
const subjects = [
  embedded("PGlite, stock client (before)", true),
  embedded("PGlite as started by `pnpm start`", false),
  ...(process.env.BENCH_POSTGRES_URL ? [postgres(process.env.BENCH_POSTGRES_URL)] : []),
];
const results: Figures[] = [];
for (const subject of subjects) {
  const figures = await measure(subject, updates);
  results.push(figures);
  console.log(
    `${figures.label}: store p50 ${ms(median(figures.storeMs))} / max ${ms(max(figures.storeMs))} ms, ` +
      `load p50 ${ms(median(figures.loadMs))} / max ${ms(max(figures.loadMs))} ms, ` +
      `longest block ${ms(figures.longestBlockMs)} ms`,
  );
}

const rows = results.map(
  (r) =>
    `| ${r.label} | ${ms(median(r.storeMs))} / ${ms(max(r.storeMs))} | ${ms(median(r.loadMs))} / ${ms(max(r.loadMs))} | ${ms(r.longestBlockMs)} |`,
);
const body = [
  `Run ${new Date().toISOString().slice(0, 10)} with \`node --import tsx bench/large-updates.ts\` (in apps/server), Node ${process.version}.`,
  `One document receives ${UPDATES} updates of ${UPDATE_KIB} KiB each, stored through the update log as the server stores them (compaction included, which folds the log once its tail passes 1 MiB); after each, the document is loaded cold as a new client's first sync does. "Longest block" is the longest time a 2 ms timer could not run during the whole series: every other request of the node waited that long.`,
  "",
  "| database | store + compaction p50 / max (ms) | cold load p50 / max (ms) | longest block of the event loop (ms) |",
  "|---|---|---|---|",
  ...rows,
  "",
  "PGlite runs inside the server process and answers synchronously, and its answers resolve without the event loop turning, so with the stock client a whole series of statements held the node; PostgreSQL works in another process and the loop stays free. The embedded client lets the loop turn before every statement and converts bytea with Node's native hex codec instead of one JavaScript string per byte. What is left is the longest single statement: writing the folded snapshot of a large document (here about 7 MB), roughly 60-100 ms per MB of document on this machine. Conference documents are tens of kilobytes; deployments beyond a single small office run on PostgreSQL (`DATABASE_URL`, see the README).",
  "",
].join("\n");
writeBenchmarkSection(SECTION, body);
